import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import helmet, { strictTransportSecurity } from 'helmet';
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

/**
 * Helmet's headers for every answer: the CSP above, Referrer-Policy no-referrer, nosniff,
 * X-Frame-Options DENY, same-origin opener and resource policies. No upgrade-insecure-requests:
 * Jejak is also served over plain HTTP on a local network, where it would break every asset.
 */
const helmetHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
  xFrameOptions: { action: 'deny' },
  strictTransportSecurity: false,
});

/** A year, the subdomains included, as helmet sends it. */
const hsts = strictTransportSecurity();

const done = () => {};

/**
 * Sets the security headers on a response before anything else answers it, for every route: the
 * ones served straight from Node's HTTP server and those that go through Express alike. HSTS
 * only when the request came over TLS, to Jejak itself or to a trusted proxy that says so.
 */
export function securityHeaders(trustProxy: TrustProxy) {
  return (req: IncomingMessage, res: ServerResponse) => {
    helmetHeaders(req, res, done);
    if (cameOverTls(req, trustProxy)) hsts(req, res, done);
  };
}

/**
 * Whether the client reached Jejak over TLS: its own connection is, or the peer is a trusted
 * proxy whose X-Forwarded-Proto (the first, client-facing, value) says https, as Express reads it.
 */
export function cameOverTls(req: IncomingMessage, trustProxy: TrustProxy): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  const peer = req.socket.remoteAddress;
  if (!peer || !trustProxy(peer, 0)) return false;
  const header = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https';
}
