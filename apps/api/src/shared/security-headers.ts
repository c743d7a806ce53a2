import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { TrustProxy } from './proxies.js';

/**
 * What the dashboard loads, and nothing more: its own scripts, styles and files (Vite's build);
 * images drawn in the page (DataMatrix labels, photos as data: or blob: URLs); fetches to the API
 * on the same origin. The webcam (getUserMedia) plays a MediaStream, which no directive governs;
 * styles set through React's style prop go through the CSSOM, which style-src does not block.
 * The public page installs as an app: its manifest and its service worker (`/verify-sw.js`)
 * come from the same origin. No page may frame the dashboard, and no plugin, <base> or foreign
 * form target is allowed.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
} as const;

type Headers = ReadonlyArray<readonly [string, string]>;

/**
 * Answers a browser may show as a page (the dashboard, its files, downloads, error pages): the
 * CSP above, no referrer, no MIME sniffing, no framing, same-origin opener and resource policies,
 * and the legacy switches browsers still read. No upgrade-insecure-requests: Jejak is also served over
 * plain HTTP on a local network, where it would break every asset.
 */
const PAGE: Headers = [
  ['Content-Security-Policy', Object.entries(CONTENT_SECURITY_POLICY).map(([name, sources]) => `${name} ${sources.join(' ')}`).join(';')],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'DENY'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/**
 * Data answers (GraphQL, public verification, health and metrics): JSON or text that is never a
 * page, so nothing in it may load, run or be framed. Fewer bytes on the busiest answers.
 */
const DATA: Headers = [
  ['Content-Security-Policy', "default-src 'none';frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
];

const DATA_PATHS = new Set(['/graphql', '/api/verify', '/healthz', '/livez', '/readyz', '/metrics']);

/** A year, the subdomains included. */
const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Sets the security headers on a response before anything else answers it, for every route: the
 * ones served straight from Node's HTTP server and those that go through Express alike. HSTS
 * only when the request came over TLS, to Jejak itself or to a trusted proxy that says so.
 */
export function securityHeaders(trustProxy: TrustProxy) {
  return (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of DATA_PATHS.has(pathOf(req.url ?? '')) ? DATA : PAGE) res.setHeader(name, value);
    if (cameOverTls(req, trustProxy)) res.setHeader('Strict-Transport-Security', HSTS);
  };
}

const pathOf = (url: string) => {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
};

/**
 * Whether the client reached Jejak over TLS: its own connection is, or the peer is a trusted
 * proxy whose X-Forwarded-Proto (the first, client-facing, value) says https, as Express reads it.
 */
export function cameOverTls(req: IncomingMessage, trustProxy: TrustProxy): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  const header = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase();
  if (proto !== 'https') return false;
  const peer = req.socket.remoteAddress;
  return Boolean(peer && trustProxy(peer, 0));
}
