import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../../app/viewer';
import { CameraScanner, ScanInput, type ScanRead } from '../../../shared/scanner';
import { Alert, Loading, Page, QueryError, Section } from '../../../shared/ui';
import { ScanSession } from '../../scan-session/ScanSession';
import { useScanSession } from '../../scan-session/useScanSession';
import { codeProblem } from '../../verify/problems';
import { ActingFacility } from '../components/ActingFacility';
import { AggregateMutation, ParentPackQuery } from '../movements.graphql';
import { useActingFacility } from '../useActingFacility';

interface AggregateContext {
  facility?: string;
  parent: string;
}

/** Fill a case or pallet: scan the parent, then its children, with a running count against its capacity. */
export function AggregatePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useApolloClient();
  const acting = useActingFacility();
  const [typed, setTyped] = useState('');
  const [parent, setParent] = useState<string | null>(null);
  const [parentError, setParentError] = useState('');

  const pack = useQuery(ParentPackQuery, { variables: { code: parent ?? '' }, skip: !parent, fetchPolicy: 'network-only' });
  const info = pack.data?.pack;
  // The server refuses a child past the capacity; the count shows how full the parent is.
  const capacity = info?.capacity;

  const context: AggregateContext | null = parent && acting.loaded ? { facility: acting.facility || undefined, parent } : null;
  const scan = useScanSession<AggregateContext>({
    storageKey: `jejak.scan.${viewer.id}.aggregate`,
    context,
    send: async (children, sent) => {
      const result = await client.mutate({ mutation: AggregateMutation, variables: { parent: sent.parent, children, facility: sent.facility } });
      if (!result.data) throw new Error('No answer');
      return result.data.aggregate;
    },
  });

  // The count comes from the API once each batch is in.
  const { refetch } = pack;
  const accepted = scan.counts.accepted;
  useEffect(() => {
    if (parent) void refetch();
  }, [accepted, parent, refetch]);

  function chooseParent(read: ScanRead) {
    const problem = codeProblem(t, read.parsed);
    if (problem) {
      setParentError(problem.text);
      return;
    }
    setParentError('');
    setParent(read.parsed.bracketed ?? read.text);
    setTyped('');
  }

  const parentKey = context ? JSON.stringify(context) : null;
  const waiting = scan.items.filter((item) => item.context === parentKey && (item.state === 'queued' || item.state === 'sending')).length;
  const count = info?.childCount ?? 0;

  return (
    <Page title={t('movements.aggregate.title')} intro={t('movements.aggregate.intro')}>
      <Section title={t('movements.aggregate.parentTitle')} id="aggregate-parent">
        <ActingFacility facilities={acting.facilities} value={acting.facility} onChange={acting.setFacility} />
        {parent ? (
          <div className="parent-card" aria-live="polite">
            <p>
              {t('movements.aggregate.parent')}: <code>{parent}</code>
            </p>
            {pack.error ? <QueryError error={pack.error} onRetry={() => void refetch()} /> : null}
            {pack.loading && !info ? <Loading /> : null}
            {pack.data && !info ? <p>{t('movements.aggregate.newSscc')}</p> : null}
            {info ? (
              <>
                <p>
                  {t(`movements.level.${info.level}`)}
                  {info.product ? ` · ${info.product.name} · ${t('movements.aggregate.batch', { batch: info.batch })}` : ''}
                </p>
                <p className="aggregate-count" role="status">
                  {capacity
                    ? t('movements.aggregate.countOf', { count, capacity })
                    : t('movements.aggregate.count', { count })}
                  {waiting ? ` · ${t('movements.aggregate.waiting', { count: waiting })}` : ''}
                </p>
                {capacity ? <progress max={capacity} value={Math.min(count, capacity)} aria-label={t('movements.aggregate.fill')} /> : null}
                {capacity && count >= capacity ? <Alert tone="success">{t('movements.aggregate.full')}</Alert> : null}
              </>
            ) : null}
            <button type="button" className="button button-secondary" onClick={() => setParent(null)}>
              {t('movements.aggregate.change')}
            </button>
          </div>
        ) : (
          <div className="scan-inputs">
            <div className="scan-camera">
              <CameraScanner mode="single" onRead={chooseParent} />
            </div>
            <div className="scan-typed">
              <ScanInput
                label={t('movements.aggregate.parentLabel')}
                hint={t('movements.aggregate.parentHint')}
                value={typed}
                onValueChange={setTyped}
                onScan={chooseParent}
                error={parentError || null}
              />
            </div>
          </div>
        )}
      </Section>
      <Section title={t('movements.aggregate.childrenTitle')} id="aggregate-children">
        <ScanSession
          session={scan}
          notReady={t('movements.aggregate.parentFirst')}
          reportName="jejak-agregasi-ditolak"
          acceptedLabel={t('movements.aggregate.accepted')}
        />
      </Section>
    </Page>
  );
}
