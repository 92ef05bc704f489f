// Verbatim's service worker: keeps the app's own files so that a trainee who has opened it once can
// practise again offline, understanding included. On installing it keeps the page and every built file the
// build lists in precache.json (src/adapters/offline-precache.ts): the code of every screen, the styles and
// the WebAssembly runtimes, whatever the first visit happened to load. Pages are fetched from the network
// first (a new version is seen at once) and from this cache when offline; the built files under assets/
// never change under one name, so they are read from the cache first, and files of older builds are
// dropped once a newer list is kept. The language model's own files (model.json, its weight shards,
// vocab.json) and a pack's example vectors are kept by the encoder's worker in its own cache
// (src/adapters/understanding/encoder-worker.ts), which `caches.match` also reads: they are not stored
// twice. Nothing else is touched: the team server's API and other origins go to the network.

/** Bump when the meaning of what is cached changes; older caches are deleted on activation. */
const CACHE = 'verbatim-app-v1';
/** The files under assets/ worth keeping: code, styles, fonts, images and WebAssembly. */
const KEPT = /\/assets\/[^/]+\.(?:js|css|wasm|svg|woff2?|png|ico)$/;

const scope = new URL(self.registration.scope);

function keeps(url) {
  return (
    url.origin === scope.origin &&
    url.pathname.startsWith(scope.pathname) &&
    (KEPT.test(url.pathname) || url.pathname === `${scope.pathname}favicon.svg`)
  );
}

async function store(request, response) {
  if (response.ok && response.status === 200 && response.type === 'basic') {
    const cache = await caches.open(CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

/** The built files this build lists (precache.json), as URLs; none when the list cannot be read. */
async function listed() {
  const response = await fetch(new URL('precache.json', scope.href), { cache: 'no-store' }).catch(() => null);
  if (!response?.ok) return [];
  const { files } = await response.json();
  return Array.isArray(files)
    ? files.map((f) => new URL(f, scope.href).href).filter((u) => keeps(new URL(u)))
    : [];
}

/** Keeps the page and every listed file, then drops built files that the list no longer names. */
async function keepBuild() {
  await keepPage();
  const files = await listed();
  await keepAll(files);
  if (files.length === 0) return;
  const current = new Set(files);
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys())
    if (KEPT.test(new URL(request.url).pathname) && !current.has(request.url)) await cache.delete(request);
}

/** The page and the files it names (the entry script, its preloads and styles). */
async function keepPage() {
  const response = await fetch(scope.href, { cache: 'no-store' });
  if (!response.ok) return;
  await store(scope.href, response.clone());
  const html = await response.text();
  const named = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1], scope.href));
  await keepAll(named.filter(keeps).map((u) => u.href));
}

async function keepAll(urls) {
  for (const url of urls) {
    if (await caches.match(url)) continue;
    const response = await fetch(url).catch(() => null);
    if (response) await store(url, response).catch(() => undefined);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(keepBuild().catch(() => undefined));
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith('verbatim-app-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

// The page lists the files it has fetched (src/adapters/offline.ts); the build's list is kept again, so a
// new build's files are kept once a page of it has opened, and the page is told when all is kept.
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.keep) ? event.data.keep : [];
  const wanted = urls.filter((u) => typeof u === 'string' && keeps(new URL(u)));
  const done = Promise.all([keepBuild(), keepAll(wanted)]).then(
    () => event.ports[0]?.postMessage({ kept: true }),
    (error) => event.ports[0]?.postMessage({ kept: false, message: String(error) }),
  );
  event.waitUntil(done);
});

async function pageFromNetwork(request) {
  try {
    return await store(scope.href, await fetch(request));
  } catch (error) {
    const kept = await caches.match(scope.href);
    if (kept) return kept;
    throw error;
  }
}

async function fileFromCache(request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  return store(request, await fetch(request));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (request.mode === 'navigate' && url.origin === scope.origin && url.pathname === scope.pathname)
    event.respondWith(pageFromNetwork(request));
  else if (keeps(url)) event.respondWith(fileFromCache(request));
});
