import { useTranslation } from 'react-i18next';
import type { ShipmentContentsFragment } from '../../../gql/graphql';
import { formatNumber } from '../../../shared/number';
import { EmptyState, Table, formatDate, type Column } from '../../../shared/ui';
import { PackChildren } from './PackChildren';

type Line = ShipmentContentsFragment['lines'][number];
type Item = ShipmentContentsFragment['items'][number];

interface ShipmentContentsProps {
  contents: ShipmentContentsFragment;
  /** Where each pack is now (receiving: still on its way, or received). */
  showStatus?: boolean;
  /** How many codes to list (all, on the printed packing list). */
  itemLimit?: number;
  /** Cases and pallets open to show what they hold, down to the units. */
  showContents?: boolean;
}

/** How many codes the list shows; the lines above count them all. */
const SHOWN_ITEMS = 100;

/**
 * What a shipment holds: its units by product, batch and expiry (the packing list), then each
 * code named in it, a case or pallet with the units inside it.
 */
export function ShipmentContents({ contents, showStatus = false, itemLimit = SHOWN_ITEMS, showContents = true }: ShipmentContentsProps) {
  const { t } = useTranslation();
  const total = contents.lines.reduce((sum, line) => sum + line.units, 0);
  const lineColumns: Column<Line>[] = [
    {
      key: 'product',
      header: t('shipments.product'),
      wide: true,
      cell: (row) => (
        <span className="product-cell">
          <strong>{row.product.name}</strong>
          <span className="product-nie">{row.product.nie}</span>
        </span>
      ),
    },
    {
      key: 'batch',
      header: t('shipments.batch'),
      nowrap: true,
      cell: (row) => (
        <>
          {row.batch}
          {row.recalled ? <span className="badge badge-danger">{t('shipments.recalled')}</span> : null}
        </>
      ),
    },
    { key: 'expiry', header: t('shipments.expiry'), nowrap: true, cell: (row) => formatDate(row.expiry) },
    { key: 'units', header: t('shipments.units'), nowrap: true, cell: (row) => formatNumber(row.units) },
  ];
  const itemColumns: Column<Item>[] = [
    {
      key: 'code',
      header: t('shipments.code'),
      cell: (row) => (
        <span className="product-cell">
          <code className="code-wrap">{row.code}</code>
          <span>
            <span className="badge badge-muted">{t(`movements.level.${row.level}`)}</span>
            {row.recalled ? <span className="badge badge-danger">{t('shipments.recalled')}</span> : null}
          </span>
          {row.level !== 'UNIT' && showContents ? <PackChildren code={row.code} units={row.units} /> : null}
        </span>
      ),
    },
    {
      key: 'contents',
      header: t('shipments.contents'),
      cell: (row) =>
        row.product ? (
          <span className="product-cell">
            <span>{row.product.name}</span>
            <span className="product-nie">{t('shipments.batchExpiry', { batch: row.batch ?? '', expiry: formatDate(row.expiry) })}</span>
          </span>
        ) : (
          t('shipments.mixed')
        ),
    },
    { key: 'units', header: t('shipments.unitsInside'), nowrap: true, cell: (row) => formatNumber(row.units) },
    ...(showStatus ? [{ key: 'status', header: t('shipments.packStatus'), cell: (row: Item) => t(`verify.packStatus.${row.status}`) }] : []),
  ];

  return (
    <div className="shipment-contents">
      <h3 className="subheading">{t('shipments.linesTitle', { units: formatNumber(total) })}</h3>
      {contents.lines.length ? (
        <Table caption={t('shipments.linesCaption')} columns={lineColumns} rows={contents.lines} rowKey={(row) => `${row.product.id}/${row.batch}`} />
      ) : (
        <EmptyState>{t('shipments.empty')}</EmptyState>
      )}
      {contents.items.length ? (
        <>
          <h3 className="subheading">{t('shipments.itemsTitle', { count: contents.items.length })}</h3>
          <Table caption={t('shipments.itemsCaption')} columns={itemColumns} rows={contents.items.slice(0, itemLimit)} rowKey={(row) => row.packId} />
          {contents.items.length > itemLimit ? <p className="field-hint">{t('shipments.moreItems', { count: contents.items.length - itemLimit })}</p> : null}
        </>
      ) : null}
    </div>
  );
}
