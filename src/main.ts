// Browser composition root: the only place that builds adapters and mounts the app.
import './styles/app.scss';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import type { Services } from './ui/state/services.ts';
import type { AttemptStore, PracticeLibrary } from './core/ports/index.ts';
import { createCallerVoice } from './adapters/synthesis.ts';
import { createEngine, detectSpeech, installLocalRecognition } from './adapters/speech/index.ts';
import { keepForOffline } from './adapters/offline.ts';

// govuk-frontend's CSS expects these classes; set here rather than by its inline snippet, so the
// Content-Security-Policy needs no inline script.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

/** Loads once, on first use: the packs, the scorer and the statechart library are the heavy part. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | null = null;
  return () => (promise ??= load());
}

type Installed = import('./adapters/installed-packs.ts').InstalledPacks;

/**
 * Loads on first use and again only when QA has imported, replaced or removed a pack since. Each use
 * reads the pack database once, and the load is handed what it read.
 */
function whilePacksUnchanged<T>(load: (installed: Installed) => Promise<T>): () => Promise<T> {
  let cached: { signature: string; value: Promise<T> } | null = null;
  return async () => {
    const { readInstalledPacks } = await import('./adapters/installed-packs.ts');
    const installed = await readInstalledPacks();
    if (cached === null || cached.signature !== installed.signature)
      cached = { signature: installed.signature, value: load(installed) };
    return cached.value;
  };
}

function webStorage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

const openLocalStore = once<AttemptStore>(async () => {
  const { openAttemptStore } = await import('./adapters/storage/attempt-store.ts');
  return openAttemptStore({
    onVersionChange: () => {
      alert('A newer version of Verbatim is open in another tab. This page will reload.');
      location.reload();
    },
  });
});
// The team server, only when the app was served by one (GET /api/health); static hosting: none.
const sync = once(() =>
  import('./adapters/sync/index.ts').then((m) => m.teamSync(openLocalStore, window, () => new Date())),
);

const services: Services = {
  store: once(async () => (await sync()).store()),
  team: once(async () => (await sync()).team()),
  teamFiles: once(() => import('./adapters/team-files.ts').then((m) => m.teamFiles())),
  catalogue: whilePacksUnchanged(({ files }) =>
    import('./adapters/catalogue.ts').then((m) => m.loadCatalogue(files)),
  ),
  library: whilePacksUnchanged<PracticeLibrary>(({ files }) =>
    import('./adapters/builtin-library.ts').then((m) => m.loadBuiltinLibrary(files)),
  ),
  packs: once(() => import('./adapters/pack-adapters.ts').then((m) => m.packAdapters())),
  encoder: (onProgress) =>
    import('./adapters/understanding/browser-encoder.ts').then((m) => m.loadBrowserEncoder(onProgress)),
  voice: createCallerVoice(window),
  speech: {
    detect: () => detectSpeech(window),
    create: (kind, support) => createEngine(kind, support, window),
    installLocal: () => installLocalRecognition(window),
  },
  prefs: webStorage('localStorage'),
  drafts: webStorage('sessionStorage'),
  now: () => new Date(),
};

// Ask the browser to keep this machine's attempts (managed desktops may still wipe them: see #/review's export).
services
  .store()
  .then((store) => store.requestPersistence())
  .catch(() => undefined);

// Keep the app's files (and, through the encoder's worker, the language model) for later visits and offline use.
keepForOffline();

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target, props: { services } });
