// Offline use: registers the app's service worker (public/sw.js), which keeps the app's files so that a
// later visit, also without a network, opens the app and its understanding (the language model's files
// are kept by the encoder's worker). The worker keeps every file the build lists (precache.json) as it
// installs; this page also lists what it has fetched once the worker controls it, and <html
// data-offline="ready"> then says the whole build and everything this page has used are kept.

/** Registers the service worker in a built app; in development (Vite's server) nothing is cached. */
export function keepForOffline(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('./sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(async (registration) => {
      // Until the worker controls this page, what it fetches (a route's code loaded later) bypasses the
      // worker; listing only once it controls the page leaves nothing fetched in between unkept.
      await controlled();
      listLoaded(registration.active);
    })
    .catch(() => undefined); // Not allowed here (private window, policy): the app simply stays online-only.
}

/** Resolves once a service worker controls this page (at once on a later visit; after `clients.claim()` on the first). */
function controlled(): Promise<void> {
  if (navigator.serviceWorker.controller) return Promise.resolve();
  return new Promise((resolve) =>
    navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }),
  );
}

function listLoaded(worker: ServiceWorker | null): void {
  if (worker === null) return;
  const keep = [
    location.href.split('#')[0]!,
    ...performance.getEntriesByType('resource').map((e) => e.name),
  ].filter((url) => url.startsWith(location.origin));
  const channel = new MessageChannel();
  channel.port1.onmessage = (e: MessageEvent<{ kept?: boolean }>) => {
    if (e.data.kept) document.documentElement.dataset['offline'] = 'ready';
  };
  worker.postMessage({ keep }, [channel.port2]);
}
