import { graphql } from '../../gql';

/** The ledger's published days, newest first, and the last check of the whole record. */
export const LedgerQuery = graphql(`
  query Ledger($first: Int) {
    ledgerDays(first: $first) {
      day
      events
      root
      previousRoot
      keyId
      publishedAt
    }
    lastLedgerCheck {
      ...LedgerCheckFields
    }
  }
`);

export const LedgerCheckFieldsFragment = graphql(`
  fragment LedgerCheckFields on LedgerCheck {
    ok
    checkedEvents
    firstBadEventId
    problem
    from
    to
    checkedAt
  }
`);

/** Recomputes the chain and the roots for a span of UTC days. */
export const VerifyLedgerMutation = graphql(`
  mutation VerifyLedger($from: String, $to: String) {
    verifyLedger(from: $from, to: $to) {
      ...LedgerCheckFields
    }
  }
`);
