import { useQuery } from '@apollo/client/react';
import { parse } from '@jejak/gs1';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { canSee, navItem } from '../../../app/navigation';
import { audienceOf, useViewer } from '../../../app/viewer';
import type { PullListQuery as PullListData } from '../../../gql/graphql';
import { Alert, EmptyState, Loading, Page, QueryError, Section, Table, formatDateTime, type Column } from '../../../shared/ui';
import { useActingFacility } from '../../movements/useActingFacility';
import { CsvButton, Figures, formatCount } from '../../reports/components/ReportParts';
import type { CsvColumn } from '../../reports/csv';
import { unitsToPull } from '../pull';
import { PullListQuery } from '../recalls.graphql';

type Item = NonNullable<PullListData['recall']>['pullList'][number];

/** What a person reads off a pack to find it: a unit's serial, a case's or pallet's SSCC. */
function serialOf(code: string): string {
  const parsed = parse(code);
  return parsed.serial ?? parsed.sscc ?? code;
}

/**
 * What a facility must pull of a recalled batch: each unit under the outermost case or pallet
 * it holds it in, so a whole case is taken off the shelf by one code. For BPOM, the pull list of
 * the facility named (`?facility=…`).
 */
export function PullListPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const id = useParams().id ?? '';
  const [params] = useSearchParams();
  const facility = params.get('facility');
  const { data, error, refetch, loading } = useQuery(PullListQuery, { variables: { id, facility: facility ?? undefined }, fetchPolicy: 'cache-and-network' });
  const { facilities } = useActingFacility();
  const recall = data?.recall;
  const canReturn = canSee(navItem('returnPacks'), audienceOf(viewer));
  const back = canSee(navItem('pullLists'), audienceOf(viewer)) ? '/pull-lists' : `/recalls?recall=${encodeURIComponent(id)}`;

  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) return <Loading />;
  if (!recall) {
    return (
      <Page title={t('pullLists.notFound')}>
        <Link to={back}>{t('pullLists.back')}</Link>
      </Page>
    );
  }
  const nameOf = (facilityId: string | null | undefined) => facilities.find((candidate) => candidate.id === facilityId)?.name ?? params.get('name') ?? '';
  const several = new Set(recall.pullList.map((item) => item.facilityId)).size > 1;
  const units = unitsToPull(recall.pullList);
  const parents = recall.pullList.filter((item) => item.level !== 'UNIT').length;

  const columns: Column<Item>[] = [
    { key: 'serial', header: t('pullLists.serial'), nowrap: true, cell: (row) => <code>{serialOf(row.code)}</code> },
    { key: 'level', header: t('pullLists.level'), cell: (row) => <span className={row.level === 'UNIT' ? 'badge badge-muted' : 'badge'}>{t(`movements.level.${row.level}`)}</span> },
    { key: 'units', header: t('pullLists.units'), nowrap: true, cell: (row) => formatCount(row.units) },
    { key: 'code', header: t('pullLists.code'), cell: (row) => <code className="code-wrap">{row.code}</code> },
    ...(several ? [{ key: 'facility', header: t('pullLists.facility'), cell: (row: Item) => nameOf(row.facilityId) }] : []),
  ];
  const csv: CsvColumn<Item>[] = [
    { header: t('pullLists.serial'), value: (row) => serialOf(row.code) },
    { header: t('pullLists.level'), value: (row) => t(`movements.level.${row.level}`) },
    { header: t('pullLists.units'), value: (row) => row.units },
    { header: t('pullLists.code'), value: (row) => row.code },
    { header: t('pullLists.facility'), value: (row) => nameOf(row.facilityId) },
  ];
  const where = facility ? params.get('name') ?? '' : facilities.length === 1 ? facilities[0]!.name : '';

  return (
    <Page title={t('pullLists.title', { product: recall.productName, batch: recall.batch })} intro={where ? t('pullLists.introAt', { name: where }) : t('pullLists.intro')}>
      <div className="no-print labels-tools">
        <Link to={back}>{t('pullLists.back')}</Link>
      </div>
      {recall.status === 'OPEN' ? (
        <Alert tone="warning" title={recall.class ? t('pullLists.warningTitleClass', { class: recall.class }) : t('pullLists.warningTitle')}>
          <p>{t('pullLists.warning')}</p>
          {canReturn && units ? (
            <p>
              <Link to="/return">{t('pullLists.returnLink')}</Link>
            </p>
          ) : null}
        </Alert>
      ) : (
        <Alert tone="info">{t('pullLists.closed', { time: formatDateTime(recall.closedAt) })}</Alert>
      )}
      <Section title={t('pullLists.recallTitle')} id="pull-recall">
        <dl className="details">
          <dt>{t('recalls.batch')}</dt>
          <dd>
            {recall.productName} · {t('recalls.batchLink', { nie: recall.nie, batch: recall.batch })}
          </dd>
          <dt>{t('recalls.class')}</dt>
          <dd>{recall.class ? t('recalls.classLabel', { class: recall.class }) : t('recalls.noClass')}</dd>
          <dt>{t('recalls.reason')}</dt>
          <dd>{recall.reason}</dd>
          <dt>{t('recalls.startedAt')}</dt>
          <dd>{formatDateTime(recall.createdAt)}</dd>
        </dl>
      </Section>
      <Section
        title={t('pullLists.listTitle')}
        id="pull-list"
        actions={<CsvButton name={`daftar-tarik-${recall.batch}`} columns={csv} rows={recall.pullList} what={t('pullLists.listTitle')} />}
      >
        <Figures
          items={[
            { label: t('pullLists.unitsToPull'), value: units, tone: units ? 'warning' : 'ok' },
            { label: t('pullLists.codes'), value: recall.pullList.length },
            { label: t('pullLists.parents'), value: parents },
          ]}
        />
        <div aria-busy={loading}>
          {recall.pullList.length ? (
            <Table caption={t('pullLists.listTitle')} columns={columns} rows={recall.pullList} rowKey={(row) => row.code} />
          ) : (
            <EmptyState>{t('pullLists.empty')}</EmptyState>
          )}
        </div>
      </Section>
    </Page>
  );
}
