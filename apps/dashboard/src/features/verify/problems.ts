import type { Gs1Error, ParseResult } from '@jejak/gs1';
import type { TFunction } from 'i18next';

/** GS1 problem codes a member of the public gets a sentence for; the rest share one. */
const EXPLAINED = [
  'EMPTY',
  'SYNTAX',
  'NOT_GS1',
  'UNSUPPORTED_SYMBOLOGY',
  'UNKNOWN_AI',
  'BAD_LENGTH',
  'BAD_CHARSET',
  'BAD_CHECK_DIGIT',
  'BAD_DATE',
  'MISSING_REQUIRED_AI',
  'AMBIGUOUS_SPLIT',
  'BAD_DIGITAL_LINK',
  'NIE_TOO_LONG',
] as const;
type Explained = (typeof EXPLAINED)[number];

/** The data fields a pack's code carries, by Application Identifier. */
const NAMED_AIS = ['00', '01', '10', '17', '21', '90'] as const;
type NamedAi = (typeof NAMED_AIS)[number];

/** A sentence for anyone, in the page's language; never the parser's (English) message. */
export interface CodeProblem {
  text: string;
}

function fieldName(t: TFunction, ai: string | undefined): string {
  if (!ai) return t('verify.aiNames.unknown');
  if ((NAMED_AIS as readonly string[]).includes(ai)) return t(`verify.aiNames.${ai as NamedAi}`);
  return t('verify.aiNames.other', { ai });
}

function explain(t: TFunction, error: Gs1Error): string {
  const code = error.code as Explained;
  if (!(EXPLAINED as readonly string[]).includes(code)) return t('verify.problem.OTHER');
  return t(`verify.problem.${code}`, { field: fieldName(t, error.ai), ai: error.ai ?? '' });
}

/** Why a code read in the browser is not a code Jejak can check. Null when it is valid. */
export function codeProblem(t: TFunction, parsed: ParseResult): CodeProblem | null {
  if (parsed.valid) return null;
  const first = parsed.errors[0];
  return { text: first ? explain(t, first) : t('verify.problem.OTHER') };
}
