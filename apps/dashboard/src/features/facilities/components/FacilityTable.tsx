import { useTranslation } from 'react-i18next';
import type { FacilityType } from '../../../gql/graphql';
import { Table, orDash, type Column } from '../../../shared/ui';

export interface FacilityRow {
  id: string;
  name: string;
  type: FacilityType;
  address: string | null;
  regency: string | null;
  province: string | null;
  licenceNumber: string | null;
  gln: string | null;
}

/** "Kota Bandung, Jawa Barat": regency and province, whichever are known. */
const placeOf = (row: FacilityRow) => [row.regency, row.province].filter(Boolean).join(', ');

/** Facilities with their type, place and identifiers. */
export function FacilityTable({ facilities, caption }: { facilities: readonly FacilityRow[]; caption: string }) {
  const { t } = useTranslation();
  const columns: Column<FacilityRow>[] = [
    { key: 'name', header: t('facility.name'), cell: (row) => <strong>{row.name}</strong> },
    { key: 'type', header: t('facility.type'), cell: (row) => t(`organizationType.${row.type}`), nowrap: true },
    { key: 'address', header: t('facility.address'), cell: (row) => orDash(row.address), wide: true },
    { key: 'location', header: t('facility.location'), cell: (row) => orDash(placeOf(row)) },
    { key: 'licence', header: t('facility.licenceNumber'), cell: (row) => orDash(row.licenceNumber), nowrap: true },
    { key: 'gln', header: t('facility.gln'), cell: (row) => orDash(row.gln), nowrap: true },
  ];
  return <Table caption={caption} columns={columns} rows={facilities} rowKey={(row) => row.id} />;
}
