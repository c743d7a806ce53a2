import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerCheckFieldsFragment } from '../../../gql/graphql';
import { errorMessage } from '../../../shared/errors';
import { Alert, EmptyState, Loading, Page, QueryError, Section, Table, TextField, formatDateTime, orDash, type Column } from '../../../shared/ui';
import { LedgerQuery, VerifyLedgerMutation } from '../ledger.graphql';

const DAYS_SHOWN = 60;

type Day = { day: string; events: number; root: string; previousRoot: string | null; keyId: string; publishedAt: string };

/** A hash in a table: its start, the whole on hover. */
const hash = (value: string | null) => (value ? <code title={value}>{value.slice(0, 16)}…</code> : orDash(null));

/** What a check found: all well, or the first event that does not match and why. */
function CheckResult({ check }: { check: LedgerCheckFieldsFragment }) {
  const { t } = useTranslation();
  const span = t('ledger.check.span', { from: check.from ?? t('ledger.check.start'), to: check.to ?? t('ledger.check.today') });
  return check.ok ? (
    <Alert tone="success" title={t('ledger.check.ok')}>
      {t('ledger.check.okDetail', { count: check.checkedEvents, span, at: formatDateTime(check.checkedAt) })}
    </Alert>
  ) : (
    <Alert tone="error" title={t('ledger.check.broken')}>
      <p>{t('ledger.check.brokenDetail', { event: check.firstBadEventId ?? '–', span, at: formatDateTime(check.checkedAt) })}</p>
      {check.problem ? <p className="proof-meta">{check.problem}</p> : null}
    </Alert>
  );
}

/**
 * BPOM's view of the tamper-evident ledger: the last check of the record against its sealed
 * chain, a new check over a span of days, and the signed daily roots anyone may fetch.
 */
export function LedgerPage() {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(LedgerQuery, { variables: { first: DAYS_SHOWN }, fetchPolicy: 'network-only' });
  const [verify, verifying] = useMutation(VerifyLedgerMutation);
  const [span, setSpan] = useState({ from: '', to: '' });
  const [checkError, setCheckError] = useState<string | null>(null);

  async function check(event: FormEvent) {
    event.preventDefault();
    setCheckError(null);
    try {
      await verify({ variables: { from: span.from || null, to: span.to || null } });
      await refetch();
    } catch (failure) {
      setCheckError(errorMessage(t, failure));
    }
  }

  const columns: Column<Day>[] = [
    { key: 'day', header: t('ledger.days.day'), cell: (day) => <a href={`/api/ledger/days/${day.day}`}>{day.day}</a>, nowrap: true },
    { key: 'events', header: t('ledger.days.events'), cell: (day) => day.events.toLocaleString(), nowrap: true },
    { key: 'root', header: t('ledger.days.root'), cell: (day) => hash(day.root) },
    { key: 'previous', header: t('ledger.days.previousRoot'), cell: (day) => hash(day.previousRoot) },
    { key: 'key', header: t('ledger.days.key'), cell: (day) => <code>{day.keyId}</code> },
    { key: 'published', header: t('ledger.days.publishedAt'), cell: (day) => formatDateTime(day.publishedAt), nowrap: true },
  ];

  const checked = verifying.data?.verifyLedger ?? data?.lastLedgerCheck ?? null;
  return (
    <Page title={t('ledger.title')} intro={t('ledger.intro')}>
      <Section title={t('ledger.check.title')} id="ledger-check">
        {loading && !data ? <Loading /> : checked ? <CheckResult check={checked} /> : <EmptyState>{t('ledger.check.never')}</EmptyState>}
        <form className="filters" onSubmit={(event) => void check(event)} noValidate>
          <TextField label={t('ledger.check.from')} name="from" type="date" optional value={span.from} onChange={(event) => setSpan({ ...span, from: event.target.value })} />
          <TextField label={t('ledger.check.to')} name="to" type="date" optional value={span.to} onChange={(event) => setSpan({ ...span, to: event.target.value })} />
          <button type="submit" className="button button-primary" disabled={verifying.loading}>
            {verifying.loading ? t('ledger.check.running') : t('ledger.check.run')}
          </button>
        </form>
        {checkError ? <Alert tone="error">{checkError}</Alert> : null}
      </Section>
      <Section title={t('ledger.days.title')} id="ledger-days" actions={<a href="/api/ledger/key">{t('ledger.days.publicKey')}</a>}>
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : !data ? (
          <Loading />
        ) : data.ledgerDays.length ? (
          <Table caption={t('ledger.days.title')} columns={columns} rows={data.ledgerDays} rowKey={(day) => day.day} />
        ) : (
          <EmptyState>{t('ledger.days.none')}</EmptyState>
        )}
        <p className="proof-meta">{t('ledger.days.how')}</p>
      </Section>
    </Page>
  );
}
