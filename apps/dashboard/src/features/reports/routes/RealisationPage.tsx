import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../reports.css';
import { Link } from 'react-router';
import type { RealisationGroup, RealisationQuery as RealisationData, ReportFilter } from '../../../gql/graphql';
import { Page, type Column } from '../../../shared/ui';
import { formatCount } from '../components/ReportParts';
import { ReportSection } from '../components/ReportSection';
import { ReportFilters } from '../components/ReportFilters';
import { StageChart } from '../components/StageChart';
import { BatchHoldings } from '../components/BatchHoldings';
import { STAGES, STEPS, conversions, formatPercent, ratio, totalsOf, type Stage, type StageCounts } from '../conversion';
import type { CsvColumn } from '../csv';
import { useReportFilter } from '../filter';
import { RealisationQuery } from '../reports.graphql';

type Row = RealisationData['realisation'][number];

/**
 * Realisasi: industry → its products → a product's batches → the facilities holding a batch.
 * Each step is a link, so the address says where the reader is and Back goes up again.
 */
export function RealisationPage() {
  const { t } = useTranslation();
  const { filter, params, update } = useReportFilter();
  const { organization, nie, batch } = filter;
  const groupBy: RealisationGroup = nie ? 'BATCH' : organization ? 'PRODUCT' : 'ORGANIZATION';
  const { data, loading, error, refetch } = useQuery(RealisationQuery, { variables: { groupBy, filter } });
  const rows = data?.realisation;
  const shown = rows && batch ? rows.filter((row) => row.key === `${nie}/${batch}`) : rows;
  // realisation carries no "as of": the time its answer arrived stands in.
  const [answeredAt, setAnsweredAt] = useState<string | null>(null);
  useEffect(() => {
    if (rows) setAnsweredAt(new Date().toISOString());
  }, [rows]);

  const orgLabel = params.get('organizationLabel');
  const productLabel = params.get('productLabel');
  const levelName = t(`reports.realisation.level.${batch ? 'FACILITY' : groupBy}`);

  /** The address one step further down, keeping the period, province and labels. */
  function drill(row: Row): string {
    const next = new URLSearchParams(params);
    if (groupBy === 'ORGANIZATION') {
      next.set('organization', row.key);
      next.set('organizationLabel', row.label);
    } else if (groupBy === 'PRODUCT') {
      next.set('nie', row.key);
      next.set('productLabel', row.label);
    } else {
      next.set('batch', row.key.slice(row.key.indexOf('/') + 1));
    }
    return `?${next.toString()}`;
  }

  function up(keep: 'none' | 'organization' | 'product'): string {
    const next = new URLSearchParams(params);
    if (keep === 'none') ['organization', 'organizationLabel', 'nie', 'productLabel', 'batch'].forEach((key) => next.delete(key));
    if (keep === 'organization') ['nie', 'productLabel', 'batch'].forEach((key) => next.delete(key));
    if (keep === 'product') next.delete('batch');
    const text = next.toString();
    return text ? `?${text}` : '?';
  }

  const columns: Column<Row>[] = [
    {
      key: 'label',
      header: levelName,
      wide: true,
      cell: (row) =>
        batch ? (
          <strong>{row.label}</strong>
        ) : (
          <Link to={drill(row)} className="drill-link">
            {row.label}
          </Link>
        ),
    },
    ...STAGES.map((stage, index) => ({
      key: stage,
      header: t(`realisationStages.name.${stage}`),
      cell: (row: Row) => <StageCell row={row} stage={stage} previous={index ? STAGES[index - 1]! : null} />,
    })),
  ];
  const csvColumns: CsvColumn<Row>[] = [
    { header: t('reports.realisation.csvKey'), value: (row) => row.key },
    { header: levelName, value: (row) => row.label },
    ...STAGES.map((stage) => ({ header: t(`realisationStages.name.${stage}`), value: (row: Row) => row[stage] })),
    // Shares as plain percentages with their digits, for spreadsheets: empty where the earlier stage had none.
    ...STEPS.map(({ from, to }) => ({
      header: t('realisationStages.csvPercent', { stage: t('realisationStages.conversion', { to: t(`realisationStages.name.${to}`), from: t(`realisationStages.name.${from}`) }) }),
      value: (row: Row) => percentCell(ratio(row[to], row[from])),
    })),
  ];
  const summed = totalsOf(shown ?? []);
  const totals = STAGES.map((stage) => ({ label: t(`realisationStages.name.${stage}`), units: summed[stage] }));

  return (
    <Page title={t('reports.realisation.title')} intro={t('reports.realisation.intro')}>
      <ReportFilters key={filterKey(filter)} filter={filter} onApply={update} />

      <nav aria-label={t('reports.realisation.breadcrumb')} className="breadcrumb">
        <ol>
          <li>{groupBy === 'ORGANIZATION' ? <span aria-current="page">{t('reports.realisation.allIndustries')}</span> : <Link to={up('none')}>{t('reports.realisation.allIndustries')}</Link>}</li>
          {organization ? (
            <li>
              {groupBy === 'PRODUCT' ? <span aria-current="page">{orgLabel ?? organization}</span> : <Link to={up('organization')}>{orgLabel ?? organization}</Link>}
            </li>
          ) : null}
          {nie ? (
            <li>{batch ? <Link to={up('product')}>{productLabel ?? nie}</Link> : <span aria-current="page">{productLabel ?? nie}</span>}</li>
          ) : null}
          {batch ? (
            <li>
              <span aria-current="page">{t('reports.realisation.batchCrumb', { batch })}</span>
            </li>
          ) : null}
        </ol>
      </nav>

      <ReportSection
        title={t('reports.realisation.tableTitle', { level: levelName })}
        id="realisation"
        rows={shown}
        loading={loading}
        error={error}
        onRetry={() => void refetch()}
        asOf={answeredAt}
        csv={{ name: 'realisasi', columns: csvColumns, what: t('reports.realisation.title') }}
        chart={<StageChart stages={totals} label={t('reports.realisation.chartLabel', { summary: totals.map((stage) => `${stage.label} ${formatCount(stage.units)}`).join(', ') })} />}
        columns={columns}
        rowKey={(row) => row.key}
      />

      <Conversions totals={summed} />

      {nie && batch ? <BatchHoldings nie={nie} batch={batch} filter={filter} /> : null}
    </Page>
  );
}

