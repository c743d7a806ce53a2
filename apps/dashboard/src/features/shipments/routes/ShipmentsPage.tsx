import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { canSee, navItem } from '../../../app/navigation';
import { audienceOf, useViewer } from '../../../app/viewer';
import type { ShipmentStatus, ShipmentSummaryFragment } from '../../../gql/graphql';
import { formatNumber } from '../../../shared/number';
import { EmptyState, Loading, Page, QueryError, Section, SelectField, Table, formatDateTime, type Column } from '../../../shared/ui';
import '../../../shared/work.css';
import { ShipmentStatusBadge } from '../components/ShipmentStatusBadge';
import { IncomingShipmentsQuery, OutgoingShipmentsQuery } from '../shipments.graphql';
import { SHIPMENT_STATUSES, isShipmentStatus } from '../status';

type Direction = 'in' | 'out';
/** A receiver sees a shipment once it is on its way. */
const INCOMING_STATUSES = SHIPMENT_STATUSES.filter((status) => status !== 'OPEN');

/** The delivery notes of my facilities, incoming or outgoing, by status (`?direction=in&status=…`). */
export function ShipmentsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const sends = canSee(navItem('ship'), audienceOf(viewer)) || canSee(navItem('returnPacks'), audienceOf(viewer));
  const directionParam = params.get('direction');
  const direction: Direction = directionParam === 'in' || directionParam === 'out' ? directionParam : sends ? 'out' : 'in';
  const statusParam = params.get('status');
  const status: ShipmentStatus | '' = isShipmentStatus(statusParam) && (direction === 'out' || statusParam !== 'OPEN') ? statusParam : '';
  const statuses = direction === 'in' ? INCOMING_STATUSES : SHIPMENT_STATUSES;

  const incoming = useQuery(IncomingShipmentsQuery, { variables: { status: status ? [status] : INCOMING_STATUSES }, skip: direction !== 'in' });
  const outgoing = useQuery(OutgoingShipmentsQuery, { variables: { status: status ? [status] : undefined }, skip: direction !== 'out' });
  const query = direction === 'in' ? incoming : outgoing;
  const rows = direction === 'in' ? incoming.data?.incomingShipments : outgoing.data?.outgoingShipments;

  const set = (change: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next);
  };

  const columns: Column<ShipmentSummaryFragment>[] = [
    {
      key: 'number',
      header: t('shipments.number'),
      nowrap: true,
      cell: (row) => (
        <Link to={`/shipments/${encodeURIComponent(row.id)}`} className="drill-link">
          {row.number}
        </Link>
      ),
    },
    {
      key: 'counterparty',
      header: direction === 'in' ? t('shipments.from') : t('shipments.to'),
      wide: true,
      cell: (row) => (
        <span className="product-cell">
          <strong>{direction === 'in' ? row.from.name : row.to.name}</strong>
          <span className="product-nie">{direction === 'in' ? t('shipments.toFacility', { name: row.to.name }) : t('shipments.fromFacility', { name: row.from.name })}</span>
        </span>
      ),
    },
    {
      key: 'units',
      header: t('shipments.units'),
      nowrap: true,
      cell: (row) => (row.receivedUnits && row.receivedUnits !== row.units ? `${formatNumber(row.receivedUnits)} / ${formatNumber(row.units)}` : formatNumber(row.units)),
    },
    { key: 'status', header: t('shipments.statusLabel'), cell: (row) => <ShipmentStatusBadge status={row.status} kind={row.kind} /> },
    { key: 'when', header: t('shipments.when'), cell: (row) => formatDateTime(row.receivedAt ?? row.cancelledAt ?? row.dispatchedAt ?? row.createdAt) },
    ...(direction === 'in'
      ? [
          {
            key: 'action',
            header: t('shipments.action'),
            cell: (row: ShipmentSummaryFragment) =>
              row.status === 'DISPATCHED' || row.status === 'RECEIVED_WITH_DISCREPANCIES' ? (
                <Link to={`/receive?shipment=${encodeURIComponent(row.id)}`}>{t('shipments.receiveLink', { number: row.number })}</Link>
              ) : null,
          },
        ]
      : [
          {
            key: 'action',
            header: t('shipments.action'),
            cell: (row: ShipmentSummaryFragment) =>
              row.status === 'OPEN' ? <Link to={`/ship?shipment=${encodeURIComponent(row.id)}`}>{t('shipments.continueLink', { number: row.number })}</Link> : null,
          },
        ]),
  ];
  const title = t(direction === 'in' ? 'shipments.list.incoming' : 'shipments.list.outgoing');

  return (
    <Page title={t('shipments.list.title')} intro={t('shipments.list.intro')}>
      <div className="filters filters-inline">
        <SelectField label={t('shipments.list.direction')} name="direction" value={direction} onChange={(event) => set({ direction: event.target.value, status: '' })}>
          <option value="in">{t('shipments.list.incoming')}</option>
          <option value="out">{t('shipments.list.outgoing')}</option>
        </SelectField>
        <SelectField label={t('shipments.statusLabel')} name="status" value={status} onChange={(event) => set({ status: event.target.value })}>
          <option value="">{t('shipments.list.allStatuses')}</option>
          {statuses.map((value) => (
            <option key={value} value={value}>
              {t(`shipments.status.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <Section title={status ? `${title}: ${t(`shipments.status.${status}`)}` : title} id="shipments-list">
        {query.error ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : rows ? (
          <>
            <p className="result-count" role="status" aria-busy={query.loading}>
              {t('shipments.list.count', { count: rows.length })}
            </p>
            {rows.length ? <Table caption={title} columns={columns} rows={rows} rowKey={(row) => row.id} /> : <EmptyState>{t('shipments.list.empty')}</EmptyState>}
          </>
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
