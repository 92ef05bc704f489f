// The sentence encoder's worker: loads the model off the page, then embeds texts on request.
// Model files are kept in the Cache API (later visits and offline use read them from there), and so
// are the vectors of a pack's examples, so a returning trainee waits only for the model to start.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createEncoder, readModelFiles, type SentenceEncoder } from './encoder.ts';
import type { EncoderReply, EncoderRequest } from './encoder-protocol.ts';

/** Bump when the cached files' meaning changes; old caches are then ignored. */
const CACHE_NAME = 'verbatim-understanding-v1';

const scope = self as unknown as {
  postMessage(message: EncoderReply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<EncoderRequest>) => void) | null;
  location: { href: string };
};

async function openCache(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(CACHE_NAME);
  } catch {
    return null; // Storage blocked (private window, policy): the files are fetched every time.
  }
}

async function cachedFetch(url: string): Promise<ArrayBuffer> {
  const cache = await openCache();
  const hit = await cache?.match(url);
  if (hit) return hit.arrayBuffer();
  const response = await fetch(url);
  if (!response.ok)
    throw new Error(`${url.split('/').pop() ?? url} could not be fetched (${response.status})`);
  await cache?.put(url, response.clone()).catch(() => undefined);
  return response.arrayBuffer();
}

let encoder: Promise<SentenceEncoder> | null = null;

async function load(request: Extract<EncoderRequest, { kind: 'load' }>): Promise<SentenceEncoder> {
  setWasmPaths(request.wasm);
  const files = await readModelFiles(
    (name) => {
      const url = request.model[name];
      if (url === undefined) return Promise.reject(new Error(`the model has no file ${name}`));
      return cachedFetch(url);
    },
    (done, total) => scope.postMessage({ kind: 'progress', done, total }),
  );
  return createEncoder(files, request.id);
}

async function digest(texts: readonly string[]): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(texts.join('\n')));
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A pack's example vectors, embedded once per pack version and kept with the model files. */
async function embedExamples(enc: SentenceEncoder, texts: readonly string[]): Promise<Float32Array[]> {
  const key = new URL(`understanding-vectors/${enc.id}/${await digest(texts)}`, scope.location.href).href;
  const cache = await openCache();
  const hit = await cache?.match(key);
  if (hit) {
    const all = new Float32Array(await hit.arrayBuffer());
    const width = all.length / Math.max(1, texts.length);
    if (Number.isInteger(width)) return texts.map((_, i) => all.slice(i * width, (i + 1) * width));
  }
  const vectors = await enc.embed(texts);
  const width = vectors[0]?.length ?? 0;
  const all = new Float32Array(width * vectors.length);
  vectors.forEach((v, i) => all.set(v, i * width));
  await cache?.put(key, new Response(all.buffer)).catch(() => undefined);
  return vectors;
}

scope.onmessage = (e) => {
  const request = e.data;
  if (request.kind === 'load') {
    const started = performance.now();
    encoder ??= load(request);
    encoder.then(
      (enc) => scope.postMessage({ kind: 'ready', model: enc.id, ms: performance.now() - started }),
      (error: unknown) =>
        scope.postMessage({ kind: 'failed', message: String((error as Error)?.message ?? error) }),
    );
    return;
  }
  const { id, texts } = request;
  (encoder ?? Promise.reject(new Error('the model was not loaded')))
    .then((enc) => (request.kind === 'examples' ? embedExamples(enc, texts) : enc.embed(texts)))
    .then(
      (vectors) => scope.postMessage({ kind: 'vectors', id, vectors }),
      (error: unknown) =>
        scope.postMessage({ kind: 'error', id, message: String((error as Error)?.message ?? error) }),
    );
};
