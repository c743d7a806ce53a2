/** The Jejak mark: a trail of three points joined, in the accent colour. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <path d="M8 22 L14 14 L19 18 L25 9" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" />
      <circle cx="8" cy="22" r="2.5" fill="#fff" />
      <circle cx="25" cy="9" r="2.5" fill="#fff" />
    </svg>
  );
}
