import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/ui';
import type { TraceEvent } from '../path';

interface TraceTimelineProps {
  events: readonly TraceEvent[];
  /** What each event offers beside it (a proof, a link): shown at the end of its row. */
  actions?: (event: TraceEvent, index: number) => ReactNode;
}

/** Every event, oldest first, numbered like the arrows of the graph, each with its actions (the trace screen: its ledger proof). */
export function TraceTimeline({ events, actions }: TraceTimelineProps) {
  const { t } = useTranslation();
  if (!events.length) return <p className="empty">{t('trace.noEvents')}</p>;
  return (
    <ol className="timeline">
      {events.map((event, index) => (
        <TraceEventItem key={event.id} event={event} step={index + 1} actions={actions?.(event, index)} />
      ))}
    </ol>
  );
}

interface TraceEventItemProps {
  event: TraceEvent;
  /** Its number in the timeline, 1 for the oldest. */
  step: number;
  /** Buttons or links for this event, at the end of its row (room kept for them on every width). */
  actions?: ReactNode;
}

/** One event: what happened, when, where, with whom, and who reported it. */
export function TraceEventItem({ event, step, actions }: TraceEventItemProps) {
  const { t } = useTranslation();
  return (
    <li className={`timeline-item timeline-${event.type.toLowerCase()}`}>
      <span className="timeline-step" aria-hidden="true">
        {step}
      </span>
      <div className="timeline-body">
        <p className="timeline-title">
          <strong>{t(`trace.event.${event.type}`)}</strong>
          <span className="visually-hidden">, </span>
          <time dateTime={event.at}>{formatDateTime(event.at)}</time>
        </p>
        <p className="timeline-text">
          {event.facility.name}
          {event.counterparty ? ` ${t(event.type === 'RECEIVED' ? 'trace.from' : 'trace.to', { name: event.counterparty.name })}` : ''}
        </p>
        <p className="timeline-meta">
          {[
            event.facility.regency,
            event.facility.province,
            event.reason ? t('trace.reason', { reason: event.reason }) : null,
            event.parentCode ? t('trace.parentCode', { code: event.parentCode }) : null,
            t(`trace.source.${event.source}`),
            event.recordedBy ? t(event.recordedBy.kind === 'API_KEY' ? 'traceSearch.byKey' : 'traceSearch.byUser', { name: event.recordedBy.name }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </div>
      <div className="timeline-actions">{actions}</div>
    </li>
  );
}
