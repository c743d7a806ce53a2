import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert, Loading, Page, QueryError } from '../../../shared/ui';
import { displayCode } from '../../../shared/scanner';
import { errorCodeOf } from '../../../shared/errors';
import { CodeEntry } from '../components/CodeEntry';
import { SEARCH_KEYS, TraceSearchForm, TraceSearchResults, searchOf } from '../components/TraceSearch';
import { TraceView } from '../components/TraceView';
import { TraceQuery } from '../trace.graphql';
import '../../../shared/work.css';
import '../../alerts/inbox.css';

/** Any code, typed or scanned: its aggregation tree and its path across facilities (`?code=`). */
export function TracePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get('code');
  const invalid = params.get('invalid') === '1';
  const { data, loading, error, refetch } = useQuery(TraceQuery, { variables: { code: code ?? '' }, skip: !code || invalid });
  const search = searchOf(params);
  /** The search kept in the address while a found pack's trace is open. */
  const searchParams = () => Object.fromEntries(SEARCH_KEYS.filter((key) => params.get(key)).map((key) => [key, params.get(key)!]));

  return (
    <Page title={t('trace.title')} intro={t('trace.intro')}>
      <div className="no-print">
        <CodeEntry
          busy={loading}
          onRead={(read) => {
            // A code that cannot be a pack's is refused here, before any request.
            setParams(read.parsed.valid ? { code: displayCode(read) } : { code: read.text, invalid: '1' });
          }}
        />
        <details className="trace-search" open={!!search}>
          <summary>{t('traceSearch.title')}</summary>
          <TraceSearchForm params={params} onSearch={(next) => setParams(next)} />
        </details>
        {search ? <TraceSearchResults search={search} onOpen={(next) => setParams({ ...searchParams(), code: next })} /> : null}
      </div>
      <div aria-live="polite">
        {!code ? null : invalid ? (
          <Alert tone="error">{t('trace.malformed')}</Alert>
        ) : error ? (
          errorCodeOf(error) === 'NOT_FOUND' ? (
            <Alert tone="warning">{t('trace.notFound', { code })}</Alert>
          ) : (
            <QueryError error={error} onRetry={() => void refetch()} />
          )
        ) : data ? (
          <TraceView trace={data.trace} onOpen={(next) => setParams({ ...searchParams(), code: next })} />
        ) : (
          <Loading label={t('trace.loading')} />
        )}
      </div>
    </Page>
  );
}
