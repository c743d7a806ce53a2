import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/ui';
import { ProofButton } from '../../ledger/components/ProofButton';
import type { TraceEvent } from '../path';

/** Every event, oldest first, numbered like the arrows of the graph, each with its ledger proof. */
export function TraceTimeline({ events }: { events: readonly TraceEvent[] }) {
  const { t } = useTranslation();
  if (!events.length) return <p className="empty">{t('trace.noEvents')}</p>;
  return (
    <ol className="timeline">
      {events.map((event, index) => (
        <li key={event.id} className={`timeline-item timeline-${event.type.toLowerCase()}`}>
          <span className="timeline-step" aria-hidden="true">
            {index + 1}
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
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <ProofButton eventId={event.id} />
          </div>
        </li>
      ))}
    </ol>
  );
}
