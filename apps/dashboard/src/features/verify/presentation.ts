import type { Verdict, VerificationReason } from '../../gql/graphql';

/**
 * How an answer is shown. CAUTION covers packs that are genuine but must not be used (recalled,
 * expired), a pack already handed to a patient, and a code BPOM suspects was copied: each gets
 * its own words, shape and colour, so "dispensed" never looks like "recalled, do not use".
 */
export type Presentation = 'GENUINE' | 'RECALLED' | 'EXPIRED' | 'CLONE_SUSPECTED' | 'DISPENSED' | 'CAUTION' | 'SUSPECT' | 'INVALID';

/** The CAUTION reasons in the order they decide the presentation: the gravest first. */
const CAUTION_ORDER = ['RECALLED', 'EXPIRED', 'CLONE_SUSPECTED', 'DISPENSED'] as const satisfies readonly VerificationReason[];

export function presentationOf(verdict: Verdict, reasons: readonly VerificationReason[] = []): Presentation {
  if (verdict !== 'CAUTION') return verdict;
  return CAUTION_ORDER.find((reason) => reasons.includes(reason)) ?? 'CAUTION';
}
