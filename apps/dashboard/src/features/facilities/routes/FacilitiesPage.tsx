import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useViewer } from '../../../app/viewer';
import { EmptyState, Loading, Page, QueryError, Section, SelectField, TextField } from '../../../shared/ui';
import { AddFacilityForm } from '../components/AddFacilityForm';
import { FacilityTable } from '../components/FacilityTable';
import { ORGANIZATION_TYPES, parseOrganizationType } from '../../../shared/organization-types';
import { FacilitiesQuery } from '../facilities.graphql';

const SEARCH_DELAY_MS = 250;

/** The facility directory: search by name or place, filter by type; kept in the address. */
export function FacilitiesPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const type = parseOrganizationType(params.get('type'));
  const [text, setText] = useState(search);

  // Typing updates the address (and so the query) once the user pauses.
  useEffect(() => {
    if (text.trim() === search) return;
    const timer = setTimeout(() => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (text.trim()) next.set('q', text.trim());
          else next.delete('q');
          return next;
        },
        { replace: true },
      );
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, search, setParams]);

  const { data, previousData, loading, error, refetch } = useQuery(FacilitiesQuery, {
    variables: { search: search || null, type },
  });
  const facilities = (data ?? previousData)?.facilities;

  function setType(value: string) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set('type', value);
        else next.delete('type');
        return next;
      },
      { replace: true },
    );
  }

  return (
    <Page title={t('facilities.title')} intro={t('facilities.intro')}>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <TextField
          label={t('facilities.search')}
          type="search"
          name="q"
          placeholder={t('facilities.searchHint')}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <SelectField label={t('facilities.type')} name="type" value={type ?? ''} onChange={(event) => setType(event.target.value)}>
          <option value="">{t('facilities.allTypes')}</option>
          {ORGANIZATION_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`organizationType.${value}`)}
            </option>
          ))}
        </SelectField>
      </form>

      <div className="panel">
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : facilities ? (
          <>
            <p className="result-count" role="status" aria-busy={loading}>
              {t('facilities.count', { count: facilities.length })}
            </p>
            {facilities.length ? (
              <FacilityTable facilities={facilities} caption={t('facilities.caption')} />
            ) : (
              <EmptyState>{t('facilities.empty')}</EmptyState>
            )}
          </>
        ) : (
          <Loading />
        )}
      </div>
      {viewer.role === 'ADMIN' ? (
        <Section title={t('addFacility.title')} id="add-facility">
          <AddFacilityForm />
        </Section>
      ) : null}
    </Page>
  );
}
