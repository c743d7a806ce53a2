import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBpomAdmin, useViewer } from '../../../app/viewer';
import type { AuditAction } from '../../../gql/graphql';
import { EmptyState, Loading, Page, QueryError, Section, SelectField } from '../../../shared/ui';
import { AuditEventsQuery, AuditOrganizationsQuery } from '../audit.graphql';
import { AuditTable } from '../components/AuditTable';

const PAGE_SIZE = 50;
const ACTIONS: readonly AuditAction[] = [
  'USER_CREATED',
  'USER_DISABLED',
  'USER_ENABLED',
  'PASSWORD_RESET',
  'PASSWORD_CHANGED',
  'SESSIONS_ENDED',
  'API_KEY_CREATED',
  'API_KEY_REVOKED',
  'LOGIN_THROTTLED',
  'BACKUP_TAKEN',
];

/** Who changed which account or API key, when and from where; BPOM administrators read every organisation's. */
export function AuditPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const anyOrganization = isBpomAdmin(viewer);
  const [action, setAction] = useState<AuditAction | ''>('');
  const [organizationId, setOrganizationId] = useState('');
  /** The cursors of the pages before this one: the way back. */
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const after = cursors.at(-1) ?? null;

  const organizations = useQuery(AuditOrganizationsQuery, { skip: !anyOrganization });
  const { data, loading, error, refetch } = useQuery(AuditEventsQuery, {
    variables: { first: PAGE_SIZE, after, action: action || null, organizationId: organizationId || null },
    fetchPolicy: 'network-only',
  });
  const page = data?.auditEvents;

  function filter(change: () => void) {
    change();
    setCursors([null]);
  }

  return (
    <Page title={t('audit.title')} intro={t(anyOrganization ? 'audit.introBpom' : 'audit.intro')}>
      <div className="filters">
        <SelectField label={t('audit.action')} name="action" value={action} onChange={(event) => filter(() => setAction(event.target.value as AuditAction | ''))}>
          <option value="">{t('audit.allActions')}</option>
          {ACTIONS.map((value) => (
            <option key={value} value={value}>
              {t(`audit.actions.${value}`)}
            </option>
          ))}
        </SelectField>
        {anyOrganization ? (
          <SelectField
            label={t('audit.organization')}
            name="organization"
            value={organizationId}
            onChange={(event) => filter(() => setOrganizationId(event.target.value))}
          >
            <option value="">{t('audit.allOrganizations')}</option>
            {(organizations.data?.organizations ?? []).map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.name}
              </option>
            ))}
          </SelectField>
        ) : null}
      </div>
      <Section title={t('audit.caption')} id="audit-list">
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : page ? (
          <div aria-busy={loading}>
            {page.edges.length ? <AuditTable events={page.edges.map((edge) => edge.node)} showOrganization={anyOrganization && !organizationId} /> : <EmptyState>{t('audit.empty')}</EmptyState>}
            <div className="button-row">
              <button
                type="button"
                className="button button-secondary"
                disabled={cursors.length < 2 || loading}
                onClick={() => setCursors((list) => list.slice(0, -1))}
              >
                {t('audit.newer')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                disabled={!page.pageInfo.hasNextPage || loading}
                onClick={() => setCursors((list) => [...list, page.pageInfo.endCursor])}
              >
                {t('audit.older')}
              </button>
            </div>
          </div>
        ) : (
          <Loading />
        )}
      </Section>
    </Page>
  );
}
