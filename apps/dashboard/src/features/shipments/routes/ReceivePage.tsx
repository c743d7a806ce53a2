import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useViewer } from '../../../app/viewer';
import type { ReceiveShipmentMutation as ReceiptData, ShipmentSummaryFragment } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { formatNumber } from '../../../shared/number';
import { ScanInput, readScan, type ScanRead } from '../../../shared/scanner';
import { Alert, EmptyState, Loading, Page, QueryError, Section, Table, formatDateTime, type Column } from '../../../shared/ui';
import '../../../shared/work.css';
import { ActingFacility } from '../../movements/components/ActingFacility';
import { sendMovement, type MovementContext } from '../../movements/send';
import { useActingFacility } from '../../movements/useActingFacility';
import { ScanSession, rejectionText } from '../../scan-session/ScanSession';
import { useScanSession } from '../../scan-session/useScanSession';
import { ShipmentContents } from '../components/ShipmentContents';
import { ShipmentStatusBadge } from '../components/ShipmentStatusBadge';
import { IncomingShipmentsQuery, ReceiveShipmentMutation, ShipmentByCodeQuery, ShipmentQuery } from '../shipments.graphql';
import { RECEIVABLE } from '../status';

type Receipt = ReceiptData['receiveShipment'];

/** A delivery note's barcode, (402) and its GSIN, read by any scanner. */
const isShipmentBarcode = (read: ScanRead) => read.parsed.valid && read.parsed.elements.some((element) => element.ai === '402');

/**
 * Receiving: the shipments on their way here, each opened by its row, its number or the barcode
 * on its delivery note; then everything in it received at once, or the codes that arrived
 * scanned and received together, with what is missing and what is extra named.
 */
export function ReceivePage() {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [params, setParams] = useSearchParams();
  const selected = params.get('shipment');
  const incoming = useQuery(IncomingShipmentsQuery, { fetchPolicy: 'cache-and-network' });
  const [typed, setTyped] = useState('');
  const [lookup, setLookup] = useState<{ busy: boolean; error: string }>({ busy: false, error: '' });

  /** Opens the shipment a scanned or typed delivery note names. */
  async function openByCode(read: ScanRead) {
    const code = read.parsed.valid && read.parsed.bracketed ? read.parsed.bracketed : read.text.trim();
    if (!code) return;
    setLookup({ busy: true, error: '' });
    try {
      const { data } = await client.query({ query: ShipmentByCodeQuery, variables: { code }, fetchPolicy: 'network-only' });
      const found = data?.shipmentByCode;
      if (!found) {
        setLookup({ busy: false, error: t('shipments.receive.notFound', { code }) });
        return;
      }
      setLookup({ busy: false, error: '' });
      setTyped('');
      setParams({ shipment: found.id });
    } catch (failure) {
      setLookup({ busy: false, error: errorMessage(t, failure) });
    }
  }

  /** In a scan list, a delivery note's barcode opens its shipment instead of joining the list. */
  const interceptShipment = (read: ScanRead) => {
    if (!isShipmentBarcode(read)) return false;
    void openByCode(read);
    return true;
  };

  function onFind(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (typed.trim()) void openByCode(readScan(typed, 'keyboard'));
  }

  const shipments = incoming.data?.incomingShipments;
  const columns: Column<ShipmentSummaryFragment>[] = [
    {
      key: 'number',
      header: t('shipments.number'),
      nowrap: true,
      cell: (row) => (
        <Link to={`?shipment=${encodeURIComponent(row.id)}`} className="drill-link" aria-current={row.id === selected ? 'true' : undefined}>
          {row.number}
        </Link>
      ),
    },
    { key: 'from', header: t('shipments.from'), wide: true, cell: (row) => row.from.name },
    { key: 'to', header: t('shipments.to'), cell: (row) => row.to.name },
    { key: 'units', header: t('shipments.units'), nowrap: true, cell: (row) => receivedOf(row) },
    { key: 'dispatchedAt', header: t('shipments.dispatchedAt'), cell: (row) => formatDateTime(row.dispatchedAt) },
    { key: 'status', header: t('shipments.statusLabel'), cell: (row) => <ShipmentStatusBadge status={row.status} kind={row.kind} /> },
  ];

  return (
    <Page title={t('movements.receive.title')} intro={t('shipments.receive.intro')}>
      <Section title={t('shipments.receive.findTitle')} id="receive-find">
        <form className="find-shipment" onSubmit={onFind} noValidate>
          <ScanInput
            label={t('shipments.receive.findLabel')}
            hint={t('shipments.receive.findHint')}
            value={typed}
            onValueChange={setTyped}
            onScan={(read) => void openByCode(read)}
            error={lookup.error || null}
          />
          <button type="submit" className="button button-secondary" disabled={lookup.busy || !typed.trim()}>
            {t('shipments.receive.find')}
          </button>
        </form>
      </Section>

      <Section title={t('shipments.receive.incomingTitle')} id="receive-incoming">
        {incoming.error ? (
          <QueryError error={incoming.error} onRetry={() => void incoming.refetch()} />
        ) : shipments ? (
          shipments.length ? (
            <Table caption={t('shipments.receive.incomingTitle')} columns={columns} rows={shipments} rowKey={(row) => row.id} />
          ) : (
            <EmptyState>{t('shipments.receive.noneIncoming')}</EmptyState>
          )
        ) : (
          <Loading />
        )}
      </Section>

      {selected ? (
        <ReceiveShipment key={selected} id={selected} intercept={interceptShipment} onReceived={() => void incoming.refetch()} />
      ) : (
        <LooseReceive intercept={interceptShipment} />
      )}
    </Page>
  );
}

