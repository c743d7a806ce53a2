import { lookupAi, checkValue } from './ai.js';
import { problem, type Gs1Error } from './errors.js';
import { NIE_MAX_LENGTH } from './validate.js';

/**
 * Checks one element on its own, e.g. a field of a form as it is typed: the value against the
 * format and linters of its AI (length, character set, check digit, date), and for (90) the
 * BPOM limit on the NIE. Rules between elements (pairings, exclusions) are not checked here;
 * `parse` checks them on the whole code. Returns null when fine, else the first problem, with
 * `position` counted from the start of the value.
 */
export function checkElement(ai: string, value: string): Gs1Error | null {
  const spec = lookupAi(ai);
  if (!spec) return problem('UNKNOWN_AI', `AI (${ai}) is not in the GS1 Barcode Syntax Dictionary`, ai, 0);
  const error = checkValue(spec, value, 0, value.length, 0);
  if (error) return error;
  if (ai === '90' && value.length > NIE_MAX_LENGTH) {
    return problem('NIE_TOO_LONG', `NIE "${value}" in AI (90) has ${value.length} characters; BPOM allows at most ${NIE_MAX_LENGTH}`, ai, NIE_MAX_LENGTH);
  }
  return null;
}
