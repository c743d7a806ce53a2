import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PackingListQuery as PackingListData } from '../../../gql/graphql';
import { formatNumber } from '../../../shared/number';
import { Loading, Page, QueryError, formatDateTime, orDash } from '../../../shared/ui';
import '../../../shared/work.css';
import { useActingFacility } from '../../movements/useActingFacility';
import { ShipmentBarcode } from '../components/ShipmentBarcode';
import { ShipmentContents } from '../components/ShipmentContents';
import { ShipmentStatusBadge } from '../components/ShipmentStatusBadge';
import { PackingListQuery } from '../shipments.graphql';
import { RECEIVABLE } from '../status';

type Shipment = NonNullable<PackingListData['shipment']>;
type Party = Shipment['from'];

/**
 * A shipment's delivery note and packing list, laid out for an A4 sheet: sender and receiver,
 * the number and its barcode, what it holds by product, batch and expiry, every case, pallet and
 * unit code named, and room for both signatures.
 */
export function PackingListPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? '';
  const { data, error, refetch } = useQuery(PackingListQuery, { variables: { id }, fetchPolicy: 'cache-and-network' });
  const { facilities } = useActingFacility();
  const shipment = data?.shipment;

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  if (!shipment) {
    return (
      <Page title={t('shipments.notFound')}>
        <Link to="/shipments">{t('shipments.packing.back')}</Link>
      </Page>
    );
  }
  const mine = (facility: { id: string }) => facilities.some((candidate) => candidate.id === facility.id);
  const units = shipment.lines.reduce((sum, line) => sum + line.units, 0);

  return (
    <Page title={t(shipment.kind === 'RETURN' ? 'shipments.packing.titleReturn' : 'shipments.packing.title', { number: shipment.number })} intro={t('shipments.packing.intro')}>
      <div className="no-print labels-tools">
        <Link to="/shipments">{t('shipments.packing.back')}</Link>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={() => window.print()}>
            {t('shipments.packing.print')}
          </button>
          {RECEIVABLE.includes(shipment.status) && mine(shipment.to) ? (
            <Link to={`/receive?shipment=${encodeURIComponent(shipment.id)}`} className="button button-secondary">
              {t('shipments.receiveLink', { number: shipment.number })}
            </Link>
          ) : null}
          {shipment.status === 'OPEN' && mine(shipment.from) ? (
            <Link to={`/ship?shipment=${encodeURIComponent(shipment.id)}`} className="button button-secondary">
              {t('shipments.continueLink', { number: shipment.number })}
            </Link>
          ) : null}
        </div>
      </div>

      <article className="packing-list" aria-label={t('shipments.packing.document', { number: shipment.number })}>
        <header className="packing-head">
          <div className="packing-title">
            <p className="packing-kind">{t(shipment.kind === 'RETURN' ? 'shipments.packing.kindReturn' : 'shipments.packing.kind')}</p>
            <p className="packing-number">{shipment.number}</p>
            <p>
              <ShipmentStatusBadge status={shipment.status} kind={shipment.kind} />
            </p>
          </div>
          <ShipmentBarcode content={shipment.barcode} />
        </header>

        <div className="packing-parties">
          <PartyBlock title={t('shipments.packing.sender')} party={shipment.from} />
          <PartyBlock title={t('shipments.packing.receiver')} party={shipment.to} />
        </div>

        <dl className="details packing-meta">
          <dt>{t('shipments.number')}</dt>
          <dd>{shipment.number}</dd>
          <dt>{t('shipments.packing.gsin')}</dt>
          <dd>
            <code>{shipment.gsin}</code>
          </dd>
          <dt>{t('shipments.openedAt')}</dt>
          <dd>{formatDateTime(shipment.createdAt)}</dd>
          <dt>{t('shipments.dispatchedAt')}</dt>
          <dd>{orDash(formatDateTime(shipment.dispatchedAt))}</dd>
          {shipment.receivedAt ? (
            <>
              <dt>{t('shipments.receivedAt')}</dt>
              <dd>{formatDateTime(shipment.receivedAt)}</dd>
            </>
          ) : null}
          <dt>{t('shipments.packing.totalUnits')}</dt>
          <dd>{formatNumber(units)}</dd>
        </dl>

        <ShipmentContents contents={shipment} itemLimit={Number.POSITIVE_INFINITY} />

        <div className="packing-signatures">
          {[t('shipments.packing.handedOver'), t('shipments.packing.receivedBy')].map((label) => (
            <div key={label} className="packing-signature">
              <p className="packing-signature-label">{label}</p>
              <p className="packing-signature-line">{t('shipments.packing.nameDateSignature')}</p>
            </div>
          ))}
        </div>
      </article>
    </Page>
  );
}

function PartyBlock({ title, party }: { title: string; party: Party }) {
  const { t } = useTranslation();
  const place = [party.address, party.regency, party.province].filter(Boolean).join(', ');
  return (
    <section className="packing-party" aria-label={title}>
      <h2 className="packing-party-title">{title}</h2>
      <p className="packing-party-name">{party.name}</p>
      {place ? <p>{place}</p> : null}
      {party.licenceNumber ? <p>{t('shipments.packing.licence', { number: party.licenceNumber })}</p> : null}
      {party.gln ? <p>{t('shipments.packing.gln', { gln: party.gln })}</p> : null}
    </section>
  );
}
