import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isBpomAdmin, useViewer } from '../../../app/viewer';
import type { OrganizationsQuery as OrganizationsData } from '../../../gql/graphql';
import { ORGANIZATION_TYPES, parseOrganizationType } from '../../../shared/organization-types';
import { EmptyState, Loading, Page, QueryError, Section, SelectField, Table, type Column } from '../../../shared/ui';
import { CreateOrganizationForm } from '../components/CreateOrganizationForm';
import { OrganizationsQuery } from '../organizations.graphql';

type OrganizationRow = OrganizationsData['organizations'][number];

/** For BPOM: every organisation, by type; administrators also add new ones. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const type = parseOrganizationType(params.get('type'));
  const { data, previousData, loading, error, refetch } = useQuery(OrganizationsQuery, { variables: { type } });
  const organizations = (data ?? previousData)?.organizations;

  const columns: Column<OrganizationRow>[] = [
    { key: 'name', header: t('organizations.name'), cell: (row) => <strong>{row.name}</strong> },
    { key: 'type', header: t('organizations.type'), cell: (row) => t(`organizationType.${row.type}`) },
  ];

  const list = (
    <Section title={t('organizations.caption')} id="organizations-list">
      <div className="filters filters-inline">
        <SelectField
          label={t('organizations.type')}
          name="type"
          value={type ?? ''}
          onChange={(event) =>
            setParams(event.target.value ? { type: event.target.value } : {}, { replace: true })
          }
        >
          <option value="">{t('organizations.allTypes')}</option>
          {ORGANIZATION_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`organizationType.${value}`)}
            </option>
          ))}
        </SelectField>
      </div>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : organizations ? (
        <>
          <p className="result-count" role="status" aria-busy={loading}>
            {t('organizations.count', { count: organizations.length })}
          </p>
          {organizations.length ? (
            <Table caption={t('organizations.caption')} columns={columns} rows={organizations} rowKey={(row) => row.id} />
          ) : (
            <EmptyState>{t('organizations.empty')}</EmptyState>
          )}
        </>
      ) : (
        <Loading />
      )}
    </Section>
  );

  return (
    <Page title={t('organizations.title')} intro={t('organizations.intro')}>
      {isBpomAdmin(viewer) ? (
        <div className="split">
          {list}
          <Section title={t('organizations.create.title')} id="organizations-create">
            <CreateOrganizationForm />
          </Section>
        </div>
      ) : (
        list
      )}
    </Page>
  );
}
