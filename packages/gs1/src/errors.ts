/**
 * The closed list of problem codes that parse() reports, each with a one-line
 * meaning. Codes are stable: callers may switch on them.
 */
export const ERROR_CODES = {
  EMPTY: 'No data: the input is empty or holds only whitespace and separators.',
  SYNTAX: 'The input is not well-formed element-string data (bad brackets, stray characters, no AI where one is expected).',
  NOT_GS1: 'The symbol holds plain data, not GS1 Application Identifier data or a GS1 Digital Link URI.',
  UNSUPPORTED_SYMBOLOGY: 'The symbology identifier names a symbology this reader does not handle (DotCode, composite, unknown).',
  UNKNOWN_AI: 'The Application Identifier is not in the GS1 Barcode Syntax Dictionary.',
  BAD_LENGTH: 'The value is shorter or longer than the AI format allows (an empty value included).',
  BAD_CHARSET: 'The value holds a character outside the character set of the AI (numeric, CSET 82, CSET 39 or CSET 64).',
  BAD_CHECK_DIGIT: 'The GS1 mod-10 check digit or the alphanumeric check character pair is wrong.',
  BAD_DATE: 'The value is not a valid date (month not 01-12, day not in the month).',
  BAD_TIME: 'The value is not a valid time of day (hour, minute or second out of range).',
  BAD_VALUE: 'The value fails another content rule of the AI (country or currency code, GS1 Company Prefix, piece of total, ...).',
  MISSING_REQUIRED_AI: 'An AI that must be accompanied by another (req= in the dictionary) is present without it.',
  EXCLUSIVE_AIS: 'Two AIs that must not appear together (ex= in the dictionary) are both present.',
  DUPLICATE_AI: 'The same AI appears twice with different values (in a Digital Link: appears twice at all).',
  DIGSIG_NEEDS_SERIAL: 'A digital signature (8030) accompanies a GDTI, GCN or GRAI that has no serial component.',
  AMBIGUOUS_SPLIT: 'Group separators are missing and the data splits into valid elements in more than one way.',
  GS_MISSING: 'Warning: group separators were missing; the data was split on the AI table and the result is the only plausible one.',
  BAD_DIGITAL_LINK: 'The GS1 Digital Link URI is malformed (scheme, host, path, primary key, qualifier order, query or percent-encoding).',
  NIE_TOO_LONG: 'The BPOM marketing-authorisation number (NIE) in AI (90) is longer than 16 characters.',
  NOT_GS1_MODE: 'Warning: the symbol is not in GS1 mode (no FNC1) but its content was read as GS1 data.',
  INTERNAL_ERROR: 'The reader failed unexpectedly on this input; the input should be reported as a bug.',
} as const;

export type Gs1ErrorCode = keyof typeof ERROR_CODES;

export interface Gs1Error {
  /** One of the keys of ERROR_CODES. */
  code: string;
  /** Precise English message. */
  message: string;
  /** The AI concerned, when there is one. */
  ai?: string;
  /** 0-based offset in the text given to parse(), when known. */
  position?: number;
}

export function problem(code: Gs1ErrorCode, message: string, ai?: string, position?: number): Gs1Error {
  const e: Gs1Error = { code, message };
  if (ai !== undefined) e.ai = ai;
  if (position !== undefined) e.position = position;
  return e;
}
