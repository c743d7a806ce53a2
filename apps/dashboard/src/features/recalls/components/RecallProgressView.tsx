import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RecallProgressQuery as ProgressData } from '../../../gql/graphql';
import { EmptyState, Loading, QueryError, Section, Table, formatDate, formatDateTime, orDash, type Column } from '../../../shared/ui';
import { AsOf, CHART_COLORS, Chart, CsvButton, Figures, formatCount } from '../../reports/components/ReportParts';
import type { CsvColumn } from '../../reports/csv';
import { RecallProgressQuery } from '../recalls.graphql';

type Recall = NonNullable<ProgressData['recall']>;
type FacilityRow = Recall['progress']['byFacility'][number];
type PositionRow = Recall['progress']['byPosition'][number];
type DayRow = Recall['progress']['returnedByDay'][number];

/** Where every unit of a recalled batch is now and how many have come back, refreshed every minute. */
export function RecallProgressView({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error, refetch, loading } = useQuery(RecallProgressQuery, { variables: { id }, pollInterval: 60_000 });
  const recall = data?.recall;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  if (!recall) return <EmptyState>{t('recalls.notFound')}</EmptyState>;
  const { progress } = recall;
  // Shares of the units that left the manufacturer: recovered, still out, reached patients, the rest.
  const percent = (units: number) => (progress.released ? Math.round((units / progress.released) * 100) : 0);
  const shares = {
    recovered: percent(progress.recovered),
    outstanding: percent(progress.outstanding),
    patients: percent(progress.reachedPatients),
  };
  const title = t('recalls.progressTitle', { nie: recall.nie, batch: recall.batch });

  const positionColumns: Column<PositionRow>[] = [
    { key: 'position', header: t('recalls.position'), cell: (row) => t(`recalls.positions.${row.position}`) },
    { key: 'units', header: t('reports.units'), cell: (row) => formatCount(row.units) },
  ];
  const positionCsv: CsvColumn<PositionRow>[] = [
    { header: t('recalls.position'), value: (row) => t(`recalls.positions.${row.position}`) },
    { header: t('reports.units'), value: (row) => row.units },
  ];
  const positions = progress.byPosition.filter((row) => row.units > 0);
  const facilityColumns: Column<FacilityRow>[] = [
    { key: 'facility', header: t('reports.flow.facility'), wide: true, cell: (row) => <strong>{row.facility.name}</strong> },
    { key: 'regency', header: t('facility.regency'), cell: (row) => orDash(row.facility.regency) },
    { key: 'province', header: t('facility.province'), cell: (row) => orDash(row.facility.province) },
    { key: 'units', header: t('reports.units'), cell: (row) => formatCount(row.units) },
  ];
  const facilityCsv: CsvColumn<FacilityRow>[] = [
    { header: t('reports.flow.facility'), value: (row) => row.facility.name },
    { header: t('facility.regency'), value: (row) => row.facility.regency },
    { header: t('facility.province'), value: (row) => row.facility.province },
    { header: t('reports.units'), value: (row) => row.units },
  ];
  const dayColumns: Column<DayRow>[] = [
    { key: 'day', header: t('recalls.day'), nowrap: true, cell: (row) => formatDate(row.day) },
    { key: 'units', header: t('recalls.returnedThatDay'), cell: (row) => formatCount(row.units) },
    { key: 'total', header: t('recalls.returnedTotal'), cell: (row) => formatCount(row.total) },
  ];
  const dayCsv: CsvColumn<DayRow>[] = [
    { header: t('recalls.day'), value: (row) => row.day },
    { header: t('recalls.returnedThatDay'), value: (row) => row.units },
    { header: t('recalls.returnedTotal'), value: (row) => row.total },
  ];

  return (
    <div className="recall-progress" aria-busy={loading}>
      <Section title={title} id="recall-progress">
        <dl className="details">
          <dt>{t('recalls.class')}</dt>
          <dd>{recall.class ? t('recalls.classLabel', { class: recall.class }) : t('recalls.noClass')}</dd>
          <dt>{t('recalls.reason')}</dt>
          <dd>{recall.reason}</dd>
          <dt>{t('recalls.startedAt')}</dt>
          <dd>{formatDateTime(recall.createdAt)}</dd>
          <dt>{t('recalls.status')}</dt>
          <dd>{t(`recalls.recallStatus.${recall.status}`)}</dd>
        </dl>
        <Figures
          items={[
            { label: t('recalls.totalUnits'), value: progress.totalUnits },
            { label: t('recalls.released'), value: progress.released },
            { label: t('recalls.recovered'), value: progress.recovered, tone: 'ok' },
            { label: t('recalls.outstanding'), value: progress.outstanding, tone: progress.outstanding ? 'warning' : 'ok' },
            { label: t('recalls.reachedPatients'), value: progress.reachedPatients, tone: progress.reachedPatients ? 'warning' : 'ok' },
          ]}
        />
        <div className="progress-bar progress-stack" role="img" aria-label={t('recalls.share', shares)}>
          <span className="progress-recovered" style={{ width: `${shares.recovered}%` }} />
          <span className="progress-outstanding" style={{ width: `${shares.outstanding}%` }} />
          <span className="progress-patients" style={{ width: `${shares.patients}%` }} />
        </div>
        <p className="progress-text">{t('recalls.share', shares)}</p>
        <AsOf at={progress.asOf} />
      </Section>

      <div className="grid-2">
        <Section title={t('recalls.byPositionTitle')} id="recall-status" actions={<CsvButton name={`penarikan-${recall.batch}-posisi`} columns={positionCsv} rows={progress.byPosition} what={t('recalls.byPositionTitle')} />}>
          {positions.length ? (
            <>
              <Chart label={t('recalls.byPositionChart', { summary: positions.map((row) => `${t(`recalls.positions.${row.position}`)} ${formatCount(row.units)}`).join(', ') })} height={220}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={positions.map((row) => ({ label: t(`recalls.positions.${row.position}`), units: row.units }))} layout="vertical" margin={{ left: 4, right: 16 }}>
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 12 }} />
                    <Tooltip />
                    <Bar dataKey="units" isAnimationActive={false}>
                      {positions.map((row, index) => (
                        <Cell key={row.position} fill={CHART_COLORS[index % CHART_COLORS.length]} />
                      ))}
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </Chart>
              <Table caption={t('recalls.byPositionTitle')} columns={positionColumns} rows={progress.byPosition} rowKey={(row) => row.position} />
            </>
          ) : (
            <EmptyState>{t('reports.empty')}</EmptyState>
          )}
        </Section>

        <Section title={t('recalls.overTimeTitle')} id="recall-days" actions={<CsvButton name={`penarikan-${recall.batch}-harian`} columns={dayCsv} rows={progress.returnedByDay} what={t('recalls.overTimeTitle')} />}>
          {progress.returnedByDay.length ? (
            <>
              <Chart label={t('recalls.overTimeChart', { total: formatCount(progress.returnedByDay.at(-1)?.total ?? 0) })} height={220}>
                <ResponsiveContainer width="100%" height="100%">
                  <AreaChart data={[...progress.returnedByDay]} margin={{ left: 0, right: 16, top: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="day" tickFormatter={(value: string) => value.slice(5)} tick={{ fontSize: 12 }} />
                    <YAxis allowDecimals={false} width={40} />
                    <Tooltip labelFormatter={(value) => formatDate(String(value))} />
                    <Area type="stepAfter" dataKey="total" name={t('recalls.returnedTotal')} stroke={CHART_COLORS[0]} fill="#e3f2ef" isAnimationActive={false} />
                  </AreaChart>
                </ResponsiveContainer>
              </Chart>
              <Table caption={t('recalls.overTimeTitle')} columns={dayColumns} rows={progress.returnedByDay} rowKey={(row) => row.day} />
            </>
          ) : (
            <EmptyState>{t('recalls.noneReturned')}</EmptyState>
          )}
        </Section>
      </div>

      <Section title={t('recalls.byFacilityTitle')} id="recall-facilities" actions={<CsvButton name={`penarikan-${recall.batch}-fasilitas`} columns={facilityCsv} rows={progress.byFacility} what={t('recalls.byFacilityTitle')} />}>
        {progress.byFacility.length ? (
          <Table caption={t('recalls.byFacilityTitle')} columns={facilityColumns} rows={progress.byFacility} rowKey={(row) => row.facility.id} />
        ) : (
          <EmptyState>{t('recalls.noneOutstanding')}</EmptyState>
        )}
      </Section>
    </div>
  );
}
