import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { errorMessage } from '../../../shared/errors';
import { parse } from '@jejak/gs1';
import { CameraScanner, ScanInput, displayCode, readScan, type ScanRead } from '../../../shared/scanner';
import { Alert, Loading, Page } from '../../../shared/ui';
import { useInstallableApp } from '../app';
import { CodePartsFields } from '../components/CodeParts';
import { LocationControl } from '../components/LocationControl';
import { RecentChecks } from '../components/RecentChecks';
import { ReportForm } from '../components/ReportForm';
import { VerificationResult } from '../components/VerificationResult';
import { useDevicePlace } from '../location';
import type { Outcome } from '../outcome';
import { EMPTY_PARTS, PART_NAMES, combineParts, partProblem, partsOf, type CodeParts } from '../parts';
import { useRecentChecks } from '../recent';
import { verifyCode } from '../verify.api';

/** The code the page was opened with: a Digital Link address as a whole, else `?code=`. */
function codeInAddress(digitalLink: boolean, search: URLSearchParams): string | null {
  if (digitalLink) return window.location.href;
  const code = search.get('code');
  return code && code.trim() ? code : null;
}

/**
 * The public "is this medicine genuine?" page: scan with the camera or type the code, get the
 * verdict with its reasons and the product's details, report a problem, and find past checks.
 * `/verify?code=…` and Digital Link addresses (`/01/…`) are checked as soon as the page opens.
 */