const receivedOf = (shipment: Pick<ShipmentSummaryFragment, 'units' | 'receivedUnits' | 'status'>) =>
  shipment.receivedUnits && shipment.status !== 'RECEIVED' ? `${formatNumber(shipment.receivedUnits)} / ${formatNumber(shipment.units)}` : formatNumber(shipment.units);

/** One incoming shipment: what it should hold, received whole or by the codes scanned. */
function ReceiveShipment({ id, intercept, onReceived }: { id: string; intercept: (read: ScanRead) => boolean; onReceived: () => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useApolloClient();
  const detail = useQuery(ShipmentQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const [receiveAll, receivingAll] = useMutation(ReceiveShipmentMutation);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const shipment = detail.data?.shipment;
  const { facilities } = useActingFacility();

  const scan = useScanSession<MovementContext>({
    storageKey: `jejak.scan.${viewer.id}.receive.${id}`,
    context: shipment ? { facility: shipment.to.id, shipment: id } : null,
    autoSend: false,
    send: async (codes) => {
      const { data } = await client.mutate({ mutation: ReceiveShipmentMutation, variables: { id, codes } });
      if (!data) throw new Error('No answer');
      setReceipt(data.receiveShipment);
      void detail.refetch();
      onReceived();
      return data.receiveShipment;
    },
  });

  async function onReceiveAll() {
    const result = await receiveAll({ variables: { id } }).catch(() => null);
    if (!result?.data) return;
    setReceipt(result.data.receiveShipment);
    void detail.refetch();
    onReceived();
  }

  if (detail.error) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!detail.data) return <Loading />;
  if (!shipment) return <Alert tone="warning">{t('shipments.notFound')}</Alert>;
  // Only the facility it goes to receives it (a sender may open its own here, to look).
  const receivable = RECEIVABLE.includes(shipment.status) && facilities.some((facility) => facility.id === shipment.to.id);
  const queued = scan.counts.queued + scan.counts.sending;

  return (
    <>
      <Section
        title={t('shipments.receive.shipmentTitle', { number: shipment.number, from: shipment.from.name })}
        id="receive-shipment"
        actions={<ShipmentStatusBadge status={shipment.status} kind={shipment.kind} />}
      >
        <dl className="details">
          <dt>{t('shipments.from')}</dt>
          <dd>{shipment.from.name}</dd>
          <dt>{t('shipments.to')}</dt>
          <dd>{shipment.to.name}</dd>
          <dt>{t('shipments.dispatchedAt')}</dt>
          <dd>{formatDateTime(shipment.dispatchedAt)}</dd>
          <dt>{t('shipments.units')}</dt>
          <dd>{t('shipments.receive.receivedOf', { received: formatNumber(shipment.receivedUnits), units: formatNumber(shipment.units) })}</dd>
        </dl>
        {receipt ? <ReceiptNotice receipt={receipt} /> : null}
        {receivingAll.error ? <Alert tone="error">{errorMessage(t, receivingAll.error)}</Alert> : null}
        <div className="button-row shipment-actions">
          {receivable ? (
            <button type="button" className="button button-primary" disabled={receivingAll.loading || queued > 0} onClick={() => void onReceiveAll()}>
              {receivingAll.loading ? t('shipments.receive.receiving') : t('shipments.receive.receiveAll', { units: formatNumber(shipment.units - shipment.receivedUnits) })}
            </button>
          ) : null}
          <Link to={`/shipments/${encodeURIComponent(shipment.id)}`} className="button button-secondary">
            {t('shipments.packingList')}
          </Link>
          <Link to="?" className="button button-quiet">
            {t('shipments.receive.close')}
          </Link>
        </div>
        {!receivable ? <p className="field-hint">{t('shipments.receive.notReceivable', { status: t(`shipments.status.${shipment.status}`) })}</p> : null}
      </Section>

      {receivable ? (
        <Section title={t('shipments.receive.scanTitle')} id="receive-scan">
          <p className="section-intro">{t('shipments.receive.scanIntro')}</p>
          <ScanSession
            session={scan}
            reportName={`jejak-terima-${shipment.number}`}
            acceptedLabel={t('movements.receive.accepted')}
            onRead={intercept}
            actions={
              <button type="button" className="button button-primary button-small" disabled={scan.counts.queued === 0 || scan.counts.sending > 0} onClick={scan.flush}>
                {t('shipments.receive.receiveScanned', { count: scan.counts.queued })}
              </button>
            }
          />
        </Section>
      ) : null}

      <Section title={t('shipments.receive.expectedTitle')} id="receive-contents">
        <ShipmentContents contents={shipment} showStatus />
      </Section>
    </>
  );
}

/** One way an arrival differs from its shipment (missing, extra): its codes under a heading, or nothing. */
function ReceiptCodes({ id, codes, title, intro }: { id: string; codes: readonly string[]; title: string; intro: string }) {
  if (!codes.length) return null;
  return (
    <div className="receipt-part" role="group" aria-labelledby={id}>
      <h3 id={id} className="subheading">
        {title}
      </h3>
      <p className="section-intro">{intro}</p>
      <ul className="code-list">
        {codes.map((code) => (
          <li key={code}>
            <code className="code-wrap">{code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What a receipt did: units taken over, and how the arrival differs from the shipment. */
function ReceiptNotice({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  const differs = receipt.missing.length > 0 || receipt.extra.length > 0 || receipt.rejected.length > 0;
  return (
    <div className="receipt">
      <Alert tone={differs ? 'warning' : 'success'} title={t('shipments.receive.received', { units: formatNumber(receipt.units), number: receipt.shipment.number })}>
        {!differs ? <p>{t('shipments.receive.complete')}</p> : null}
      </Alert>
      <ReceiptCodes id="receipt-missing" codes={receipt.missing} title={t('shipments.receive.missingTitle', { count: receipt.missing.length })} intro={t('shipments.receive.missingIntro')} />
      <ReceiptCodes id="receipt-extra" codes={receipt.extra} title={t('shipments.receive.extraTitle', { count: receipt.extra.length })} intro={t('shipments.receive.extraIntro')} />
      {receipt.recalled.length ? (
        <Alert tone="warning" title={t('shipments.receive.recalledTitle', { count: receipt.recalled.length })}>
          <ul className="code-list">
            {receipt.recalled.map((code) => (
              <li key={code}>
                <span className="badge badge-danger">{t('shipments.recalled')}</span> <code className="code-wrap">{code}</code>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {receipt.rejected.length ? (
        <div className="receipt-part" role="group" aria-labelledby="receipt-refused">
          <h3 id="receipt-refused" className="subheading">
            {t('shipments.receive.refusedTitle', { count: receipt.rejected.length })}
          </h3>
          <ul className="code-list">
            {receipt.rejected.map((rejection) => (
              <li key={rejection.code}>
                <code className="code-wrap">{rejection.code}</code>: {rejectionText(t, rejection)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Packs that come without a delivery note to open (returns from customers, older deliveries):
 * scanned or uploaded, each received as it is read.
 */
function LooseReceive({ intercept }: { intercept: (read: ScanRead) => boolean }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const client = useApolloClient();
  const acting = useActingFacility();
  const scan = useScanSession<MovementContext>({
    storageKey: `jejak.scan.${viewer.id}.receive`,
    context: acting.loaded ? { facility: acting.facility } : null,
    send: (codes, sent) => sendMovement(client, 'receive', codes, sent),
  });
  return (
    <Section title={t('shipments.receive.looseTitle')} id="receive-scan">
      <p className="section-intro">{t('shipments.receive.looseIntro')}</p>
      {acting.error ? <QueryError error={acting.error} onRetry={() => void acting.refetch()} /> : null}
      <ActingFacility facilities={acting.facilities} value={acting.facility} onChange={acting.setFacility} />
      <ScanSession session={scan} reportName="jejak-receive" acceptedLabel={t('movements.receive.accepted')} onRead={intercept} />
    </Section>
  );
}
