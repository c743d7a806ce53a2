import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useViewer } from '../../../app/viewer';
import { Loading, Page, QueryError, Section } from '../../../shared/ui';
import { MySessionsQuery } from '../account.graphql';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { SessionTable } from '../components/SessionTable';

/** Everyone's own account: who I am, a new password, and where I am logged in. */
export function AccountPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { data, error, refetch } = useQuery(MySessionsQuery);

  return (
    <Page title={t('account.title')} intro={t('account.intro')}>
      <div className="grid-2">
        <Section title={t('account.profile')} id="account-profile">
          <dl className="details">
            <dt>{t('home.name')}</dt>
            <dd>{viewer.name}</dd>
            <dt>{t('home.email')}</dt>
            <dd>{viewer.email}</dd>
            <dt>{t('home.role')}</dt>
            <dd>{t(`role.${viewer.role}`)}</dd>
            <dt>{t('home.organization')}</dt>
            <dd>{viewer.organization.name}</dd>
          </dl>
        </Section>
        <Section title={t('account.password.title')} id="account-password">
          <ChangePasswordForm />
        </Section>
      </div>
      <Section title={t('account.sessions.title')} id="account-sessions">
        <p className="field-hint">{t('account.sessions.intro')}</p>
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : data ? (
          <SessionTable sessions={data.mySessions} />
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
