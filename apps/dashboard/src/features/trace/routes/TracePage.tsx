import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert, Loading, Page, QueryError } from '../../../shared/ui';
import { displayCode } from '../../../shared/scanner';
import { errorCodeOf } from '../../../shared/errors';
import { CodeEntry } from '../components/CodeEntry';
import { TraceView } from '../components/TraceView';
import { TraceQuery } from '../trace.graphql';

/** Any code, typed or scanned: its aggregation tree and its path across facilities (`?code=`). */
export function TracePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get('code');
  const invalid = params.get('invalid') === '1';
  const { data, loading, error, refetch } = useQuery(TraceQuery, { variables: { code: code ?? '' }, skip: !code || invalid });

  return (
    <Page title={t('trace.title')} intro={t('trace.intro')}>
      <CodeEntry
        busy={loading}
        onRead={(read) => {
          // A code that cannot be a pack's is refused here, before any request.
          setParams(read.parsed.valid ? { code: displayCode(read) } : { code: read.text, invalid: '1' });
        }}
      />
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
          <TraceView trace={data.trace} onOpen={(next) => setParams({ code: next })} />
        ) : (
          <Loading label={t('trace.loading')} />
        )}
      </div>
    </Page>
  );
}
