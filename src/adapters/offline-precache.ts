// The list of built files the service worker keeps at once (public/sw.js): a Vite plugin that writes
// `precache.json` beside index.html, naming every file under assets/ that the app's code, styles, fonts,
// images and WebAssembly are built into. With the whole list kept when the worker installs, a later visit
// opens offline whatever the first visit happened to load, and whenever the worker took control. The
// language model's files (.json, .bin) are not listed: the encoder's worker keeps them in its own cache.
import type { Plugin } from 'vite';

/** The built files worth keeping for offline use; public/sw.js tests paths with the same pattern. */
export const KEPT = /^assets\/[^/]+\.(?:js|css|wasm|svg|woff2?|png|ico)$/;

/** The bundle's files the service worker keeps, sorted. */
export function precacheList(fileNames: Iterable<string>): string[] {
  return [...fileNames].filter((name) => KEPT.test(name)).sort();
}

export function offlinePrecache(): Plugin {
  return {
    name: 'verbatim-offline-precache',
    apply: 'build',
    generateBundle(_options, bundle) {
      this.emitFile({
        type: 'asset',
        fileName: 'precache.json',
        source: JSON.stringify({ files: precacheList(Object.keys(bundle)) }),
      });
    },
  };
}
