import { ALL_AIS, lookupAi, matchesPattern, type AiPattern, type AiSpec } from './ai.js';
import { problem, type Gs1Error } from './errors.js';
import type { Element, Profile } from './types.js';

/** BPOM caps the NIE (AI 90) at 16 characters although GS1 allows X..30. */
export const NIE_MAX_LENGTH = 16;

const ID_00 = (lookupAi('00') as AiSpec).id;
const ID_01 = (lookupAi('01') as AiSpec).id;
const ID_90 = (lookupAi('90') as AiSpec).id;
const ID_8030 = (lookupAi('8030') as AiSpec).id;

// Which known AIs are present, without allocating per call: seen[id] holds the
// stamp of the call that saw the AI, first[id] the index of its first element.
const seen = new Uint32Array(ALL_AIS.length);
const first = new Int32Array(ALL_AIS.length);
let stamp = 0;

function describeAlternatives(alternatives: readonly (readonly AiPattern[])[]): string {
  const parts = alternatives.map((g) => g.map((p) => `(${p.text})`).join('+'));
  if (parts.length === 1) return parts[0] as string;
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

/**
 * Checks rules between elements: mandatory pairings (req=), exclusions (ex=),
 * repeated AIs with different values, the digital-signature rule and the BPOM
 * rules. specs[i] is the spec of elements[i] (undefined for unknown AIs) and
 * positions[i] where the element starts in the input. Problems are appended
 * to errors and warnings; the profile used is returned.
 */
export function checkAssociations(
  elements: readonly Element[],
  specs: readonly (AiSpec | undefined)[],
  positions: readonly number[],
  forced: Profile | undefined,
  errors: Gs1Error[],
  warnings: Gs1Error[],
): Profile | null {
  const n = elements.length;
  stamp = (stamp + 1) >>> 0;
  if (stamp === 0) {
    seen.fill(0);
    stamp = 1;
  }
  const now = stamp;

  // Pass 1: presence, and repeats with another value (reported once per AI).
  let unknown = false;
  let digitalSignature = false;
  for (let i = 0; i < n; i++) {
    const spec = specs[i];
    if (spec === undefined) {
      unknown = true;
      continue;
    }
    const id = spec.id;
    if (seen[id] !== now) {
      seen[id] = now;
      first[id] = i;
      if (id === ID_8030) digitalSignature = true;
      continue;
    }
    reportRepeat(elements, positions, first[id] as number, i, errors);
  }
  // Profile: a forced profile is used as given; otherwise GS1 when (01) or
  // (00) is present (this includes the mixed case of (01) together with (90):
  // the GS1 rules apply and the NIE is still reported); otherwise BPOM when
  // (90) is present, (90) then standing in for (01); otherwise GS1, or null
  // when there are no elements.
  const profile: Profile | null =
    forced === 'GS1' || forced === 'BPOM'
      ? forced
      : n === 0
        ? null
        : seen[ID_01] === now || seen[ID_00] === now
          ? 'GS1'
          : seen[ID_90] === now
            ? 'BPOM'
            : 'GS1';
  const bpom = profile === 'BPOM';
  if (unknown) {
    // AIs missing from the dictionary: repeats found by comparing strings.
    for (let i = 0; i < n; i++) {
      if (specs[i] !== undefined) continue;
      const ai = (elements[i] as Element).ai;
      for (let j = 0; j < i; j++) {
        if ((elements[j] as Element).ai === ai) {
          reportRepeat(elements, positions, j, i, errors);
          break;
        }
      }
    }
  }

  // Pass 2: pairing and exclusion rules, for the first occurrence of each AI.
  for (let i = 0; i < n; i++) {
    const spec = specs[i];
    if (spec === undefined || first[spec.id] !== i) continue;
    const e = elements[i] as Element;

    const req = spec.req;
    for (let r = 0; r < req.length; r++) {
      const alternatives = req[r] as readonly (readonly AiPattern[])[];
      let ok = false;
      for (let a = 0; a < alternatives.length && !ok; a++) {
        const group = alternatives[a] as readonly AiPattern[];
        ok = true;
        for (let g = 0; g < group.length && ok; g++) ok = isPresent(group[g] as AiPattern, elements, bpom, now);
      }
      if (!ok) {
        const mentions01 = alternatives.some((g) => g.some((p) => p.text === '01'));
        const hint = mentions01 && !bpom ? '; BPOM codes may use (90) in place of (01)' : '';
        errors.push(problem('MISSING_REQUIRED_AI', `AI (${e.ai}) requires ${describeAlternatives(alternatives)}${hint}`, e.ai, positions[i]));
      }
    }

    const ex = spec.ex;
    for (let x = 0; x < ex.length; x++) {
      const p = ex[x] as AiPattern;
      if (p.id >= 0 && seen[p.id] !== now) continue; // fast path: the excluded AI is absent
      for (let j = 0; j < n; j++) {
        const o = elements[j] as Element;
        if (o.ai === e.ai || !matchesPattern(o.ai, p)) continue;
        // Once per pair of AIs: at the first occurrence of the other AI, and
        // only from the element that comes first when both exclude each other.
        let earlier = false;
        for (let k = 0; k < j; k++) if ((elements[k] as Element).ai === o.ai) earlier = true;
        if (earlier) continue;
        if (j < i && specs[j]?.ex.some((q) => matchesPattern(e.ai, q))) continue;
        errors.push(problem('EXCLUSIVE_AIS', `AIs (${e.ai}) and (${o.ai}) must not appear together`, o.ai, positions[j]));
      }
    }
  }

  // A digital signature needs a serialised key.
  if (digitalSignature) {
    for (let i = 0; i < n; i++) {
      const e = elements[i] as Element;
      const minimum = e.ai === '253' || e.ai === '255' ? 13 : e.ai === '8003' ? 14 : -1;
      if (minimum > 0 && e.value.length <= minimum) {
        errors.push(problem('DIGSIG_NEEDS_SERIAL', `AI (8030) digital signature needs AI (${e.ai}) with its serial component`, e.ai, positions[i]));
      }
    }
  }

  // BPOM: the NIE stands in for the GTIN and is at most 16 characters.
  if (seen[ID_90] === now) {
    const i = first[ID_90] as number;
    const nie = (elements[i] as Element).value;
    if (nie.length > NIE_MAX_LENGTH) {
      const msg = `NIE "${nie}" in AI (90) has ${nie.length} characters; BPOM allows at most ${NIE_MAX_LENGTH}`;
      (bpom ? errors : warnings).push(problem('NIE_TOO_LONG', msg, '90', positions[i]));
    }
  } else if (bpom) {
    errors.push(problem('MISSING_REQUIRED_AI', 'The BPOM profile needs the NIE in AI (90)', '90', positions[0] ?? 0));
  }

  return profile;
}

function isPresent(p: AiPattern, elements: readonly Element[], bpom: boolean, now: number): boolean {
  if (p.id >= 0) return seen[p.id] === now || (bpom && p.id === ID_01 && seen[ID_90] === now);
  if (p.prefix.length === p.length) return false; // an AI absent from the dictionary is never required
  for (let k = 0; k < elements.length; k++) if (matchesPattern((elements[k] as Element).ai, p)) return true;
  return false;
}

function reportRepeat(elements: readonly Element[], positions: readonly number[], firstIndex: number, i: number, errors: Gs1Error[]): void {
  const head = elements[firstIndex] as Element;
  const e = elements[i] as Element;
  if (head.value === e.value) return;
  // Report only the first occurrence that differs.
  for (let j = firstIndex + 1; j < i; j++) {
    const o = elements[j] as Element;
    if (o.ai === e.ai && o.value !== head.value) return;
  }
  errors.push(problem('DUPLICATE_AI', `AI (${e.ai}) appears more than once with different values: "${head.value}" and "${e.value}"`, e.ai, positions[i]));
}
