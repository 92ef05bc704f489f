import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { NodePackageImporter } from 'sass';

export default defineConfig({
  plugins: [svelte()],
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
    benchmark: { include: ['tests/**/*.bench.ts'] },
  },
});