export function VerifyPage({ digitalLink = false }: { digitalLink?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const place = useDevicePlace();
  useInstallableApp();
  const { checks, remember, clear } = useRecentChecks();
  const [code, setCode] = useState('');
  const [parts, setParts] = useState<CodeParts>(EMPTY_PARTS);
  const [partsSubmitted, setPartsSubmitted] = useState(false);
  const partsBox = useRef<HTMLDivElement>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const request = useRef(0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  /** The address's code last acted on, so the page's own address updates are not checked again. */
  const handledAddress = useRef<string | null>(null);

  /** After a check, the address names the code, so a reload or a shared link shows it again. */
  const showInAddress = useCallback(
    (read: ScanRead) => {
      if (read.source === 'link' && digitalLink) return;
      const shown = read.parsed.valid && read.parsed.bracketed ? read.parsed.bracketed : read.text;
      handledAddress.current = shown;
      void navigate({ pathname: '/verify', search: `?${new URLSearchParams({ code: shown })}` }, { replace: true });
    },
    [digitalLink, navigate],
  );

  const check = useCallback(
    async (read: ScanRead) => {
      if (digitalLink && read.source !== 'link') {
        // Another code checked from a Digital Link page: the /verify page checks it, once.
        const shown = read.parsed.valid && read.parsed.bracketed ? read.parsed.bracketed : read.text;
        void navigate({ pathname: '/verify', search: `?${new URLSearchParams({ code: shown })}` }, { replace: true });
        return;
      }
      const id = ++request.current;
      setFieldError(null);
      setFailure(null);
      if (read.source !== 'keyboard') {
        setCode(displayCode(read));
        setParts(partsOf(read.parsed) ?? EMPTY_PARTS);
        setPartsSubmitted(false);
      }
      showInAddress(read);
      const at = new Date().toISOString();
      const label = displayCode(read);

      // A code that does not parse is answered here, without asking the server.
      if (!read.parsed.valid) {
        setLoading(false);
        setOutcome({ kind: 'malformed', read, id });
        remember({ code: read.text, label, verdict: 'INVALID', reasons: ['MALFORMED'], productName: null, at });
        return;
      }

      setLoading(true);
      try {
        const verification = await verifyCode(read.parsed.bracketed ?? read.text, place.place);
        if (id !== request.current) return;
        setOutcome({ kind: 'answer', read, verification, id });
        remember({
          code: read.text,
          label,
          verdict: verification.verdict,
          reasons: verification.reasons,
          productName: verification.product?.name ?? null,
          at,
        });
      } catch (error) {
        if (id !== request.current) return;
        setOutcome(null);
        setFailure(error);
      } finally {
        if (id === request.current) setLoading(false);
      }
    },
    [digitalLink, navigate, place.place, remember, showInAddress],
  );

  // Opened with a code (a link, a reload, a Digital Link): check it at once.
  const addressCode = codeInAddress(digitalLink, searchParams);
  useEffect(() => {
    if (!addressCode || addressCode === handledAddress.current) return;
    handledAddress.current = addressCode;
    void check(readScan(addressCode, 'link'));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new address starts a check; `check` changing (e.g. with the place) does not.
  }, [addressCode, location.key]);

  // A new answer takes the focus and the top of the screen, so it is seen and read out.
  useEffect(() => {
    const heading = resultHeading.current;
    if (!outcome || !heading) return;
    heading.focus({ preventScroll: true });
    heading.closest('section')?.scrollIntoView({ block: 'start' });
  }, [outcome]);

  /** Whether the code box holds what the parts make, i.e. the parts are what is checked. */
  const usingParts = PART_NAMES.some((name) => parts[name].trim()) && code === combineParts(parts);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (usingParts) {
      // A part with a problem, or a part the pack cannot be found without, is named by its field.
      const wrong = PART_NAMES.find((name) => partProblem(name, parts[name]) || ((name === 'key' || name === 'serial') && !parts[name].trim()));
      if (wrong) {
        setPartsSubmitted(true);
        partsBox.current?.querySelector<HTMLInputElement>(`input[data-part="${wrong}"]`)?.focus();
        return;
      }
    }
    if (!code.trim()) {
      setFieldError(t('verify.codeRequired'));
      return;
    }
    void check(readScan(code, 'keyboard'));
  }

  function onPartsChange(next: CodeParts) {
    setParts(next);
    setCode(combineParts(next));
    if (fieldError) setFieldError(null);
  }

  return (
    <Page title={t('verify.title')} intro={t('verify.intro')}>
      <div className="verify">
        <section className="panel verify-check" aria-label={t('verify.title')}>
          <div className="verify-scan">
            <h2>{t('verify.scanTitle')}</h2>
            <p className="field-hint">{t('verify.scanHint')}</p>
            <CameraScanner onRead={(read) => void check(read)} />
          </div>
          <form className="form verify-type" onSubmit={onSubmit} noValidate>
            <h2>{t('verify.typeTitle')}</h2>
            <ScanInput
              label={t('verify.codeLabel')}
              hint={t('verify.codeHint')}
              value={code}
              onValueChange={(value) => {
                setCode(value);
                // A code that reads shows its parts; one that does not leaves them empty.
                setParts(partsOf(parse(value)) ?? EMPTY_PARTS);
                setPartsSubmitted(false);
                if (fieldError) setFieldError(null);
              }}
              onScan={(read) => void check(read)}
              error={fieldError}
              className="code-input"
            />
            <div ref={partsBox}>
              <CodePartsFields parts={parts} onChange={onPartsChange} showAll={partsSubmitted} required={usingParts} />
            </div>
            <button type="submit" className="button button-primary verify-submit" disabled={loading}>
              {t('verify.submit')}
            </button>
          </form>
          <LocationControl place={place} />
        </section>

        <div className="verify-result" aria-busy={loading}>
          {loading ? <Loading label={t('verify.checking')} /> : null}
          {failure ? (
            <Alert tone="error">{errorMessage(t, failure, { TOO_MANY_ATTEMPTS: 'verify.errors.TOO_MANY_ATTEMPTS' })}</Alert>
          ) : null}
          {outcome && !loading ? <VerificationResult outcome={outcome} headingRef={resultHeading} /> : null}
        </div>

        {outcome && !loading ? (
          <ReportForm
            key={outcome.id}
            code={outcome.read.parsed.valid && outcome.read.parsed.bracketed ? outcome.read.parsed.bracketed : outcome.read.text}
            codeLabel={displayCode(outcome.read)}
            place={place}
            prominent={outcome.kind === 'answer' && outcome.verification.verdict === 'SUSPECT'}
          />
        ) : null}

        <RecentChecks
          checks={checks}
          onCheck={(entry) => {
            setCode(entry.label);
            setParts(partsOf(parse(entry.code)) ?? EMPTY_PARTS);
            void check(readScan(entry.code, 'keyboard'));
          }}
          onClear={clear}
          disabled={loading}
        />
      </div>
    </Page>
  );
}
