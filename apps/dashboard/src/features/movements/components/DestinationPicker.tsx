import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FacilityType } from '../../../gql/graphql';
import { QueryError, SelectField, TextField } from '../../../shared/ui';
import { DestinationsQuery } from '../movements.graphql';

interface DestinationPickerProps {
  types: readonly FacilityType[];
  /** My own facilities: not a destination. */
  exclude: readonly string[];
  value: string;
  onChange: (id: string, name: string) => void;
}

/** The facility packs go to: narrowed by type and a search in name, regency or province. */
export function DestinationPicker({ types, exclude, value, onChange }: DestinationPickerProps) {
  const { t } = useTranslation();
  const [type, setType] = useState<FacilityType>(types[0]!);
  const [search, setSearch] = useState('');
  const { data, error, refetch, loading } = useQuery(DestinationsQuery, { variables: { type, search: search.trim() || undefined } });
  const options = (data?.facilities ?? []).filter((facility) => !exclude.includes(facility.id));

  return (
    <fieldset className="destination">
      <legend>{t('movements.destination.title')}</legend>
      <div className="field-row">
        {types.length > 1 ? (
          <SelectField label={t('movements.destination.type')} value={type} onChange={(event) => setType(event.target.value as FacilityType)}>
            {types.map((option) => (
              <option key={option} value={option}>
                {t(`organizationType.${option}`)}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextField
          label={t('movements.destination.search')}
          hint={t('movements.destination.searchHint')}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      {error ? <QueryError error={error} onRetry={() => void refetch()} /> : null}
      <SelectField
        label={t('movements.destination.facility')}
        value={value}
        aria-busy={loading}
        onChange={(event) => {
          const chosen = options.find((facility) => facility.id === event.target.value);
          onChange(event.target.value, chosen?.name ?? '');
        }}
        hint={!loading && !options.length ? t('movements.destination.none') : undefined}
      >
        <option value="">{t('movements.destination.choose')}</option>
        {options.map((facility) => (
          <option key={facility.id} value={facility.id}>
            {[facility.name, facility.regency].filter(Boolean).join(' · ')}
          </option>
        ))}
      </SelectField>
    </fieldset>
  );
}
