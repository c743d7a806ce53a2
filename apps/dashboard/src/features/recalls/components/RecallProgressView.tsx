import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '../../../app/viewer';
import { errorMessage } from '../../../shared/errors';
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RecallProgressQuery as ProgressData } from '../../../gql/graphql';
import { Alert, EmptyState, Loading, QueryError, Section, Table, formatDate, formatDateTime, type Column } from '../../../shared/ui';
import { AsOf, CHART_COLORS, Chart, CsvButton, Figures, formatCount } from '../../reports/components/ReportParts';
import type { CsvColumn } from '../../reports/csv';
import { CloseRecallMutation, RecallProgressQuery } from '../recalls.graphql';

type Recall = NonNullable<ProgressData['recall']>;
type FacilityRow = Recall['progress']['byFacility'][number];
type PositionRow = Recall['progress']['byPosition'][number];
type DayRow = Recall['progress']['returnedByDay'][number];

/** Where every unit of a recalled batch is now and how many have come back, refreshed every minute. */
export function RecallProgressView({ id, onClosed }: { id: string; onClosed?: () => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { data, error, refetch, loading } = useQuery(RecallProgressQuery, { variables: { id }, pollInterval: 60_000 });
  const recall = data?.recall;
  const bpom = viewer.organization.type === 'REGULATOR';
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
  const pullListOf = (row: FacilityRow) =>
    `/recalls/${encodeURIComponent(recall.id)}/pull?${new URLSearchParams({ facility: row.facility.id, name: row.facility.name }).toString()}`;
  const facilityColumns: Column<FacilityRow>[] = [
    {
      key: 'facility',
      header: t('reports.flow.facility'),
      wide: true,
      cell: (row) => (
        <span className="product-cell">
          <strong>{row.facility.name}</strong>
          <span className="product-nie">{[row.facility.regency, row.facility.province].filter(Boolean).join(', ')}</span>
        </span>
      ),
    },
    { key: 'units', header: t('recalls.held'), nowrap: true, cell: (row) => formatCount(row.units) },
    { key: 'returned', header: t('recalls.returnedBy'), nowrap: true, cell: (row) => formatCount(row.returned) },
    { key: 'destroyed', header: t('recalls.destroyedBy'), nowrap: true, cell: (row) => formatCount(row.destroyed) },
    { key: 'dispensed', header: t('recalls.dispensedBy'), nowrap: true, cell: (row) => formatCount(row.dispensed) },
    ...(bpom
      ? [
          {
            key: 'pull',
            header: t('recalls.pullListColumn'),
            cell: (row: FacilityRow) => (row.units ? <Link to={pullListOf(row)}>{t('recalls.pullListOf', { name: row.facility.name })}</Link> : null),
          },
        ]
      : []),
  ];
  const facilityCsv: CsvColumn<FacilityRow>[] = [
    { header: t('reports.flow.facility'), value: (row) => row.facility.name },
    { header: t('facility.regency'), value: (row) => row.facility.regency },
    { header: t('facility.province'), value: (row) => row.facility.province },
    { header: t('recalls.held'), value: (row) => row.units },
    { header: t('recalls.returnedBy'), value: (row) => row.returned },
    { header: t('recalls.destroyedBy'), value: (row) => row.destroyed },
    { header: t('recalls.dispensedBy'), value: (row) => row.dispensed },
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
          <dd>
            {t(`recalls.recallStatus.${recall.status}`)}
            {recall.closedAt ? ` · ${t('recalls.closedAt', { time: formatDateTime(recall.closedAt) })}` : ''}
          </dd>
        </dl>
        {recall.status === 'OPEN' && bpom && (viewer.role === 'SUPERVISOR' || viewer.role === 'ADMIN') ? (
          <CloseRecall
            id={recall.id}
            subject={t('recalls.batchLink', { nie: recall.nie, batch: recall.batch })}
            outstanding={progress.outstanding}
            onClosed={() => {
              void refetch();
              onClosed?.();
            }}
          />
        ) : null}
        {!bpom ? (
          <p>
            <Link to={`/recalls/${encodeURIComponent(recall.id)}/pull`}>{t('recalls.myPullList')}</Link>
          </p>
        ) : null}
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

/** BPOM closes a recall once done: a confirmation first, saying how many units are still out. */
function CloseRecall({ id, subject, outstanding, onClosed }: { id: string; subject: string; outstanding: number; onClosed: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [close, { loading, error }] = useMutation(CloseRecallMutation);

  async function onConfirm() {
    const result = await close({ variables: { id } }).catch(() => null);
    setConfirming(false);
    if (result?.data) onClosed();
  }

  return (
    <div className="recall-close">
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby="recall-close-confirm">
          <p id="recall-close-confirm">{t('recalls.close.confirm', { subject, count: outstanding, outstanding: formatCount(outstanding) })}</p>
          <div className="button-row">
            <button type="button" className="button button-danger" disabled={loading} onClick={() => void onConfirm()} autoFocus>
              {loading ? t('recalls.close.closing') : t('recalls.close.yes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t('recalls.form.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          {t('recalls.close.button')}
        </button>
      )}
    </div>
  );
}
