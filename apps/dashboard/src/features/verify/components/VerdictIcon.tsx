import type { Verdict } from '../../../gql/graphql';
import type { Presentation } from '../presentation';

/** A shape per verdict and per kind of caution, so the answer does not rest on colour alone. */
export function VerdictIcon({ verdict, presentation = verdict, size = 48 }: { verdict: Verdict; presentation?: Presentation; size?: number }) {
  return (
    <svg className="verdict-icon" viewBox="0 0 48 48" width={size} height={size} aria-hidden="true" focusable="false">
      {presentation === 'RECALLED' ? (
        <>
          {/* No entry: a disc with a bar. */}
          <circle cx="24" cy="24" r="22" fill="currentColor" />
          <rect x="10" y="20" width="28" height="8" rx="2" fill="#fff" />
        </>
      ) : presentation === 'EXPIRED' ? (
        <>
          {/* An hourglass run out. */}
          <rect x="3" y="3" width="42" height="42" rx="8" fill="currentColor" />
          <path d="M15 11h18M15 37h18M17 11c0 8 14 8 14 13s-14 5-14 13M31 11c0 8-14 8-14 13s14 5 14 13" fill="none" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" />
        </>
      ) : presentation === 'DISPENSED' ? (
        <>
          {/* A pack handed over: a box with a hand beneath. */}
          <circle cx="24" cy="24" r="22" fill="currentColor" />
          <rect x="16" y="12" width="16" height="12" rx="1.5" fill="#fff" />
          <path d="M10 30h9l4 3h9a3 3 0 0 1 0 6H20" fill="none" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" strokeLinejoin="round" />
        </>
      ) : presentation === 'CLONE_SUSPECTED' ? (
        <>
          {/* Two copies of one code. */}
          <path d="M24 3L46 43H2z" fill="currentColor" strokeLinejoin="round" />
          <rect x="15" y="21" width="11" height="11" fill="none" stroke="#fff" strokeWidth="3" />
          <rect x="21" y="27" width="11" height="11" fill="currentColor" stroke="#fff" strokeWidth="3" />
        </>
      ) : verdict === 'GENUINE' ? (
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
