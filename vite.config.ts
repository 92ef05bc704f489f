import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { NodePackageImporter } from 'sass';
import { understandingModel } from './src/adapters/understanding/model-assets.ts';
import { offlinePrecache } from './src/adapters/offline-precache.ts';
import { devPolicy } from './src/adapters/dev-policy.ts';

export default defineConfig({
  // The language model's weights are quantised to 8 bits as the app is built or served (model-assets.ts).
  plugins: [svelte(), understandingModel(), offlinePrecache(), devPolicy()],
  base: './',
  // The dev server pre-bundles dependencies it finds from these files at start. The workers are entries
  // too: a dependency first found when a worker starts made the dev server reload the page mid-call.
  optimizeDeps: {
    entries: ['index.html', 'src/adapters/pack-worker.ts', 'src/adapters/understanding/encoder-worker.ts'],
    include: ['fuse.js', 'elkjs/lib/elk.bundled.js', '@lichess-org/vosk-browser'],
  },
  build: {
    target: 'es2022',
    // No data: URIs, so the Content-Security-Policy needs no exceptions for inlined assets.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  css: {
    preprocessorOptions: {
      scss: { importers: [new NodePackageImporter()], quietDeps: true, silenceDeprecations: ['import'] },
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    // A limit for a test that hangs, not a speed check (speeds are measured in `npm run bench`).
    // Compiling the built-in pack takes tens of ms alone but several seconds on a busy two-core CI
    // machine, past Vitest's default 5 s, which failed tests such as tests/ui/packs.svelte.test.ts.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    benchmark: { include: ['tests/**/*.bench.ts'] },
  },
});