/** A stage's count, with the share of the previous stage that reached it. */
function StageCell({ row, stage, previous }: { row: StageCounts; stage: Stage; previous: Stage | null }) {
  const { t } = useTranslation();
  if (!previous) return <>{formatCount(row[stage])}</>;
  const percent = formatPercent(ratio(row[stage], row[previous]));
  return (
    <span className="stage-cell">
      {formatCount(row[stage])}
      <span className="stage-share" title={t('realisationStages.ofPrevious', { percent })}>
        {percent}
      </span>
    </span>
  );
}

/** A share for the CSV: "87.5" (percent, one decimal), empty when there is none. */
const percentCell = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** Stage by stage, what share of the units went on to the next; and from release to patients. */
function Conversions({ totals }: { totals: StageCounts }) {
  const { t } = useTranslation();
  const name = (stage: Stage) => t(`realisationStages.name.${stage}`);
  return (
    <section className="panel realisation-conversions" aria-labelledby="conversions-title">
      <h2 id="conversions-title">{t('realisationStages.conversionTitle')}</h2>
      <p className="field-hint">{t('realisationStages.legend')}</p>
      <ol className="conversion-list">
        {conversions(totals).map(({ from, to, ratio: share }) => (
          <li key={to} data-stage={to}>
            <strong className="conversion-percent">{formatPercent(share)}</strong>
            <span>{t('realisationStages.conversion', { to: name(to), from: name(from) })}</span>
          </li>
        ))}
        <li data-stage="overall" className="conversion-overall">
          <strong className="conversion-percent">{formatPercent(ratio(totals.dispensed, totals.activated))}</strong>
          <span>{t('realisationStages.overall')}</span>
        </li>
      </ol>
    </section>
  );
}

/** Remounts the filter form when the address changes its fields (Back, a drill-down). */
export const filterKey = (filter: ReportFilter) => [filter.from, filter.to, filter.province, filter.nie, filter.facility].join('|');
