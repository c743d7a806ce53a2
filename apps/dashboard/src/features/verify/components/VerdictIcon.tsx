import type { Verdict } from '../../../gql/graphql';

/** A shape per verdict, so the answer does not rest on colour alone. */
export function VerdictIcon({ verdict, size = 48 }: { verdict: Verdict; size?: number }) {
  return (
    <svg className="verdict-icon" viewBox="0 0 48 48" width={size} height={size} aria-hidden="true" focusable="false">
      {verdict === 'GENUINE' ? (
        <>
          <circle cx="24" cy="24" r="22" fill="currentColor" />
          <path d="M14 25l7 7 13-15" fill="none" stroke="#fff" strokeWidth="4.5" strokeLinecap="round" strokeLinejoin="round" />
        </>
      ) : verdict === 'CAUTION' ? (
        <>
          <path d="M24 3L46 43H2z" fill="currentColor" strokeLinejoin="round" />
          <path d="M24 17v12" stroke="#fff" strokeWidth="4.5" strokeLinecap="round" />
          <circle cx="24" cy="36" r="2.8" fill="#fff" />
        </>
      ) : verdict === 'SUSPECT' ? (
        <>
          <path d="M15 2h18l13 13v18L33 46H15L2 33V15z" fill="currentColor" />
          <path d="M16 16l16 16M32 16L16 32" stroke="#fff" strokeWidth="4.5" strokeLinecap="round" />
        </>
      ) : (
        <>
          <circle cx="24" cy="24" r="22" fill="currentColor" />
          <path
            d="M18 18.5a6 6 0 1 1 8.4 5.5c-1.6.7-2.4 1.8-2.4 3.5V29"
            fill="none"
            stroke="#fff"
            strokeWidth="4.2"
            strokeLinecap="round"
          />
          <circle cx="24" cy="36" r="2.8" fill="#fff" />
        </>
      )}
    </svg>
  );
}
