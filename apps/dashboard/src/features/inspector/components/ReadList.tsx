import { useTranslation } from 'react-i18next';
import type { InspectionReadFieldsFragment } from '../../../gql/graphql';
import { Table, formatDateTime, orDash, type Column } from '../../../shared/ui';
import { presentationOf } from '../../verify/presentation';
import { presentationWord } from '../../verify/components/VerificationResult';

/** The packs read in a visit, newest first: verdict and custody before the code. */
export function ReadList({ reads }: { reads: readonly InspectionReadFieldsFragment[] }) {
  const { t } = useTranslation();
  const columns: Column<InspectionReadFieldsFragment>[] = [
    {
      key: 'verdict',
      header: t('inspection.column.verdict'),
      cell: (read) => {
        const presentation = presentationOf(read.verdict, read.reasons);
        return <span className={`read-verdict presentation-${presentation.toLowerCase()} verdict-${read.verdict.toLowerCase()}`}>{presentationWord(t, presentation)}</span>;
      },
    },
    {
      key: 'custody',
      header: t('inspection.column.custody'),
      cell: (read) => <span className={`custody custody-${read.custody.toLowerCase()}`}>{t(`inspection.custody.${read.custody}`)}</span>,
    },
    { key: 'expected', header: t('inspection.column.expected'), cell: (read) => orDash(read.expectedFacility?.name) },
    { key: 'product', header: t('inspection.column.product'), cell: (read) => orDash(read.productName) },
    { key: 'batch', header: t('inspection.column.batch'), cell: (read) => orDash(read.batch) },
    { key: 'code', header: t('inspection.column.code'), cell: (read) => <code className="read-code">{read.code}</code>, wide: true },
    { key: 'at', header: t('inspection.column.at'), cell: (read) => formatDateTime(read.readAt) },
  ];
  return <Table caption={t('inspection.readsTitle', { count: reads.length })} columns={columns} rows={[...reads].reverse()} rowKey={(read) => read.id} />;
}
