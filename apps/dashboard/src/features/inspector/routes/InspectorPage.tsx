import { useLazyQuery } from '@apollo/client/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf } from '../../../shared/errors';
import { displayCode, readScan, type ScanRead } from '../../../shared/scanner';
import { Alert, Loading, Page, QueryError, Section } from '../../../shared/ui';
import type { Outcome } from '../../verify/outcome';
import { VerificationResult } from '../../verify/components/VerificationResult';
import { CodeEntry } from '../../trace/components/CodeEntry';
import { TraceView } from '../../trace/components/TraceView';
import { TraceQuery } from '../../trace/trace.graphql';
import { VerifyCodeQuery } from '../../verify/verify.graphql';

/** Where the inspector stands, when the browser may say: it helps find cloned codes. */
function currentPosition(): Promise<{ latitude: number; longitude: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ latitude: position.coords.latitude, longitude: position.coords.longitude }),
      () => resolve(null),
      { timeout: 3_000, maximumAge: 60_000 },
    );
  });
}

/**
 * The inspector in a shop or warehouse: scan a pack with the laptop webcam (or type the code)
 * and see the verdict and the pack's whole history in one view.
 */
export function InspectorPage() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [useLocation, setUseLocation] = useState(false);
  const [verify, verification] = useLazyQuery(VerifyCodeQuery, { fetchPolicy: 'network-only' });
  const [trace, traced] = useLazyQuery(TraceQuery, { fetchPolicy: 'network-only' });
  const heading = useRef<HTMLHeadingElement>(null);
  const sequence = useRef(0);

  async function check(read: ScanRead) {
    const id = ++sequence.current;
    if (!read.parsed.valid) {
      setOutcome({ kind: 'malformed', read, id });
      return;
    }
    setOutcome(null);
    const code = displayCode(read);
    const place = useLocation ? await currentPosition() : null;
    const [answer] = await Promise.all([
      verify({ variables: { code, latitude: place?.latitude, longitude: place?.longitude } }).catch(() => null),
      trace({ variables: { code } }).catch(() => null),
    ]);
    if (id !== sequence.current) return;
    if (answer?.data) {
      setOutcome({ kind: 'answer', read, verification: answer.data.verify, id });
      requestAnimationFrame(() => heading.current?.focus());
    }
  }

  const traceError = traced.error;
  return (
    <Page title={t('inspector.title')} intro={t('inspector.intro')}>
      <Section title={t('inspector.scanTitle')} id="inspect-scan">
        <CodeEntry startLabel={t('inspector.startCamera')} busy={verification.loading} onRead={(read) => void check(read)} />
        <label className="checkbox">
          <input type="checkbox" checked={useLocation} onChange={(event) => setUseLocation(event.target.checked)} />
          {t('inspector.useLocation')}
        </label>
      </Section>

      <div className="inspect-result" aria-live="polite">
        {verification.loading ? <Loading label={t('inspector.checking')} /> : null}
        {verification.error ? <QueryError error={verification.error} /> : null}
        {outcome ? <VerificationResult outcome={outcome} headingRef={heading} /> : null}
        {outcome?.kind === 'answer' ? (
          traced.loading ? (
            <Loading label={t('trace.loading')} />
          ) : traceError ? (
            errorCodeOf(traceError) === 'NOT_FOUND' ? (
              <Alert tone="warning">{t('inspector.noTrace')}</Alert>
            ) : (
              <QueryError error={traceError} />
            )
          ) : traced.data ? (
            <TraceView
              trace={traced.data.trace}
              onOpen={(code) => void check(readScan(code, 'keyboard'))}
            />
          ) : null
        ) : null}
      </div>
    </Page>
  );
}
