import { lookupAi, matchesPattern, type AiPattern, type AiSpec } from './ai.js';
import { problem, type Gs1Error } from './errors.js';
import type { Element, Profile } from './types.js';

/** BPOM caps the NIE (AI 90) at 16 characters although GS1 allows X..30. */
export const NIE_MAX_LENGTH = 16;

/**
 * Profile rules:
 * - a forced profile is used as given;
 * - otherwise GS1 when (01) or (00) is present (this includes the mixed case of
 *   (01) together with (90): the GS1 rules apply and the NIE is still reported);
 * - otherwise BPOM when (90) is present, (90) then standing in for (01);
 * - otherwise GS1, or null when there are no elements.
 */
export function decideProfile(elements: readonly Element[], forced?: Profile): Profile | null {
  if (forced === 'GS1' || forced === 'BPOM') return forced;
  if (elements.length === 0) return null;
  let has90 = false;
  for (const e of elements) {
    if (e.ai === '01' || e.ai === '00') return 'GS1';
    if (e.ai === '90') has90 = true;
  }
  return has90 ? 'BPOM' : 'GS1';
}

function present(elements: readonly Element[], p: AiPattern, bpom: boolean): boolean {
  for (const e of elements) {
    if (matchesPattern(e.ai, p)) return true;
    if (bpom && p.text === '01' && e.ai === '90') return true;
  }
  return false;
}

function describeAlternatives(alternatives: readonly (readonly AiPattern[])[]): string {
  const parts = alternatives.map((g) => g.map((p) => `(${p.text})`).join('+'));
  if (parts.length === 1) return parts[0] as string;
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

export interface AssociationResult {
  profile: Profile | null;
  errors: Gs1Error[];
  warnings: Gs1Error[];
}

/**
 * Checks rules between elements: mandatory pairings (req=), exclusions (ex=),
 * repeated AIs with different values, the digital-signature rule and the BPOM
 * rules. specs[i] is the spec of elements[i] (undefined for unknown AIs) and
 * positions[i] where the element starts in the input.
 */
export function checkAssociations(
  elements: readonly Element[],
  specs: readonly (AiSpec | undefined)[],
  positions: readonly number[],
  forced?: Profile,
): AssociationResult {
  const profile = decideProfile(elements, forced);
  const errors: Gs1Error[] = [];
  const warnings: Gs1Error[] = [];
  const bpom = profile === 'BPOM';
  const n = elements.length;

  for (let i = 0; i < n; i++) {
    const e = elements[i] as Element;
    const spec = specs[i];
    const pos = positions[i];
    // Repeats: same AI with another value. Reported once per AI.
    let firstIndex = i;
    for (let j = 0; j < i; j++) {
      if ((elements[j] as Element).ai === e.ai) {
        firstIndex = j;
        break;
      }
    }
    if (firstIndex !== i) {
      const first = elements[firstIndex] as Element;
      if (first.value !== e.value) {
        let reported = false;
        for (let j = firstIndex + 1; j < i; j++) {
          const o = elements[j] as Element;
          if (o.ai === e.ai && o.value !== first.value) reported = true;
        }
        if (!reported) {
          errors.push(problem('DUPLICATE_AI', `AI (${e.ai}) appears more than once with different values: "${first.value}" and "${e.value}"`, e.ai, pos));
        }
      }
      continue; // Pairing and exclusion rules were checked for the first occurrence.
    }
    if (!spec) continue;

    // req=: every attribute must be satisfied by one of its alternatives.
    for (const alternatives of spec.req) {
      let ok = false;
      for (const group of alternatives) {
        let all = true;
        for (const p of group) {
          if (!present(elements, p, bpom)) {
            all = false;
            break;
          }
        }
        if (all) {
          ok = true;
          break;
        }
      }
      if (!ok) {
        const mentions01 = alternatives.some((g) => g.some((p) => p.text === '01'));
        const hint = mentions01 && !bpom ? '; BPOM codes may use (90) in place of (01)' : '';
        errors.push(problem('MISSING_REQUIRED_AI', `AI (${e.ai}) requires ${describeAlternatives(alternatives)}${hint}`, e.ai, pos));
      }
    }

    // ex=: reported once per pair, from the element that comes first.
    for (const p of spec.ex) {
      for (let j = 0; j < n; j++) {
        const o = elements[j] as Element;
        if (o.ai === e.ai || !matchesPattern(o.ai, p)) continue;
        let earlier = false;
        for (let k = 0; k < j; k++) if ((elements[k] as Element).ai === o.ai) earlier = true;
        if (earlier) continue;
        if (j < i && specs[j]?.ex.some((q) => matchesPattern(e.ai, q))) continue; // already reported from j
        errors.push(problem('EXCLUSIVE_AIS', `AIs (${e.ai}) and (${o.ai}) must not appear together`, o.ai, positions[j]));
      }
    }
  }

  // A digital signature needs a serialised key.
  if (elements.some((e) => e.ai === '8030')) {
    for (let i = 0; i < n; i++) {
      const e = elements[i] as Element;
      const minimum = e.ai === '253' || e.ai === '255' ? 13 : e.ai === '8003' ? 14 : -1;
      if (minimum > 0 && e.value.length <= minimum) {
        errors.push(problem('DIGSIG_NEEDS_SERIAL', `AI (8030) digital signature needs AI (${e.ai}) with its serial component`, e.ai, positions[i]));
      }
    }
  }

  // BPOM: the NIE stands in for the GTIN and is at most 16 characters.
  let nieIndex = -1;
  for (let i = 0; i < n; i++) {
    if ((elements[i] as Element).ai === '90') {
      nieIndex = i;
      break;
    }
  }
  if (nieIndex >= 0) {
    const nie = (elements[nieIndex] as Element).value;
    if (nie.length > NIE_MAX_LENGTH) {
      const msg = `NIE "${nie}" in AI (90) has ${nie.length} characters; BPOM allows at most ${NIE_MAX_LENGTH}`;
      (bpom ? errors : warnings).push(problem('NIE_TOO_LONG', msg, '90', positions[nieIndex]));
    }
  } else if (bpom) {
    errors.push(problem('MISSING_REQUIRED_AI', 'The BPOM profile needs the NIE in AI (90)', '90', positions[0] ?? 0));
  }

  return { profile, errors, warnings };
}

/** Convenience for callers holding only elements. */
export function specsOf(elements: readonly Element[]): (AiSpec | undefined)[] {
  return elements.map((e) => lookupAi(e.ai));
}
