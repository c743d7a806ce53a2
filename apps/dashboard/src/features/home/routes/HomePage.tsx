import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canSee, navItem } from '../../../app/navigation';
import { audienceOf, useViewer } from '../../../app/viewer';
import { formatNumber } from '../../../shared/number';
import { EmptyState, Loading, Page, QueryError, Section } from '../../../shared/ui';
import { FacilityTable } from '../../facilities/components/FacilityTable';
import { HomeQuery, WorkQueueQuery } from '../home.graphql';
import { useLifecycle } from '../../lifecycle/useLifecycle';
import { SHORTCUTS, WORK, workPath } from '../work-queue';

/** What waits for my organisation, counted, each count opening its screen; then who I am and where I work. */
export function HomePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const who = audienceOf(viewer);
  const { data, error, refetch } = useQuery(HomeQuery);
  const queue = useQuery(WorkQueueQuery, { fetchPolicy: 'cache-and-network' });
  const me = data?.me;
  const shortcuts = SHORTCUTS[viewer.organization.type].map(navItem).filter((item) => canSee(item, who));
  const { lifecycle } = useLifecycle();

  return (
    <Page title={t('home.title')} intro={t('home.welcome', { name: viewer.name })}>
      <Section title={t('home.workTitle')} id="home-work">
        {queue.error ? (
          <QueryError error={queue.error} onRetry={() => void queue.refetch()} />
        ) : queue.data ? (
          <ul className="work-queue" aria-busy={queue.loading}>
            {queue.data.workQueue.map((item) => {
              const path = workPath(item.kind, who);
              const tone = item.count > 0 ? WORK[item.kind].tone : undefined;
              const body = (
                <>
                  <span className="work-count">{formatNumber(item.count)}</span>
                  <span className="work-text">
                    <span className="work-title">{t(`workQueue.${item.kind}.title`)}</span>
                    <span className="work-description">{t(`workQueue.${item.kind}.description`)}</span>
                  </span>
                </>
              );
              const className = ['work-item', tone ? `work-item-${tone}` : '', item.count === 0 ? 'work-item-none' : ''].filter(Boolean).join(' ');
              return (
                <li key={item.kind} data-kind={item.kind} data-count={item.count}>
                  {path ? (
                    <Link to={path} className={className}>
                      {body}
                    </Link>
                  ) : (
                    <span className={className}>{body}</span>
                  )}
                </li>
              );
            })}
          </ul>
        ) : (
          <Loading />
        )}
      </Section>

      {shortcuts.length ? (
        <Section title={t('home.shortcuts')} id="home-shortcuts">
          <ul className="shortcuts">
            {shortcuts.map((item) => (
              <li key={item.id}>
                <Link to={item.path} className="shortcut">
                  <span className="shortcut-title">{t(item.label)}</span>
                  {item.description ? <span className="shortcut-text">{t(item.description, { days: lifecycle?.undoWindowDays ?? '…' })}</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <div className="grid-2">
        <Section title={t('home.me')} id="home-me">
          <dl className="details">
            <dt>{t('home.name')}</dt>
            <dd>{viewer.name}</dd>
            <dt>{t('home.email')}</dt>
            <dd>{viewer.email}</dd>
            <dt>{t('home.role')}</dt>
            <dd>{t(`role.${viewer.role}`)}</dd>
          </dl>
        </Section>
        <Section title={t('home.organization')} id="home-organization">
          <dl className="details">
            <dt>{t('home.name')}</dt>
            <dd>{viewer.organization.name}</dd>
            <dt>{t('home.type')}</dt>
            <dd>{t(`organizationType.${viewer.organization.type}`)}</dd>
          </dl>
        </Section>
      </div>

      <Section title={t('home.facilities')} id="home-facilities">
        {me ? (
          me.facilities.length ? (
            <FacilityTable facilities={me.facilities} caption={t('home.facilities')} />
          ) : (
            <EmptyState>{t('home.noFacilities')}</EmptyState>
          )
        ) : error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Loading />
        )}
      </Section>

    </Page>
  );
}
