import { currentLanguage, LOCALES } from '../../shared/i18n';

/** The realisation stages in the order units go through them. */
export const STAGES = ['issued', 'activated', 'shippedToDistributor', 'receivedByDistributor', 'shippedByDistributor', 'receivedByPharmacy', 'dispensed'] as const;
export type Stage = (typeof STAGES)[number];
export type StageCounts = Record<Stage, number>;

/** One step of the chain: the share of the units of `from` that reached `to`; null when `from` had none. */
export interface Conversion {
  from: Stage;
  to: Stage;
  ratio: number | null;
}

/** `part / whole`, or null when there is no whole to take a share of. */
export const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** Each stage with the one before it. */
export const STEPS: ReadonlyArray<{ from: Stage; to: Stage }> = STAGES.slice(1).map((to, i) => ({ from: STAGES[i]!, to }));

/** The conversion between each stage and the next. */
export function conversions(counts: StageCounts): Conversion[] {
  return STEPS.map(({ from, to }) => ({ from, to, ratio: ratio(counts[to], counts[from]) }));
}

/** The stages' counts summed over rows. */
export function totalsOf(rows: readonly StageCounts[]): StageCounts {
  const totals = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as StageCounts;
  for (const row of rows) for (const stage of STAGES) totals[stage] += row[stage];
  return totals;
}

/** A share as a percentage in the page's language: whole numbers, one decimal under 10 %; a dash when there is none. */
export function formatPercent(value: number | null): string {
  if (value === null) return '–';
  const digits = value > 0 && value < 0.1 ? 1 : 0;
  return new Intl.NumberFormat(LOCALES[currentLanguage()], { style: 'percent', maximumFractionDigits: digits }).format(value);
}
