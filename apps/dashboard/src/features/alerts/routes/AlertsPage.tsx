import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AlertFilterInput, AlertPageQuery as AlertPageData, AlertReason, AlertSeverity, AlertStatus, ComplaintsQuery as ComplaintsData } from '../../../gql/graphql';
import { EmptyState, Loading, Page, Pager, QueryError, Section, SelectField, Table, TextField, formatDateTime, useCursorPages, type Column } from '../../../shared/ui';
import { AlertFilterOptionsQuery, AlertPageQuery, ComplaintsQuery } from '../alerts.graphql';
import { AlertDetail } from '../components/AlertDetail';
import { BulkActions } from '../components/BulkActions';
import { ComplaintCard } from '../components/ComplaintCard';
import { INBOX_REASONS, alertReason } from '../reasons';
import '../inbox.css';

type Row = AlertPageData['alertConnection']['edges'][number]['node'];
type ComplaintRow = ComplaintsData['complaints'][number];
const STATUSES: readonly AlertStatus[] = ['OPEN', 'ASSIGNED', 'CLOSED'];
const SEVERITIES: readonly AlertSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const PAGE_SIZES = [25, 50, 100] as const;
const FILTER_KEYS = ['status', 'severity', 'reason', 'facility', 'product', 'batch', 'from', 'to', 'size'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | null => (value && (allowed as readonly string[]).includes(value) ? (value as T) : null);

/** The filter the address names: status (OPEN unless `all`), severity, reason, facility, product, batch and days. */
function filterOf(params: URLSearchParams): { filter: AlertFilterInput; status: AlertStatus | null } {
  const statusParam = params.get('status');
  const status = statusParam === 'all' ? null : (pick(statusParam, STATUSES) ?? 'OPEN');
  const reason = pick(params.get('reason'), INBOX_REASONS);
  const day = (key: string) => (DAY.test(params.get(key) ?? '') ? params.get(key) : null);
  return {
    status,
    filter: {
      status,
      severity: pick(params.get('severity'), SEVERITIES),
      reasons: reason ? [reason as AlertReason] : null,
      facilityId: params.get('facility') || null,
      productId: params.get('product') || null,
      batch: params.get('batch')?.trim() || null,
      from: day('from'),
      to: day('to'),
    },
  };
}

const SEVERITY_BADGE: Record<AlertSeverity, string> = { CRITICAL: 'badge badge-danger badge-strong', HIGH: 'badge badge-danger', MEDIUM: 'badge badge-warning', LOW: 'badge badge-muted' };

/** BPOM's inbox: alerts from suspicious checks and refused movements, a page at a time, and the public's complaints. */
export function AlertsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const { filter, status } = useMemo(() => filterOf(params), [params]);
  const size = Number(pick(params.get('size'), PAGE_SIZES.map(String)) ?? 25);
  const selected = params.get('alert');
  const filterKey = JSON.stringify([filter, size]);
  const pages = useCursorPages(filterKey);
  const after = pages.after;
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setChecked(new Set()), [filterKey]);

  const { data, previousData, loading, error, refetch } = useQuery(AlertPageQuery, {
    variables: { first: size, after, filter },
    fetchPolicy: 'cache-and-network',
  });
  const options = useQuery(AlertFilterOptionsQuery);
  const complaints = useQuery(ComplaintsQuery, { variables: { first: 20 }, fetchPolicy: 'cache-and-network' });
  const connection = (data ?? previousData)?.alertConnection;
  const rows = useMemo(() => connection?.edges.map((edge) => edge.node) ?? [], [connection]);
  const detail = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (selected) detail.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [selected]);

  const link = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('alert', id);
    return `?${next.toString()}`;
  };

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const value = String(form.get(key) ?? '').trim();
      if (value) next.set(key, value);
    }
    setParams(next);
  }

  const allChecked = rows.length > 0 && rows.every((row) => checked.has(row.id));
  const toggle = (id: string) =>
    setChecked((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const toggleAll = () => setChecked(allChecked ? new Set() : new Set(rows.map((row) => row.id)));

  const columns: Column<Row>[] = [
    {
      key: 'pick',
      narrow: true,
      label: t('alertInbox.selectColumn'),
      header: <input type="checkbox" className="row-check" aria-label={t('alertInbox.selectAll')} checked={allChecked} onChange={toggleAll} disabled={!rows.length} />,
      cell: (row) => (
        <input
          type="checkbox"
          className="row-check"
          aria-label={t('alertInbox.selectOne', { reason: alertReason(t, row.reason), code: row.code })}
          checked={checked.has(row.id)}
          onChange={() => toggle(row.id)}
        />
      ),
    },
    {
      key: 'status',
      header: t('alerts.statusLabel'),
      truncate: (row) => (row.resolution ? t(`alerts.resolution.${row.resolution}`) : (row.assignee?.name ?? t('alerts.nobody'))),
      cell: (row) => (
        <span className="badge-stack">
          <span className={SEVERITY_BADGE[row.severity]}>{t(`alerts.severity.${row.severity}`)}</span>
          <span className={row.status === 'CLOSED' ? 'badge badge-muted' : row.status === 'ASSIGNED' ? 'badge badge-info' : 'badge badge-outline'}>{t(`alerts.status.${row.status}`)}</span>
          <span className="product-nie one-line">{row.resolution ? t(`alerts.resolution.${row.resolution}`) : (row.assignee?.name ?? t('alerts.nobody'))}</span>
        </span>
      ),
    },
    {
      key: 'alert',
      header: t('alertInbox.alertColumn'),
      truncate: (row) => row.code,
      cell: (row) => (
        <span className="alert-cell">
          <Link to={link(row.id)} className="drill-link" aria-current={row.id === selected ? 'true' : undefined}>
            {alertReason(t, row.reason)}
          </Link>
          <code className="code-line">{row.code}</code>
        </span>
      ),
    },
    {
      key: 'product',
      header: t('alertInbox.productColumn'),
      truncate: (row) => [row.product?.name, row.batch ? t('alertInbox.batchOf', { batch: row.batch }) : null, row.facility?.name].filter(Boolean).join(' · '),
      cell: (row) => (
        <span className="product-cell">
          <span className="one-line">{row.product?.name ?? t('alerts.unknownProduct')}</span>
          {row.batch ? <span className="product-nie one-line">{t('alertInbox.batchOf', { batch: row.batch })}</span> : null}
          {row.facility ? <span className="product-nie one-line">{row.facility.name}</span> : null}
        </span>
      ),
    },
    {
      key: 'seen',
      header: t('alerts.lastSeen'),
      nowrap: true,
      cell: (row) => (
        <span className="product-cell">
          <span>{formatDateTime(row.lastSeenAt)}</span>
          <span className="product-nie">{t('alertInbox.times', { count: row.occurrences })}</span>
        </span>
      ),
    },
  ];

  const filtered = FILTER_KEYS.some((key) => key !== 'status' && key !== 'size' && params.get(key));

  return (
    <Page title={t('alerts.title')} intro={t('alerts.intro')}>
      <form className="inbox-filters" onSubmit={applyFilters} aria-label={t('alertInbox.filters')} key={params.toString()}>
        <SelectField label={t('alerts.statusFilter')} name="status" defaultValue={status ?? 'all'}>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`alerts.statusPlural.${value}`)}
            </option>
          ))}
          <option value="all">{t('alertInbox.allStatuses')}</option>
        </SelectField>
        <SelectField label={t('alerts.severityFilter')} name="severity" defaultValue={filter.severity ?? ''}>
          <option value="">{t('alerts.allSeverities')}</option>
          {SEVERITIES.map((value) => (
            <option key={value} value={value}>
              {t(`alerts.severity.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('alerts.reasonLabel')} name="reason" defaultValue={filter.reasons?.[0] ?? ''}>
          <option value="">{t('alertInbox.allReasons')}</option>
          {INBOX_REASONS.map((value) => (
            <option key={value} value={value}>
              {alertReason(t, value)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('alertInbox.facility')} name="facility" defaultValue={filter.facilityId ?? ''}>
          <option value="">{t('alertInbox.allFacilities')}</option>
          {options.data?.facilities.map((facility) => (
            <option key={facility.id} value={facility.id}>
              {facility.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('alerts.product')} name="product" defaultValue={filter.productId ?? ''}>
          <option value="">{t('alertInbox.allProducts')}</option>
          {options.data?.products.map((product) => (
            <option key={product.id} value={product.id}>
              {product.name} ({product.nie})
            </option>
          ))}
        </SelectField>
        <TextField label={t('alertInbox.batch')} name="batch" defaultValue={filter.batch ?? ''} maxLength={20} autoComplete="off" />
        <TextField label={t('alertInbox.from')} name="from" type="date" defaultValue={filter.from ?? ''} />
        <TextField label={t('alertInbox.to')} name="to" type="date" defaultValue={filter.to ?? ''} />
        <SelectField label={t('alertInbox.pageSize')} name="size" defaultValue={String(size)}>
          {PAGE_SIZES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </SelectField>
        <div className="inbox-filter-actions">
          <button type="submit" className="button button-primary">
            {t('alertInbox.apply')}
          </button>
          {filtered ? (
            <button type="button" className="button button-secondary" onClick={() => setParams(status ? { status } : { status: 'all' })}>
              {t('alertInbox.clear')}
            </button>
          ) : null}
        </div>
      </form>

      <div id="alerts-list">
      <Section title={status ? t(`alerts.statusPlural.${status}`) : t('alertInbox.allStatuses')} id="alerts-list">
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : connection ? (
          <>
            <p className="result-count" role="status" aria-busy={loading}>
              {t('alertInbox.count', { count: connection.totalCount, page: pages.page })}
            </p>
            {rows.length ? (
              <label className="checkbox select-all-phone">
                <input type="checkbox" checked={allChecked} onChange={toggleAll} />
                <span>{t('alertInbox.selectAll')}</span>
              </label>
            ) : null}
            <BulkActions
              ids={[...checked]}
              onDone={() => {
                setChecked(new Set());
                void refetch();
              }}
            />
            {rows.length ? (
              <Table caption={t('alertInbox.caption')} columns={columns} rows={rows} rowKey={(row) => row.id} rowSelected={(row) => checked.has(row.id) || row.id === selected} />
            ) : (
              <EmptyState>{filtered ? t('alertInbox.noMatch') : t('alerts.empty')}</EmptyState>
            )}
            <Pager
              label={t('alertInbox.pages')}
              page={pages.page}
              hasNext={connection.pageInfo.hasNextPage}
              busy={loading}
              onPrevious={pages.previous}
              onNext={() => {
                setChecked(new Set());
                pages.next(connection.pageInfo.endCursor);
              }}
            />
          </>
        ) : (
          <Loading />
        )}
      </Section>
      </div>

      <div ref={detail} className="inbox-detail">
        {selected ? <AlertDetail key={selected} id={selected} onChanged={() => void refetch()} /> : null}
      </div>

      <Section title={t('alerts.complaintsInbox')} id="complaints">
        {complaints.error ? (
          <QueryError error={complaints.error} onRetry={() => void complaints.refetch()} />
        ) : complaints.data ? (
          complaints.data.complaints.length ? (
            <div className="complaints complaints-grid">
              {complaints.data.complaints.map((complaint: ComplaintRow) => (
                <div key={complaint.id} className="complaint-item">
                  <p className="complaint-code">
                    <code className="code-line" title={complaint.code}>
                      {complaint.code}
                    </code>
                  </p>
                  <ComplaintCard complaint={complaint} />
                  {complaint.alertId ? <Link to={`?status=all&alert=${encodeURIComponent(complaint.alertId)}`}>{t('alerts.openAlert')}</Link> : null}
                </div>
              ))}
            </div>
          ) : (
            <EmptyState>{t('alerts.noComplaintsInbox')}</EmptyState>
          )
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
