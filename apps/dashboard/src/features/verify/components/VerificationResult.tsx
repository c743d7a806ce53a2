import type { TFunction } from 'i18next';
import { Fragment, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { displayCode } from '../../../shared/scanner';
import { formatDate, formatDateTime } from '../../../shared/ui';
import type { Outcome, Verification } from '../outcome';
import { presentationOf, type Presentation } from '../presentation';
import { codeProblem } from '../problems';
import { VerdictIcon } from './VerdictIcon';
import '../verify.css';

/** The answer's word: a verdict, or for CAUTION what it is about. */
export function presentationWord(t: TFunction, presentation: Presentation): string {
  switch (presentation) {
    case 'GENUINE':
    case 'CAUTION':
    case 'SUSPECT':
    case 'INVALID':
      return t(`verify.verdict.${presentation}`);
    default:
      return t(`verifyVerdict.word.${presentation}`);
  }
}

function presentationSummary(t: TFunction, presentation: Presentation, audience: Audience): string {
  if (audience === 'inspector') return t(`inspection.summary.${presentation}`);
  switch (presentation) {
    case 'GENUINE':
    case 'CAUTION':
    case 'SUSPECT':
    case 'INVALID':
      return t(`verify.summary.${presentation}`);
    default:
      return t(`verifyVerdict.summary.${presentation}`);
  }
}

/**
 * The answer, large, in colour, shape and words; each reason in a sentence; then the
 * "Rincian". Its heading takes the focus when a new answer arrives.
 */
/** Who reads the answer: a member of the public, or a BPOM inspector at a facility. */
export type Audience = 'public' | 'inspector';

export function VerificationResult({
  outcome,
  headingRef,
  audience = 'public',
}: {
  outcome: Outcome;
  headingRef?: Ref<HTMLHeadingElement>;
  audience?: Audience;
}) {
  const { t } = useTranslation();
  const verdict = outcome.kind === 'answer' ? outcome.verification.verdict : 'INVALID';
  const problem = outcome.kind === 'malformed' ? codeProblem(t, outcome.read.parsed) : null;
  const presentation = presentationOf(verdict, outcome.kind === 'answer' ? outcome.verification.reasons : []);
  const word = presentationWord(t, presentation);
  const reasons =
    outcome.kind === 'answer'
      ? outcome.verification.reasons.map((reason) => ({
          key: reason,
          text: audience === 'inspector' ? t(`inspectionReason.${reason}`) : t(`verify.reason.${reason}`),
        }))
      : problem
        ? [{ key: 'problem', text: problem.text }]
        : [];

  return (
    <section
      className={`verdict verdict-${verdict.toLowerCase()} presentation-${presentation.toLowerCase()}`}
      aria-labelledby="verdict-title"
      data-verdict={verdict}
      data-presentation={presentation}
    >
      <div className="verdict-banner">
        <VerdictIcon verdict={verdict} presentation={presentation} />
        <div className="verdict-words">
          <h2
            id="verdict-title"
            ref={headingRef}
            tabIndex={-1}
            aria-label={`${t('verify.resultTitle')}: ${word}`}
          >
            <span className="verdict-label">{t('verify.resultTitle')}</span>
            <span className="verdict-word">{word}</span>
          </h2>
          <p className="verdict-summary">{presentationSummary(t, presentation, audience)}</p>
        </div>
      </div>

      <div className="verdict-body">
        {reasons.length ? (
          <div className="verdict-reasons">
            <h3>{t('verify.reasonsTitle')}</h3>
            <ul>
              {reasons.map((reason) => (
                <li key={reason.key} data-reason={reason.key}>
                  {reason.text}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        {outcome.kind === 'answer' ? <Details verification={outcome.verification} /> : null}

        <dl className="verdict-meta">
          <dt>{t('verify.field.code')}</dt>
          <dd>
            <code>{displayCode(outcome.read)}</code>
          </dd>
        </dl>
        <p className="verdict-checked">
          {outcome.kind === 'answer'
            ? t('verify.checkedAt', { time: formatDateTime(outcome.verification.checkedAt) })
            : t('verify.checkedInBrowser')}
        </p>
      </div>
    </section>
  );
}

function Details({ verification: v }: { verification: Verification }) {
  const { t } = useTranslation();
  const product = v.product;
  const rows: Array<[string, ReactNode]> = [];
  const add = (label: string, value: ReactNode) => {
    if (value !== null && value !== undefined && value !== '') rows.push([label, value]);
  };
  add(t('verify.field.name'), product?.name);
  add(t('verify.field.nie'), product?.nie);
  add(t('verify.field.brand'), product?.brand);
  add(t('verify.field.packaging'), product?.packaging);
  add(t('verify.field.form'), product?.form);
  add(t('verify.field.strength'), product?.strength);
  add(t('verify.field.batch'), v.batch);
  add(t('verify.field.expiry'), v.expiry ? formatDate(v.expiry) : null);
  add(t('verify.field.serial'), v.serial);
  add(t('verify.field.producer'), product?.producer);
  add(t('verify.field.registrant'), product?.registrant);
  add(t('verify.field.activation'), v.activated === null ? null : v.activated ? t('verify.activated') : t('verify.notActivated'));
  add(t('verify.field.sample'), v.sample === null ? null : v.sample ? t('verify.isSample') : t('verify.notSample'));
  add(t('verify.field.status'), v.status ? t(`verify.packStatus.${v.status}`) : null);
  add(t('verify.field.dispensedAt'), v.dispensedAt ? formatDateTime(v.dispensedAt) : null);
  add(t('verify.field.dispensedRegency'), v.dispensedRegency);

  return (
    <div className="verdict-details">
      <h3>{t('verify.details')}</h3>
      {!product ? <p className="verdict-no-product">{t('verify.noProduct')}</p> : null}
      {rows.length ? (
        <dl className="details">
          {rows.map(([label, value]) => (
            <Fragment key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </Fragment>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
