// The offline polyfill for browsers with no SpeechRecognition: Vosk (Kaldi compiled to WebAssembly)
// in a Web Worker. No cloud service and no key; the model is a tar.gz the deployment serves from
// its own host (VITE_VOSK_MODEL_URL). The worker and the .wasm are separate files, so the page's
// Content-Security-Policy is untouched; but the worker's emscripten glue builds functions with
// `new Function`, so the host must send 'unsafe-eval' for the worker file alone (see
// tests/e2e/harness.mjs, workerPolicy).
import type {
  ListenOptions,
  ListeningSession,
  RecognitionEngine,
  SpeechErrorCode,
} from '../../core/ports/index.ts';
import { messageOf } from '../../core/message-of.ts';

/** The parts of @lichess-org/vosk-browser this engine uses (so tests can hand in a fake). */
export interface VoskRecognizerLike extends EventTarget {
  on(event: 'result' | 'partialresult' | 'error', listener: (message: unknown) => void): void;
  acceptWaveformFloat(buffer: Float32Array, sampleRate: number): void;
  retrieveFinalResult(): void;
  remove(): void;
}
export interface VoskClientLike {
  KaldiRecognizer: new (sampleRate: number, grammar?: string) => VoskRecognizerLike;
  terminate(): void;
}
export type LoadVoskClient = (modelUrl: string) => Promise<VoskClientLike>;

/** Audio from the microphone as mono float chunks. */
export interface AudioSource {
  sampleRate: number;
  onChunk: ((chunk: Float32Array) => void) | null;
  close(): void;
}
export type OpenMicrophone = () => Promise<AudioSource>;

export interface VoskOptions {
  modelUrl: string | null;
  loadClient?: LoadVoskClient;
  openMicrophone?: OpenMicrophone;
  /** Downloads the model with progress; resolves to the URL to hand the worker. */
  fetchModel?: (url: string, onProgress: (fraction: number | null) => void) => Promise<string>;
  now?: () => number;
  /** Remembers that the worker has unpacked this model already, so it is not downloaded again. */
  cache?: { has(url: string): boolean; add(url: string): void };
}

const READY_KEY = 'verbatim.voskModelReady';
const browserCache = {
  has: (url: string) => {
    try {
      return localStorage.getItem(READY_KEY) === url;
    } catch {
      return false;
    }
  },
  add: (url: string) => {
    try {
      localStorage.setItem(READY_KEY, url);
    } catch {
      // not remembered: the next visit shows the download again
    }
  },
};

interface VoskResult {
  result?: { text?: string; partial?: string; result?: { conf: number }[] };
}

/**
 * Downloads the model once with progress, so the trainee sees how far it has got. The worker then
 * fetches the same URL (from the HTTP cache) and keeps the unpacked model in IndexedDB, keyed by the
 * URL, so later visits skip the download. (A blob: URL would show progress without a second fetch,
 * but the worker would cache a fresh copy under every new blob URL.)
 */
async function fetchModelWithProgress(
  url: string,
  onProgress: (fraction: number | null) => void,
): Promise<string> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`model download failed: HTTP ${response.status}`);
  const total = Number(response.headers.get('content-length')) || 0;
  const reader = response.body.getReader();
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength;
    onProgress(total ? Math.min(1, loaded / total) : null);
  }
  return new URL(url, document.baseURI).href;
}

const LOAD_TIMEOUT_MS = 5 * 60_000;

const loadVoskClient: LoadVoskClient = async (modelUrl) => {
  const [{ VoskClient }, worker, wasm] = await Promise.all([
    import('@lichess-org/vosk-browser'),
    import('@lichess-org/vosk-browser/dist/vosk.worker.js?url'),
    import('@lichess-org/vosk-browser/dist/vosk.wasm?url'),
  ]);
  const client = new VoskClient({ modelUrl, workerUrl: worker.default, wasmUrl: wasm.default, logLevel: -2 });
  // The library's own createVoskClient never settles when the worker reports an error instead of
  // "load", so listen for both, with a time limit.
  return new Promise<VoskClientLike>((resolve, reject) => {
    const timer = setTimeout(() => fail('the speech model took too long to load'), LOAD_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      // client.terminate() asks the worker to free a model it never made (and it throws):
      // stop the worker itself instead.
      (client as unknown as { worker?: Worker }).worker?.terminate();
      reject(new Error(why));
    };
    client.on('load', (message) => {
      if (message.event === 'load' && message.result) {
        clearTimeout(timer);
        resolve(client as unknown as VoskClientLike);
      } else fail('the speech model could not be opened');
    });
    client.on('error', (message) => fail(message.event === 'error' ? message.error : 'unknown error'));
  });
};

