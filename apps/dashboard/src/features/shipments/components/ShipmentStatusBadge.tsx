import { useTranslation } from 'react-i18next';
import type { ShipmentKind, ShipmentStatus } from '../../../gql/graphql';
import { STATUS_TONE } from '../status';

/** A shipment's status in words and colour; a return says so too. */
export function ShipmentStatusBadge({ status, kind }: { status: ShipmentStatus; kind?: ShipmentKind }) {
  const { t } = useTranslation();
  return (
    <>
      <span className={STATUS_TONE[status]}>{t(`shipments.status.${status}`)}</span>
      {kind === 'RETURN' ? <span className="badge badge-muted">{t('shipments.kind.RETURN')}</span> : null}
    </>
  );
}
