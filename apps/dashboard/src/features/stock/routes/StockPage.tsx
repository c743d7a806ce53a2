import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { canSee, navItem } from '../../../app/navigation';
import { audienceOf, useViewer } from '../../../app/viewer';
import type { StockOnHandQuery } from '../../../gql/graphql';
import { EmptyState, Loading, Page, QueryError, Section, SelectField, Table, TextField, formatDate, formatDateTime, type Column } from '../../../shared/ui';
import '../../../shared/work.css';
import { StockFacilitiesQuery, StockQuery } from '../stock.graphql';
import { formatNumber } from '../../../shared/number';

type Row = StockOnHandQuery['stock']['rows'][number];
const WINDOWS = [30, 90, 180] as const;

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Stock on hand at my facilities, by product and batch, soonest expiry first, expiry and recalls
 * highlighted; `?recalled=1` shows only recalled batches, `?expiring=1` only those expiring.
 */
export function StockPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  // Kept here as well as in the address, so a checkbox follows the click at once.
  const [only, setOnly] = useState({ recalled: params.get('recalled') === '1', expiring: params.get('expiring') === '1' });
  const { recalled: onlyRecalled, expiring: onlyExpiring } = only;
  const pulls = canSee(navItem('pullLists'), audienceOf(viewer));
  const [facility, setFacility] = useState('');
  const [search, setSearch] = useState('');
  const [days, setDays] = useState<number>(90);
  const facilities = useQuery(StockFacilitiesQuery, { fetchPolicy: 'cache-first' });
  const mine = facilities.data?.me?.facilities ?? [];
  const { data, error, loading, refetch } = useQuery(StockQuery, {
    variables: { filter: facility ? { facility } : undefined, nearExpiryDays: days },
  });

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const all = data?.stock.rows ?? [];
    const now = today();
    return all
      .filter((row) => !needle || [row.product.name, row.product.nie, row.batch].some((value) => value.toLowerCase().includes(needle)))
      .filter((row) => !onlyRecalled || row.recalled)
      .filter((row) => !onlyExpiring || row.nearExpiry || row.expiry < now)
      .slice()
      .sort((a, b) => a.expiry.localeCompare(b.expiry) || a.product.name.localeCompare(b.product.name));
  }, [data, search, onlyRecalled, onlyExpiring]);
  const now = today();
  const units = rows.reduce((sum, row) => sum + row.units, 0);
  const near = rows.filter((row) => row.nearExpiry || row.expiry < now).length;
  const recalled = rows.filter((row) => row.recalled).reduce((sum, row) => sum + row.units, 0);
  const toggle = (key: 'recalled' | 'expiring', on: boolean) => {
    setOnly((current) => ({ ...current, [key]: on }));
    const next = new URLSearchParams(params);
    if (on) next.set(key, '1');
    else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: Column<Row>[] = [
    { key: 'product', header: t('stock.product'), cell: (row) => row.product.name, wide: true },
    { key: 'nie', header: t('stock.nie'), cell: (row) => <code>{row.product.nie}</code>, nowrap: true },
    {
      key: 'batch',
      header: t('stock.batch'),
      nowrap: true,
      cell: (row) => (
        <>
          {row.batch}
          {row.recalled ? (
            pulls ? (
              <Link to="/pull-lists" className="badge badge-danger">
                {t('stock.recalled')}
              </Link>
            ) : (
              <span className="badge badge-danger">{t('stock.recalled')}</span>
            )
          ) : null}
        </>
      ),
    },
    {
      key: 'expiry',
      header: t('stock.expiry'),
      cell: (row) => (
        <span className={row.expiry < now ? 'expiry expiry-past' : row.nearExpiry ? 'expiry expiry-near' : 'expiry'}>
          {formatDate(row.expiry)}
          {row.expiry < now ? <span className="badge badge-danger">{t('stock.expired')}</span> : row.nearExpiry ? <span className="badge badge-warning">{t('stock.nearExpiry')}</span> : null}
        </span>
      ),
    },
    { key: 'units', header: t('stock.units'), cell: (row) => formatNumber(row.units), nowrap: true },
    ...(mine.length > 1 ? [{ key: 'facility', header: t('stock.facility'), cell: (row: Row) => row.facility?.name ?? '' }] : []),
  ];

  return (
    <Page title={t('stock.title')} intro={t('stock.intro')}>
      <div className="filters">
        {mine.length > 1 ? (
          <SelectField label={t('stock.facility')} value={facility} onChange={(event) => setFacility(event.target.value)}>
            <option value="">{t('stock.allFacilities')}</option>
            {mine.map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField label={t('stock.search')} hint={t('stock.searchHint')} type="search" value={search} onChange={(event) => setSearch(event.target.value)} />
        <SelectField label={t('stock.window')} value={String(days)} onChange={(event) => setDays(Number(event.target.value))}>
          {WINDOWS.map((value) => (
            <option key={value} value={value}>
              {t('stock.windowDays', { count: value })}
            </option>
          ))}
        </SelectField>
        <fieldset className="stock-only">
          <legend>{t('stock.only')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={onlyRecalled} onChange={(event) => toggle('recalled', event.target.checked)} />
            <span>{t('stock.onlyRecalled')}</span>
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={onlyExpiring} onChange={(event) => toggle('expiring', event.target.checked)} />
            <span>{t('stock.onlyExpiring')}</span>
          </label>
        </fieldset>
      </div>
      <Section title={mine.length === 1 ? mine[0]!.name : t('stock.listTitle')} id="stock-list">
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : data ? (
          <>
            <p className="result-count" role="status" aria-busy={loading}>
              {t('stock.summary', { units: formatNumber(units), rows: rows.length })}
              {near ? ` · ${t('stock.nearCount', { count: near })}` : ''}
              {recalled ? ` · ${t('stock.recalledCount', { count: recalled, units: formatNumber(recalled) })}` : ''}
              {' · '}
              {t('stock.asOf', { time: formatDateTime(data.stock.asOf) })}
            </p>
            {rows.length ? <Table caption={t('stock.title')} columns={columns} rows={rows} rowKey={(row) => `${row.key}|${row.product.nie}|${row.batch}`} /> : <EmptyState>{t('stock.empty')}</EmptyState>}
          </>
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
