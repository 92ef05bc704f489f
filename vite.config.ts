import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { NodePackageImporter } from 'sass';
import { understandingModel } from './src/adapters/understanding/model-assets.ts';
import { offlinePrecache } from './src/adapters/offline-precache.ts';

export default defineConfig({
  // The language model's weights are quantised to 8 bits as the app is built (model-assets.ts).
  plugins: [svelte(), understandingModel(), offlinePrecache()],
  base: './',
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
