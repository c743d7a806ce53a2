import { useQuery } from '@apollo/client/react';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportFilter } from '../../../gql/graphql';
import { SelectField, TextField } from '../../../shared/ui';
import { ReportFacilitiesQuery } from '../reports.graphql';
import type { FilterKey } from '../filter';

interface ReportFiltersProps {
  filter: ReportFilter;
  onApply: (changes: Partial<Record<FilterKey, string | null>>) => void;
  /** Also filter by facility (goods in and out). */
  withFacility?: boolean;
  /** More fields, e.g. the near-expiry window. */
  children?: ReactNode;
}

/** Period, province and product (and facility); applied together, kept in the address. */
export function ReportFilters({ filter, onApply, withFacility = false, children }: ReportFiltersProps) {
  const { t } = useTranslation();
  const [from, setFrom] = useState(filter.from ?? '');
  const [to, setTo] = useState(filter.to ?? '');
  const [province, setProvince] = useState(filter.province ?? '');
  const [nie, setNie] = useState(filter.nie ?? '');
  const [facility, setFacility] = useState(filter.facility ? String(filter.facility) : '');
  const facilities = useQuery(ReportFacilitiesQuery);
  const list = facilities.data?.facilities;
  const provinces = useMemo(
    () => [...new Set((list ?? []).map((candidate) => candidate.province).filter((value): value is string => Boolean(value)))].sort(),
    [list],
  );
  const periodInvalid = Boolean(from && to && from > to);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (periodInvalid) return;
    onApply({
      from: from || null,
      to: to || null,
      province: province || null,
      nie: nie.trim() || null,
      ...(withFacility ? { facility: facility || null } : {}),
      // A new product leaves its batch behind.
      ...(nie.trim() !== (filter.nie ?? '') ? { batch: null } : {}),
    });
  }

  function onClear() {
    setFrom('');
    setTo('');
    setProvince('');
    setNie('');
    setFacility('');
    onApply({ from: null, to: null, province: null, nie: null, batch: null, facility: null, organization: null });
  }

  return (
    <form className="report-filters" onSubmit={onSubmit} aria-label={t('reports.filters.label')}>
      <TextField label={t('reports.filters.from')} type="date" name="from" value={from} onChange={(event) => setFrom(event.target.value)} />
      <TextField
        label={t('reports.filters.to')}
        type="date"
        name="to"
        value={to}
        onChange={(event) => setTo(event.target.value)}
        error={periodInvalid ? t('reports.filters.periodInvalid') : null}
      />
      <SelectField label={t('reports.filters.province')} name="province" value={province} onChange={(event) => setProvince(event.target.value)}>
        <option value="">{t('reports.filters.allProvinces')}</option>
        {provinces.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('reports.filters.nie')}
        name="nie"
        value={nie}
        autoComplete="off"
        spellCheck={false}
        placeholder={t('reports.filters.niePlaceholder')}
        onChange={(event) => setNie(event.target.value)}
      />
      {withFacility ? (
        <SelectField label={t('reports.filters.facility')} name="facility" value={facility} onChange={(event) => setFacility(event.target.value)}>
          <option value="">{t('reports.filters.allFacilities')}</option>
          {(list ?? []).map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {children}
      <div className="button-row report-filters-actions">
        <button type="submit" className="button button-primary">
          {t('reports.filters.apply')}
        </button>
        <button type="button" className="button button-secondary" onClick={onClear}>
          {t('reports.filters.clear')}
        </button>
      </div>
    </form>
  );
}
