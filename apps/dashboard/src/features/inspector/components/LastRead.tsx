import { useTranslation } from 'react-i18next';
import type { InspectionReadFieldsFragment } from '../../../gql/graphql';
import { presentationOf } from '../../verify/presentation';
import { VerdictIcon } from '../../verify/components/VerdictIcon';
import { presentationWord } from '../../verify/components/VerificationResult';

/** The read just recorded, large: its verdict in words for an inspector, and its custody. */
export function LastRead({ read }: { read: InspectionReadFieldsFragment }) {
  const { t } = useTranslation();
  const presentation = presentationOf(read.verdict, read.reasons);
  return (
    <section
      className={`verdict verdict-${read.verdict.toLowerCase()} presentation-${presentation.toLowerCase()} last-read`}
      aria-labelledby="last-read-title"
      data-verdict={read.verdict}
      data-presentation={presentation}
      data-custody={read.custody}
    >
      <div className="verdict-banner">
        <VerdictIcon verdict={read.verdict} presentation={presentation} />
        <div className="verdict-words">
          <h2 id="last-read-title" aria-label={`${t('inspection.lastRead')}: ${presentationWord(t, presentation)}`}>
            <span className="verdict-label">{t('inspection.lastRead')}</span>
            <span className="verdict-word">{presentationWord(t, presentation)}</span>
          </h2>
          <p className="verdict-summary">{t(`inspection.summary.${presentation}`)}</p>
        </div>
      </div>
      <div className="verdict-body">
        {read.repeated ? <p className="last-read-repeated">{t('inspection.alreadyRead')}</p> : null}
        <p className={`custody custody-${read.custody.toLowerCase()}`}>
          <strong>{t(`inspection.custody.${read.custody}`)}</strong>
          {read.expectedFacility && read.custody !== 'HERE' ? ` — ${t('inspection.column.expected')}: ${read.expectedFacility.name}` : ''}
        </p>
        {read.reasons.length ? (
          <ul className="verdict-reasons-list">
            {read.reasons.map((reason) => (
              <li key={reason}>{t(`inspectionReason.${reason}`)}</li>
            ))}
          </ul>
        ) : null}
        <dl className="verdict-meta">
          {read.productName ? (
            <>
              <dt>{t('inspection.column.product')}</dt>
              <dd>{read.productName}</dd>
            </>
          ) : null}
          <dt>{t('inspection.column.code')}</dt>
          <dd>
            <code>{read.code}</code>
          </dd>
        </dl>
      </div>
    </section>
  );
}