const openBrowserMicrophone: OpenMicrophone = async () => {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 },
  });
  const context = new AudioContext();
  const input = context.createMediaStreamSource(stream);
  // ScriptProcessorNode is deprecated but needs no worklet module; ~100 ms chunks.
  const processor = context.createScriptProcessor(4096, 1, 1);
  const source: AudioSource = {
    sampleRate: context.sampleRate,
    onChunk: null,
    close: () => {
      processor.disconnect();
      input.disconnect();
      for (const track of stream.getTracks()) track.stop();
      void context.close();
    },
  };
  processor.onaudioprocess = (event) =>
    source.onChunk?.(new Float32Array(event.inputBuffer.getChannelData(0)));
  input.connect(processor);
  processor.connect(context.destination);
  return source;
};

function micError(error: unknown): SpeechErrorCode {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'not-allowed';
  return 'audio-capture';
}

export function createVoskEngine(options: VoskOptions): RecognitionEngine {
  const loadClient = options.loadClient ?? loadVoskClient;
  const openMicrophone = options.openMicrophone ?? openBrowserMicrophone;
  const fetchModel = options.fetchModel ?? fetchModelWithProgress;
  const now = options.now ?? (() => performance.now());
  const cache = options.cache ?? browserCache;
  let client: VoskClientLike | null = null;
  let loading: Promise<VoskClientLike> | null = null;

  return {
    kind: 'vosk',
    where: 'on-device',
    async prepare(onProgress = () => {}) {
      const url = options.modelUrl;
      if (!url) return { ok: false, code: 'not-set-up' };
      try {
        loading ??= (cache.has(url) ? Promise.resolve(url) : fetchModel(url, onProgress)).then((modelUrl) =>
          loadClient(modelUrl),
        );
        client = await loading;
        cache.add(url);
        return { ok: true };
      } catch (error) {
        loading = null;
        return {
          ok: false,
          code: 'load-failed',
          detail: messageOf(error),
        };
      }
    },
    listen({ continuous, onEvent }: ListenOptions): ListeningSession {
      let recognizer: VoskRecognizerLike | null = null;
      let mic: AudioSource | null = null;
      let state: 'starting' | 'listening' | 'stopping' | 'ended' = 'starting';
      const end = () => {
        if (state === 'ended') return;
        state = 'ended';
        mic?.close();
        recognizer?.remove();
        onEvent({ type: 'ended' });
      };
      const fail = (code: SpeechErrorCode, detail?: string) => {
        if (state === 'ended') return;
        onEvent({ type: 'error', code, detail });
        end();
      };
      void (async () => {
        if (!client) {
          const ready = await this.prepare();
          if (!ready.ok) return fail(ready.code, ready.detail);
        }
        try {
          mic = await openMicrophone();
        } catch (error) {
          return fail(micError(error));
        }
        if (state !== 'starting' || !client) return end();
        recognizer = new client.KaldiRecognizer(mic.sampleRate);
        recognizer.on('partialresult', (message) => {
          const partial = (message as VoskResult).result?.partial?.trim();
          if (partial) onEvent({ type: 'interim', text: partial });
        });
        recognizer.on('result', (message) => {
          const result = (message as VoskResult).result;
          const text = result?.text?.trim() ?? '';
          const words = result?.result ?? [];
          const confidence = words.length
            ? words.reduce((sum, w) => sum + w.conf, 0) / words.length
            : undefined;
          if (text) onEvent({ type: 'final', alternatives: [{ text, confidence }], at: now() });
          else if (state === 'stopping') onEvent({ type: 'error', code: 'no-speech' });
          if (state === 'stopping' || !continuous) end();
        });
        recognizer.on('error', (message) =>
          fail('unknown', String((message as { error?: string }).error ?? '')),
        );
        const rec = recognizer;
        const rate = mic.sampleRate;
        mic.onChunk = (chunk) => {
          if (state === 'listening') rec.acceptWaveformFloat(chunk, rate);
        };
        state = 'listening';
        onEvent({ type: 'listening' });
      })();
      return {
        stop: () => {
          if (state === 'listening' && recognizer) {
            state = 'stopping';
            recognizer.retrieveFinalResult();
          } else if (state === 'starting') end();
        },
        abort: () => end(),
      };
    },
  };
}
