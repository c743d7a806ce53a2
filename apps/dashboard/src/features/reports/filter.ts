import { useSearchParams } from 'react-router';
import type { ReportFilter } from '../../gql/graphql';

/** The filter fields kept in the address, so a report can be bookmarked and shared. */
export const FILTER_KEYS = ['from', 'to', 'province', 'nie', 'batch', 'organization', 'facility'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The report filter in the address (`?from=…&province=…`), and a way to change it. */
export function useReportFilter() {
  const [params, setParams] = useSearchParams();
  const filter: ReportFilter = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  /** Sets (or, with an empty value, removes) fields, keeping the rest of the address. */
  function update(changes: Partial<Record<FilterKey | string, string | null | undefined>>) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  }
  return { filter, params, update };
}
