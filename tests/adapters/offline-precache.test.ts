import { describe, expect, it } from 'vitest';
import { precacheList } from '../../src/adapters/offline-precache.ts';

describe('the service worker keeps the whole build for offline use', () => {
  it('lists code, styles, fonts, images and WebAssembly under assets/, sorted', () => {
    const list = precacheList([
      'index.html',
      'assets/run-call-B1.js',
      'assets/index-C2.css',
      'assets/encoder-worker-D3.js',
      'assets/tfjs-backend-wasm-E4.wasm',
      'assets/font-F5.woff2',
      'assets/logo-G6.svg',
    ]);
    expect(list).toEqual([
      'assets/encoder-worker-D3.js',
      'assets/font-F5.woff2',
      'assets/index-C2.css',
      'assets/logo-G6.svg',
      'assets/run-call-B1.js',
      'assets/tfjs-backend-wasm-E4.wasm',
    ]);
  });

  it('leaves out the page and the language model, which the encoder worker keeps in its own cache', () => {
    const list = precacheList([
      'index.html',
      'precache.json',
      'assets/model-uint8-1a.json',
      'assets/group1-shard1of1-uint8-2b.bin',
      'assets/vocab-3c.json',
      'assets/nested/dir/file.js',
    ]);
    expect(list).toEqual([]);
  });
});
