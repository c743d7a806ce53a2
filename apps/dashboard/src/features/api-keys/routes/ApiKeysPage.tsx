import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { EmptyState, Loading, Page, QueryError, Section } from '../../../shared/ui';
import { ApiKeysQuery } from '../api-keys.graphql';
import { ApiKeyTable } from '../components/ApiKeyTable';
import { CreateApiKeyForm } from '../components/CreateApiKeyForm';

/** The organisation's API keys for integrators: list, create (secret shown once), revoke. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(ApiKeysQuery);

  return (
    <Page title={t('apiKeys.title')} intro={t('apiKeys.intro')}>
      <Section title={t('apiKeys.create.title')} id="api-keys-create">
        <div className="narrow">
          <CreateApiKeyForm />
        </div>
      </Section>
      <Section title={t('apiKeys.caption')} id="api-keys-list">
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : data ? (
          data.apiKeys.length ? (
            <ApiKeyTable apiKeys={data.apiKeys} />
          ) : (
            <EmptyState>{t('apiKeys.empty')}</EmptyState>
          )
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
