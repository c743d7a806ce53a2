import { useEffect } from 'react';

/** The installable verification page: its manifest and its service worker (built into dist/). */
export const MANIFEST = '/manifest.webmanifest';
export const SERVICE_WORKER = '/verify-sw.js';
export const SCOPE = '/verify';

function addLink(rel: string, href: string) {
  if (document.head.querySelector(`link[rel="${rel}"]`)) return;
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  document.head.append(link);
}

/**
 * Makes the public page installable as an app on a phone: the manifest (named from this page
 * only, so the signed-in dashboard is not offered as the app) and the service worker that keeps
 * the page and its history of checks usable offline. Only in a built app: the development
 * server has no service worker to register.
 */
export function useInstallableApp() {
  useEffect(() => {
    addLink('manifest', MANIFEST);
    addLink('apple-touch-icon', '/icons/verify-apple-180.png');
    if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register(SERVICE_WORKER, { scope: SCOPE }).catch(() => {
      // No service worker (private mode, an old browser): the page works online as before.
    });
  }, []);
}
