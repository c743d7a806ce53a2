/* The service worker of the installable verification page (scope /verify). It keeps the page's
 * shell (the HTML, the scripts and styles the page needs, the manifest and icons) so the page
 * opens without a network; the history of checks lives in the page's localStorage and so is
 * there too. Checks themselves (/api/…, /graphql) always go to the network: an answer is never
 * taken from a cache. The build fills in the version and the list of files. */
const VERSION = '__VERSION__';
const PRECACHE = JSON.parse('__PRECACHE__');
const PREFIX = 'jejak-verify-';
const CACHE = PREFIX + VERSION;
const SHELL = '/verify';

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, ...PRECACHE]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

/** Never cached: the API's answers. */
const LIVE = /^\/(api|graphql|healthz)(\/|$)/;

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || LIVE.test(url.pathname)) return;

  if (request.mode === 'navigate') {
    // The newest page when online (kept for later); the kept one when not.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
          }
          return response;
        })
        .catch(() => caches.open(CACHE).then((cache) => cache.match(SHELL)).then((kept) => kept ?? Response.error())),
    );
    return;
  }

  // Files: their names change with their content, so a kept copy is always right.
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request).then(
        (kept) =>
          kept ??
          fetch(request).then((response) => {
            if (response.ok && (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/icons/'))) void cache.put(request, response.clone());
            return response;
          }),
      ),
    ),
  );
});
