import type { VerifyCodeQuery } from '../../gql/graphql';
import type { ScanRead } from '../../shared/scanner';

export type Verification = VerifyCodeQuery['verify'];

/** What a check ended with: a code found malformed in the browser, or the API's answer. */
export type Outcome =
  | { kind: 'malformed'; read: ScanRead; id: number }
  | { kind: 'answer'; read: ScanRead; verification: Verification; id: number };
