// Wayfinder's service worker: every file of one build in one versioned cache, so the app starts
// with no network after the first visit. A new build waits until the user chooses to update.
'use strict';
const BUILD = '{{BUILD_ID}}';
const CACHE = 'wayfinder-' + BUILD;
const PRECACHE = {{PRECACHE_JSON}};

self.addEventListener('install', (event) => {
  // Hashed files are immutable, so the copies the page just downloaded (HTTP cache) are the right
  // ones: a first visit downloads each file once. Every other file (index.html, the manifest) is
  // fetched past the HTTP cache: a host that caches index.html must not pair an old page with this
  // build's files.
  const hashed = (url) => /\.[0-9a-f]{12}\./.test(url);
  event.waitUntil(caches.open(CACHE).then((cache) =>
    cache.addAll(PRECACHE.map((url) => new Request(url, { cache: hashed(url) ? 'default' : 'no-cache' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('wayfinder-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The app is one page: any navigation within scope gets this build's index.html.
    event.respondWith(caches.open(CACHE).then((cache) => cache.match('index.html'))
      .then((cached) => cached || fetch(request)));
    return;
  }
  event.respondWith(caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }))
    .then((cached) => cached || fetch(request)));
});
