// The sentence encoder in the browser: a worker that holds the model (see encoder-worker.ts), loaded
// on first use only (never by the first page), its files served from the app's own origin.
import type { LoadEncoder, SentenceEncoderPort } from '../../core/ports/index.ts';
import type { EncoderReply, EncoderRequest } from './encoder-protocol.ts';
import { MODEL_FILES, MODEL_ID } from 'virtual:understanding-model';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** A model that has not loaded in this long (7 MB on a slow line) is given up on: words alone decide. */
export const ENCODER_LOAD_TIMEOUT_MS = 3 * 60_000;

const absolute = (url: string): string => new URL(url, document.baseURI).href;

function loadRequest(): EncoderRequest {
  return {
    kind: 'load',
    id: MODEL_ID,
    model: Object.fromEntries(Object.entries(MODEL_FILES).map(([name, url]) => [name, absolute(url)])),
    wasm: {
      'tfjs-backend-wasm.wasm': absolute(wasmPlain),
      'tfjs-backend-wasm-simd.wasm': absolute(wasmSimd),
      'tfjs-backend-wasm-threaded-simd.wasm': absolute(wasmThreaded),
    },
  };
}

type Listener = (done: number, total: number) => void;
const listeners = new Set<Listener>();
let loading: Promise<SentenceEncoderPort> | null = null;

/** Loads once per page; every caller hears the progress. A failed load may be tried again. */
export const loadBrowserEncoder: LoadEncoder = (onProgress) => {
  listeners.add(onProgress);
  loading ??= start().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading.finally(() => listeners.delete(onProgress));
};

function start(): Promise<SentenceEncoderPort> {
  const worker = new Worker(new URL('./encoder-worker.ts', import.meta.url), {
    type: 'module',
    name: 'sentence-encoder',
  });
  const pending = new Map<number, { resolve: (v: Float32Array[]) => void; reject: (e: Error) => void }>();
  let next = 0;
  return new Promise<SentenceEncoderPort>((resolve, reject) => {
    const fail = (message: string) => {
      clearTimeout(timer);
      worker.terminate();
      for (const p of pending.values()) p.reject(new Error(message));
      pending.clear();
      reject(new Error(message));
    };
    const timer = setTimeout(() => fail('the language model took too long to load'), ENCODER_LOAD_TIMEOUT_MS);
    const ask = (kind: 'examples' | 'embed', texts: readonly string[]) =>
      new Promise<Float32Array[]>((res, rej) => {
        const id = next++;
        pending.set(id, { resolve: res, reject: rej });
        worker.postMessage({ kind, id, texts: [...texts] } satisfies EncoderRequest);
      });
    worker.onerror = (e) => fail(`the language model could not start (${e.message || 'worker error'})`);
    worker.onmessage = (e: MessageEvent<EncoderReply>) => {
      const m = e.data;
      if (m.kind === 'progress') for (const l of listeners) l(m.done, m.total);
      else if (m.kind === 'failed') fail(m.message);
      else if (m.kind === 'ready') {
        clearTimeout(timer);
        console.info(`Verbatim: language model ready in ${Math.round(m.ms)} ms`);
        resolve({
          model: m.model,
          embed: (texts) => ask('embed', texts),
          examples: (texts) => ask('examples', texts),
        });
      } else {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.kind === 'vectors') p?.resolve(m.vectors);
        else p?.reject(new Error(m.message));
      }
    };
    worker.postMessage(loadRequest());
  });
}
