// Browser composition root: the only place that builds adapters and mounts the app.
import './styles/app.scss';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import type { Services } from './ui/state/services.ts';
import type { AttemptStore } from './adapters/storage/types.ts';
import type { PracticeLibrary } from './ui/practice-library.ts';
import { createCallerVoice } from './adapters/synthesis.ts';
import { createEngine, detectSpeech, installLocalRecognition } from './adapters/speech/index.ts';

// govuk-frontend's CSS expects these classes; set here rather than by its inline snippet, so the
// Content-Security-Policy needs no inline script.
document.body.classList.add('js-enabled', 'govuk-frontend-supported');

/** Loads once, on first use: the packs, the scorer and the statechart library are the heavy part. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | null = null;
  return () => (promise ??= load());
}

/** Loads on first use and again only when QA has imported, replaced or removed a pack since. */
function whilePacksUnchanged<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: { signature: string; value: Promise<T> } | null = null;
  return async () => {
    const { installedSignature } = await import('./adapters/installed-packs.ts');
    const signature = await installedSignature();
    if (cached === null || cached.signature !== signature) cached = { signature, value: load() };
    return cached.value;
  };
}

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const services: Services = {
  store: once<AttemptStore>(async () => {
    const { openAttemptStore } = await import('./adapters/storage/attempt-store.ts');
    return openAttemptStore({
      onVersionChange: () => {
        alert('A newer version of Verbatim is open in another tab. This page will reload.');
        location.reload();
      },
    });
  }),
  catalogue: whilePacksUnchanged(() => import('./adapters/catalogue.ts').then((m) => m.loadCatalogue())),
  library: whilePacksUnchanged<PracticeLibrary>(() =>
    import('./adapters/builtin.ts').then((m) => m.loadBuiltinLibrary()),
  ),
  voice: createCallerVoice(window),
  speech: {
    detect: () => detectSpeech(window),
    create: (kind, support) => createEngine(kind, support, window),
    installLocal: () => installLocalRecognition(window),
  },
  prefs: localStore(),
  now: () => new Date(),
};

// Ask the browser to keep this machine's attempts (managed desktops may still wipe them: see #/review's export).
services
  .store()
  .then((store) => store.requestPersistence())
  .catch(() => undefined);

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target, props: { services } });
