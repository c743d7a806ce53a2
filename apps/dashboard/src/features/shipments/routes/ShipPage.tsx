import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useViewer } from '../../../app/viewer';
import type { BulkResultFieldsFragment, ShipmentSummaryFragment } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/number';
import { Alert, Loading, Page, QueryError, Section, formatDateTime } from '../../../shared/ui';
import '../../../shared/work.css';
import { destinationsOf, useLifecycle } from '../../lifecycle/useLifecycle';
import { ActingFacility } from '../../movements/components/ActingFacility';
import { DestinationPicker } from '../../movements/components/DestinationPicker';
import { sendMovement, type MovementContext } from '../../movements/send';
import { useActingFacility } from '../../movements/useActingFacility';
import { ScanSession, rejectionText } from '../../scan-session/ScanSession';
import { useScanSession } from '../../scan-session/useScanSession';
import { ShipmentContents } from '../components/ShipmentContents';
import { ShipmentStatusBadge } from '../components/ShipmentStatusBadge';
import { CancelShipmentMutation, DispatchShipmentMutation, OpenShipmentMutation, OutgoingShipmentsQuery, ShipmentQuery } from '../shipments.graphql';

type Shipment = ShipmentSummaryFragment;

/** What the last dispatch or cancellation did, said once the shipment has left the screen. */
type Finished = { kind: 'dispatched'; shipment: Shipment; result: BulkResultFieldsFragment } | { kind: 'cancelled'; shipment: Shipment };

/**
 * Shipping as a document: choose the destination and open a delivery note (its number is the
 * shipment's), scan what goes into it, then dispatch it in one step or cancel it. An open
 * shipment lives on the server, so after a reload (or on another device) it is still here.
 */
