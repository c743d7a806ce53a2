import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { navItemsFor } from '../../../app/navigation';
import { audienceOf, useViewer } from '../../../app/viewer';
import { EmptyState, Loading, Page, QueryError, Section } from '../../../shared/ui';
import { FacilityTable } from '../../facilities/components/FacilityTable';
import { HomeQuery } from '../home.graphql';
import { useLifecycle } from '../../lifecycle/useLifecycle';

/** Who I am, my organisation, the facilities I act for, and where I can go from here. */
export function HomePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(HomeQuery);
  const me = data?.me;
  const shortcuts = navItemsFor(audienceOf(viewer)).filter((item) => item.path !== '/');
  const { lifecycle } = useLifecycle();

  return (
    <Page title={t('home.title')} intro={t('home.welcome', { name: viewer.name })}>
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
    </Page>
  );
}
