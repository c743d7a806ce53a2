import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Section, formatDate, orDash } from '../../../shared/ui';
import { saveFile, toCsv } from '../../scan-session/csv';
import { traceCsvRows, type TraceData } from '../path';
import { TraceGraph } from './TraceGraph';
import { ProofButton } from '../../ledger/components/ProofButton';
import { TraceTimeline } from './TraceTimeline';

type PackRef = { code: string; level: string; status: string };
const CHILDREN_SHOWN = 50;

interface TraceViewProps {
  trace: TraceData;
  /** Opens the trace of another code (the parent or a child). */
  onOpen: (code: string) => void;
}

/** A pack: what and where it is, its aggregation tree, its path as a graph, and its timeline. */
export function TraceView({ trace, onOpen }: TraceViewProps) {
  const { t } = useTranslation();
  const { pack, parent, children, events } = trace;
  const details: Array<[string, ReactNode]> = [
    [t('trace.field.product'), pack.product ? `${pack.product.name} (${pack.product.nie})` : t('trace.mixed')],
    [t('trace.field.level'), t(`trace.level.${pack.level}`)],
    [t('trace.field.batch'), orDash(pack.batch)],
    [t('trace.field.expiry'), pack.expiry ? formatDate(pack.expiry) : orDash(null)],
    [
      t('trace.field.status'),
      <>
        {t(`verify.packStatus.${pack.status}`)}
        {pack.recalled ? <span className="badge badge-danger">{t('trace.recalled')}</span> : null}
      </>,
    ],
    [t('trace.field.custodian'), orDash(pack.custodian?.name)],
  ];
  if (pack.destination) details.push([t('trace.field.destination'), pack.destination.name]);

  return (
    <div className="trace">
      <Section title={t('trace.packTitle')} id="trace-pack">
        <p className="trace-code">
          <code>{pack.code}</code>
        </p>
        <dl className="details">
          {details.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      </Section>

      <Section title={t('trace.treeTitle')} id="trace-tree">
        <ul className="tree" aria-label={t('trace.treeTitle')}>
          {parent ? (
            <li>
              <PackButton pack={parent} onOpen={onOpen} prefix={t('trace.parent')} />
            </li>
          ) : (
            <li className="tree-none">{t('trace.noParent')}</li>
          )}
          <li>
            <ul>
              <li>
                <span className="tree-current" aria-current="true">
                  <span className="tree-level">{t(`trace.level.${pack.level}`)}</span> <code>{pack.code}</code>
                  <span className="visually-hidden"> ({t('trace.thisPack')})</span>
                </span>
                {children.length ? (
                  <ul>
                    {children.slice(0, CHILDREN_SHOWN).map((child) => (
                      <li key={child.code}>
                        <PackButton pack={child} onOpen={onOpen} />
                      </li>
                    ))}
                    {children.length > CHILDREN_SHOWN ? <li className="tree-none">{t('trace.moreChildren', { count: children.length - CHILDREN_SHOWN })}</li> : null}
                  </ul>
                ) : pack.level !== 'UNIT' ? (
                  <p className="tree-none">{t('trace.noChildren')}</p>
                ) : null}
              </li>
            </ul>
          </li>
        </ul>
      </Section>

      <div className="trace-path">
        <Section title={t('trace.graphTitle')} id="trace-graph">
          {events.length ? <TraceGraph events={events} /> : <p className="empty">{t('trace.noEvents')}</p>}
        </Section>
        <Section
          title={t('trace.timelineTitle')}
          id="trace-timeline"
          actions={
            events.length ? (
              <div className="button-row no-print">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => saveFile(`jejak-telusur-${(pack.serial ?? pack.sscc ?? pack.id).replace(/[^\w-]/g, '_')}.csv`, toCsv(traceCsvRows(t, trace)))}
                >
                  {t('traceSearch.downloadCsv')}
                </button>
                <button type="button" className="button button-secondary button-small" onClick={() => window.print()}>
                  {t('traceSearch.print')}
                </button>
              </div>
            ) : null
          }
        >
          <TraceTimeline events={events} actions={(event) => <ProofButton eventId={event.id} />} />
        </Section>
      </div>
    </div>
  );
}

function PackButton({ pack, onOpen, prefix }: { pack: PackRef; onOpen: (code: string) => void; prefix?: string }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="tree-link" onClick={() => onOpen(pack.code)} aria-label={t('trace.openLabel', { code: pack.code })}>
      {prefix ? <span className="tree-prefix">{prefix}</span> : null}
      <span className="tree-level">{t(`trace.level.${pack.level as 'UNIT'}`)}</span> <code>{pack.code}</code>
      <span className="tree-status">{t(`verify.packStatus.${pack.status as 'ACTIVE'}`)}</span>
    </button>
  );
}