export function ShipPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const acting = useActingFacility();
  const { lifecycle, error: lifecycleError, refetch: refetchLifecycle } = useLifecycle();
  const [params, setParams] = useSearchParams();
  const [to, setTo] = useState('');
  const [finished, setFinished] = useState<Finished | null>(null);
  const open = useQuery(OutgoingShipmentsQuery, { variables: { status: ['OPEN'] }, fetchPolicy: 'cache-and-network' });
  const [openShipment, opening] = useMutation(OpenShipmentMutation);

  const mine = (open.data?.outgoingShipments ?? []).filter((shipment) => shipment.status === 'OPEN' && (!acting.facility || shipment.from.id === acting.facility));
  const chosen = params.get('shipment');
  const current = chosen ? mine.find((shipment) => shipment.id === chosen) : params.get('new') === '1' ? undefined : mine[0];
  const others = mine.filter((shipment) => shipment !== current);

  async function onOpen() {
    setFinished(null);
    const result = await openShipment({ variables: { to, facility: acting.facility || undefined } }).catch(() => null);
    const id = result?.data?.openShipment.id;
    if (!id) return;
    await open.refetch();
    setParams({ shipment: id });
  }

  function onFinished(done: Finished) {
    setFinished(done);
    setTo('');
    setParams({ new: '1' });
    void open.refetch();
  }

  return (
    <Page title={t('movements.ship.title')} intro={t('shipments.ship.intro')}>
      {finished ? <FinishedNotice finished={finished} /> : null}
      {acting.error ? <QueryError error={acting.error} onRetry={() => void acting.refetch()} /> : null}
      {lifecycleError ? <QueryError error={lifecycleError} onRetry={() => void refetchLifecycle()} /> : null}
      {open.error ? <QueryError error={open.error} onRetry={() => void open.refetch()} /> : null}

      {!acting.loaded || !open.data ? (
        <Loading />
      ) : current ? (
        <OpenShipment key={current.id} shipment={current} onFinished={onFinished} />
      ) : (
        <Section title={t('shipments.ship.newTitle')} id="ship-new">
          <ActingFacility facilities={acting.facilities} value={acting.facility} onChange={acting.setFacility} />
          {lifecycle ? (
            <DestinationPicker
              types={destinationsOf(lifecycle, 'ship', viewer.organization.type)}
              exclude={acting.facilities.map((facility) => facility.id)}
              value={to}
              onChange={(id) => setTo(id)}
            />
          ) : (
            <Loading />
          )}
          {opening.error ? <Alert tone="error">{errorMessage(t, opening.error)}</Alert> : null}
          <div className="button-row">
            <button type="button" className="button button-primary" disabled={!to || opening.loading} onClick={() => void onOpen()}>
              {opening.loading ? t('shipments.ship.opening') : t('shipments.ship.open')}
            </button>
          </div>
          {!to ? <p className="field-hint">{t('shipments.ship.destinationFirst')}</p> : null}
        </Section>
      )}

      {others.length ? (
        <Section title={t('shipments.ship.othersTitle')} id="ship-others">
          <ul className="shipment-others">
            {others.map((shipment) => (
              <li key={shipment.id}>
                <Link to={`?shipment=${encodeURIComponent(shipment.id)}`} className="drill-link">
                  {t('shipments.ship.continue', { number: shipment.number, to: shipment.to.name })}
                </Link>
                <span className="muted"> · {t('shipments.unitsCount', { count: shipment.units, formatted: formatNumber(shipment.units) })}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {current ? (
        <p>
          <Link to="?new=1" className="button button-secondary">
            {t('shipments.ship.another')}
          </Link>
        </p>
      ) : null}
    </Page>
  );
}

/** An open shipment: its header and actions, the scanner that fills it, and what it holds so far. */
function OpenShipment({ shipment, onFinished }: { shipment: Shipment; onFinished: (done: Finished) => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useApolloClient();
  const detail = useQuery(ShipmentQuery, { variables: { id: shipment.id }, fetchPolicy: 'cache-and-network' });
  const [dispatch, dispatching] = useMutation(DispatchShipmentMutation);
  const [cancel, cancelling] = useMutation(CancelShipmentMutation);
  const [confirming, setConfirming] = useState<'dispatch' | 'cancel' | null>(null);
  const fresh = detail.data?.shipment ?? null;
  const units = fresh?.units ?? shipment.units;

  const context: MovementContext = { facility: shipment.from.id, to: shipment.to.id, shipment: shipment.id };
  const scan = useScanSession<MovementContext>({
    storageKey: `jejak.scan.${viewer.id}.ship.${shipment.id}`,
    context,
    send: async (codes, sent) => {
      const outcome = await sendMovement(client, 'ship', codes, sent);
      void detail.refetch();
      return outcome;
    },
  });
  const waiting = scan.counts.queued + scan.counts.sending;

  async function onDispatch() {
    const result = await dispatch({ variables: { id: shipment.id } }).catch(() => null);
    setConfirming(null);
    if (!result?.data) return;
    scan.clear();
    onFinished({ kind: 'dispatched', shipment: { ...shipment, units: result.data.dispatchShipment.units }, result: result.data.dispatchShipment });
  }

  async function onCancel() {
    const result = await cancel({ variables: { id: shipment.id } }).catch(() => null);
    setConfirming(null);
    if (!result?.data) return;
    scan.clear();
    onFinished({ kind: 'cancelled', shipment });
  }

  const failure = dispatching.error ?? cancelling.error;
  return (
    <>
      <Section
        title={t('shipments.ship.documentTitle', { number: shipment.number })}
        id="ship-document"
        actions={<ShipmentStatusBadge status={fresh?.status ?? shipment.status} />}
      >
        <dl className="details">
          <dt>{t('shipments.from')}</dt>
          <dd>{shipment.from.name}</dd>
          <dt>{t('shipments.to')}</dt>
          <dd>{shipment.to.name}</dd>
          <dt>{t('shipments.openedAt')}</dt>
          <dd>{formatDateTime(shipment.createdAt)}</dd>
          <dt>{t('shipments.units')}</dt>
          <dd data-testid="shipment-units">{formatNumber(units)}</dd>
        </dl>
        {failure ? <Alert tone="error">{errorMessage(t, failure)}</Alert> : null}
        {confirming ? (
          <div className="confirm" role="alertdialog" aria-labelledby="ship-confirm">
            <p id="ship-confirm">
              {confirming === 'dispatch'
                ? t('shipments.ship.confirmDispatch', { number: shipment.number, to: shipment.to.name, units: formatNumber(units) })
                : t('shipments.ship.confirmCancel', { number: shipment.number })}
            </p>
            <div className="button-row">
              {confirming === 'dispatch' ? (
                <button type="button" className="button button-primary" disabled={dispatching.loading} onClick={() => void onDispatch()} autoFocus>
                  {dispatching.loading ? t('shipments.ship.dispatching') : t('shipments.ship.confirmDispatchYes')}
                </button>
              ) : (
                <button type="button" className="button button-danger" disabled={cancelling.loading} onClick={() => void onCancel()} autoFocus>
                  {cancelling.loading ? t('shipments.ship.cancelling') : t('shipments.ship.confirmCancelYes')}
                </button>
              )}
              <button type="button" className="button button-secondary" onClick={() => setConfirming(null)}>
                {t('shipments.ship.back')}
              </button>
            </div>
          </div>
        ) : (
          <div className="button-row shipment-actions">
            <button type="button" className="button button-primary" disabled={units === 0 || waiting > 0} onClick={() => setConfirming('dispatch')}>
              {t('shipments.ship.dispatch')}
            </button>
            <Link to={`/shipments/${encodeURIComponent(shipment.id)}`} className="button button-secondary">
              {t('shipments.packingList')}
            </Link>
            <button type="button" className="button button-quiet" onClick={() => setConfirming('cancel')}>
              {t('shipments.ship.cancel')}
            </button>
          </div>
        )}
        {waiting > 0 ? <p className="field-hint">{t('shipments.ship.waitForScans')}</p> : units === 0 ? <p className="field-hint">{t('shipments.ship.emptyHint')}</p> : null}
      </Section>

      <Section title={t('movements.scanTitle')} id="ship-scan">
        <ScanSession
          session={scan}
          reportName="jejak-kirim-ditolak"
          acceptedLabel={t('shipments.ship.accepted')}
          describe={() => t('shipments.ship.line', { number: shipment.number, to: shipment.to.name })}
        />
      </Section>

      <Section title={t('shipments.ship.contentsTitle', { number: shipment.number })} id="ship-contents">
        {fresh ? <ShipmentContents contents={fresh} /> : detail.error ? <QueryError error={detail.error} onRetry={() => void detail.refetch()} /> : <Loading />}
      </Section>
    </>
  );
}

/** Said after a shipment left the screen: dispatched (with any pack taken out of it) or cancelled. */
function FinishedNotice({ finished }: { finished: Finished }) {
  const { t } = useTranslation();
  const { shipment } = finished;
  if (finished.kind === 'cancelled') return <Alert tone="info">{t('shipments.ship.cancelled', { number: shipment.number })}</Alert>;
  const { result } = finished;
  return (
    <Alert tone={result.rejected.length ? 'warning' : 'success'} title={t('shipments.ship.dispatched', { number: shipment.number, to: shipment.to.name, units: formatNumber(result.units) })}>
      {result.rejected.length ? (
        <>
          <p>{t('shipments.ship.takenOut', { count: result.rejected.length })}</p>
          <ul className="import-failures">
            {result.rejected.map((rejection) => (
              <li key={rejection.code}>
                <code>{rejection.code}</code>: {rejectionText(t, rejection)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to={`/shipments/${encodeURIComponent(shipment.id)}`}>{t('shipments.ship.printPackingList', { number: shipment.number })}</Link>
      </p>
    </Alert>
  );
}
