// Verbatim's service worker: keeps the app's own files so that a trainee who has opened it once can
// practise again offline, understanding included. Pages are fetched from the network first (a new
// version is seen at once) and from this cache when offline; the built files under assets/ never change
// under one name, so they are read from the cache first. The language model's own files (model.json,
// its weight shards, vocab.json) and a pack's example vectors are kept by the encoder's worker in its
// own cache (src/adapters/understanding/encoder-worker.ts), which `caches.match` also reads: they are
// not stored twice. Nothing else is touched: the team server's API and other origins go to the network.

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
  event.waitUntil(keepPage().catch(() => undefined));
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

// The page lists the files it fetched before this worker controlled it (src/adapters/offline.ts).
self.addEventListener('message', (event) => {
  const urls = Array.isArray(event.data?.keep) ? event.data.keep : [];
  const wanted = urls.filter((u) => typeof u === 'string' && keeps(new URL(u)));
  const done = Promise.all([keepPage(), keepAll(wanted)]).then(
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
