import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TraceSearchInput, TraceSearchQuery as SearchData } from '../../../gql/graphql';
import { EmptyState, Loading, Pager, QueryError, Section, SelectField, Table, TextField, formatDate, useCursorPages, type Column } from '../../../shared/ui';
import { TraceSearchOptionsQuery, TraceSearchQuery } from '../trace.graphql';

type Row = SearchData['traceSearch']['edges'][number]['node'];
const PAGE = 50;
export const SEARCH_KEYS = ['product', 'batch', 'facility', 'from', 'to'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The search the address names (`?product=&batch=&facility=&from=&to=`), or null when it names none of product, batch, facility. */
export function searchOf(params: URLSearchParams): TraceSearchInput | null {
  const day = (key: string) => (DAY.test(params.get(key) ?? '') ? params.get(key) : null);
  const search: TraceSearchInput = {
    productId: params.get('product') || null,
    batch: params.get('batch')?.trim() || null,
    facilityId: params.get('facility') || null,
    from: day('from'),
    to: day('to'),
  };
  return search.productId || search.batch || search.facilityId ? search : null;
}

interface TraceSearchFormProps {
  params: URLSearchParams;
  onSearch: (next: Record<string, string>) => void;
}

/** The search form: product, batch, facility and days; at least one of the first three. */
export function TraceSearchForm({ params, onSearch }: TraceSearchFormProps) {
  const { t } = useTranslation();
  const options = useQuery(TraceSearchOptionsQuery);
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next: Record<string, string> = {};
    for (const key of SEARCH_KEYS) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next[key] = value;
    }
    if (!next.product && !next.batch && !next.facility) {
      setProblem(t('traceSearch.needOne'));
      return;
    }
    if (next.from && next.to && next.from > next.to) {
      setProblem(t('traceSearch.fromAfterTo'));
      return;
    }
    setProblem(null);
    onSearch(next);
  }

  return (
    <form className="inbox-filters trace-search-form no-print" onSubmit={submit} aria-label={t('traceSearch.title')} key={params.toString()} noValidate>
      <SelectField label={t('traceSearch.product')} name="product" defaultValue={params.get('product') ?? ''}>
        <option value="">{t('traceSearch.anyProduct')}</option>
        {options.data?.products.map((product) => (
          <option key={product.id} value={product.id}>
            {product.name} ({product.nie})
          </option>
        ))}
      </SelectField>
      <TextField label={t('traceSearch.batch')} name="batch" defaultValue={params.get('batch') ?? ''} maxLength={20} autoComplete="off" />
      <SelectField label={t('traceSearch.facility')} name="facility" defaultValue={params.get('facility') ?? ''}>
        <option value="">{t('traceSearch.anyFacility')}</option>
        {options.data?.facilities.map((facility) => (
          <option key={facility.id} value={facility.id}>
            {facility.name}
          </option>
        ))}
      </SelectField>
      <TextField label={t('traceSearch.from')} name="from" type="date" defaultValue={params.get('from') ?? ''} />
      <TextField label={t('traceSearch.to')} name="to" type="date" defaultValue={params.get('to') ?? ''} />
      <div className="inbox-filter-actions">
        <button type="submit" className="button button-primary">
          {t('traceSearch.search')}
        </button>
      </div>
      {problem ? (
        <p className="field-error trace-search-problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

/** The packs a search finds, a page at a time; each opens its trace. */
export function TraceSearchResults({ search, onOpen }: { search: TraceSearchInput; onOpen: (code: string) => void }) {
  const { t } = useTranslation();
  const pages = useCursorPages(JSON.stringify(search));
  const { data, previousData, loading, error, refetch } = useQuery(TraceSearchQuery, { variables: { filter: search, first: PAGE, after: pages.after } });
  const connection = (data ?? previousData)?.traceSearch;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];

  const columns: Column<Row>[] = [
    {
      key: 'code',
      header: t('traceSearch.code'),
      truncate: (row) => row.code,
      cell: (row) => (
        <button type="button" className="tree-link code-button" onClick={() => onOpen(row.code)} aria-label={t('trace.openLabel', { code: row.code })}>
          <code className="code-line">{row.code}</code>
        </button>
      ),
    },
    {
      key: 'status',
      header: t('trace.field.status'),
      nowrap: true,
      cell: (row) => (
        <span className="badge-stack">
          {t(`verify.packStatus.${row.status}`)}
          {row.recalled ? <span className="badge badge-danger">{t('trace.recalled')}</span> : null}
        </span>
      ),
    },
    {
      key: 'product',
      header: t('trace.field.product'),
      truncate: (row) => (row.product ? `${row.product.name} (${row.product.nie})` : null),
      cell: (row) => (
        <span className="product-cell">
          <span>{row.product?.name ?? t('trace.mixed')}</span>
          <span className="product-nie">{[row.batch, row.expiry ? formatDate(row.expiry) : null].filter(Boolean).join(' · ')}</span>
        </span>
      ),
    },
    { key: 'custodian', header: t('trace.field.custodian'), narrowText: true, truncate: (row) => row.custodian?.name, cell: (row) => row.custodian?.name ?? <span aria-hidden="true">–</span> },
  ];

  return (
    <Section title={t('traceSearch.resultsTitle')} id="trace-search-results">
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : connection ? (
        <>
          <p className="result-count" role="status" aria-busy={loading}>
            {t('traceSearch.page', { page: pages.page, count: rows.length })}
          </p>
          {rows.length ? <Table caption={t('traceSearch.resultsTitle')} columns={columns} rows={rows} rowKey={(row) => row.id} /> : <EmptyState>{t('traceSearch.none')}</EmptyState>}
          <Pager
            label={t('traceSearch.pages')}
            page={pages.page}
            hasNext={connection.pageInfo.hasNextPage}
            busy={loading}
            onPrevious={pages.previous}
            onNext={() => pages.next(connection.pageInfo.endCursor)}
          />
        </>
      ) : (
        <Loading />
      )}
    </Section>
  );
}
