import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBpomAdmin, useViewer } from '../../../app/viewer';
import { EmptyState, Loading, Page, QueryError, Section, SelectField } from '../../../shared/ui';
import { CreateUserForm } from '../components/CreateUserForm';
import { UserTable } from '../components/UserTable';
import { UserOrganizationsQuery, UsersQuery } from '../users.graphql';

/**
 * An organisation's users, with disabling, enabling and password resets, and a form to add one;
 * BPOM administrators pick the organisation.
 */
export function UsersPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const anyOrganization = isBpomAdmin(viewer);
  const [organizationId, setOrganizationId] = useState(viewer.organization.id);

  const organizations = useQuery(UserOrganizationsQuery, { skip: !anyOrganization });
  const organization =
    organizations.data?.organizations.find((candidate) => candidate.id === organizationId) ?? viewer.organization;

  const { data, loading, error, refetch } = useQuery(UsersQuery, {
    variables: { organizationId },
  });
  const users = data?.users;

  return (
    <Page title={t('users.title')} intro={t('users.intro')}>
      {anyOrganization ? (
        <div className="filters">
          <SelectField
            label={t('users.organization')}
            name="organization"
            value={organizationId}
            onChange={(event) => setOrganizationId(event.target.value)}
          >
            {(organizations.data?.organizations ?? [viewer.organization]).map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </SelectField>
        </div>
      ) : null}

      <Section title={organization.name} id="users-list">
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : users ? (
          <>
            <p className="result-count" role="status" aria-busy={loading}>
              {t('users.count', { count: users.length })}
            </p>
            {users.length ? <UserTable users={users} viewerId={viewer.id} /> : <EmptyState>{t('users.empty')}</EmptyState>}
          </>
        ) : (
          <Loading />
        )}
      </Section>
      <Section title={t('users.create.title')} id="users-create">
        <div className="narrow">
          <CreateUserForm
            key={organization.id}
            organizationId={organization.id}
            organizationType={organization.type}
            onCreated={() => void refetch()}
          />
        </div>
      </Section>
    </Page>
  );
}
