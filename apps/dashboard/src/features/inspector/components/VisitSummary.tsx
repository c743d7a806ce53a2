import { useTranslation } from 'react-i18next';
import type { InspectionSummaryFieldsFragment } from '../../../gql/graphql';
import { presentationWord } from '../../verify/components/VerificationResult';

/** A visit in figures: reads, packs not where the records place them, findings; by verdict and by custody. */
export function VisitSummary({ summary }: { summary: InspectionSummaryFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <div className="visit-summary" aria-label={t('inspection.summaryTitle')} role="group">
      <dl className="visit-figures">
        <div>
          <dt>{t('inspection.summaryReads')}</dt>
          <dd data-figure="reads">{summary.reads}</dd>
        </div>
        <div className={summary.notAtCustodian ? 'visit-figure-alarm' : undefined}>
          <dt>{t('inspection.summaryNotAtCustodian')}</dt>
          <dd data-figure="not-at-custodian">{summary.notAtCustodian}</dd>
        </div>
        <div>
          <dt>{t('inspection.summaryFindings')}</dt>
          <dd data-figure="findings">{summary.findings}</dd>
        </div>
      </dl>
      <div className="visit-breakdown">
        <div>
          <h4>{t('inspection.summaryByVerdict')}</h4>
          <ul>
            {summary.byVerdict.map((entry) => (
              <li key={entry.verdict} data-verdict={entry.verdict}>
                <span>{presentationWord(t, entry.verdict)}</span> <strong>{entry.count}</strong>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h4>{t('inspection.summaryByCustody')}</h4>
          <ul>
            {summary.byCustody.map((entry) => (
              <li key={entry.custody} data-custody={entry.custody}>
                <span>{t(`inspection.custody.${entry.custody}`)}</span> <strong>{entry.count}</strong>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
