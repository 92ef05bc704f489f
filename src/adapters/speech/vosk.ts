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
import {
  browserCache,
  fetchModelWithProgress,
  loadVoskClient,
  micError,
  openBrowserMicrophone,
  type AudioSource,
  type LoadVoskClient,
  type OpenMicrophone,
  type VoskClientLike,
  type VoskRecognizerLike,
} from './vosk-defaults.ts';

export type { AudioSource, LoadVoskClient, OpenMicrophone, VoskClientLike, VoskRecognizerLike };

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

interface VoskResult {
  result?: { text?: string; partial?: string; result?: { conf: number }[] };
}

type EventSink = ListenOptions['onEvent'];

/** The model once loaded, and the load under way, shared by every listening session of one engine. */
interface LoadedModel {
  client: VoskClientLike | null;
  loading: Promise<VoskClientLike> | null;
}

type VoskDependencies = Required<Omit<VoskOptions, 'modelUrl'>>;

/** Loads the model (downloading it first unless the worker has it already) once per engine. */
async function prepareModel(
  url: string | null,
  deps: VoskDependencies,
  model: LoadedModel,
  onProgress: (fraction: number | null) => void,
): ReturnType<RecognitionEngine['prepare']> {
  if (!url) return { ok: false, code: 'not-set-up' };
  try {
    model.loading ??= (deps.cache.has(url) ? Promise.resolve(url) : deps.fetchModel(url, onProgress)).then(
      (modelUrl) => deps.loadClient(modelUrl),
    );
    model.client = await model.loading;
    deps.cache.add(url);
    return { ok: true };
  } catch (error) {
    model.loading = null;
    return { ok: false, code: 'load-failed', detail: messageOf(error) };
  }
}

/** The mean of the word confidences Vosk gives, or nothing when it gives none. */
function meanConfidence(words: readonly { conf: number }[]): number | undefined {
  return words.length ? words.reduce((sum, w) => sum + w.conf, 0) / words.length : undefined;
}

/** One listening session: the microphone, the recogniser and how far it has got. */
class VoskSession {
  recognizer: VoskRecognizerLike | null = null;
  mic: AudioSource | null = null;
  state: 'starting' | 'listening' | 'stopping' | 'ended' = 'starting';
  readonly #continuous: boolean;
  readonly #onEvent: EventSink;
  readonly #now: () => number;

  constructor(continuous: boolean, onEvent: EventSink, now: () => number) {
    this.#continuous = continuous;
    this.#onEvent = onEvent;
    this.#now = now;
  }

  end(): void {
    if (this.state === 'ended') return;
    this.state = 'ended';
    this.mic?.close();
    this.recognizer?.remove();
    this.#onEvent({ type: 'ended' });
  }

  fail(code: SpeechErrorCode, detail?: string): void {
    if (this.state === 'ended') return;
    this.#onEvent({ type: 'error', code, detail });
    this.end();
  }

  /** Asks for the last words, or gives up if the microphone is not open yet. */
  stop(): void {
    if (this.state === 'listening' && this.recognizer) {
      this.state = 'stopping';
      this.recognizer.retrieveFinalResult();
    } else if (this.state === 'starting') this.end();
  }

  /** Hooks a recogniser to the open microphone and starts passing it audio. */
  attach(client: VoskClientLike, mic: AudioSource): void {
    const recognizer = new client.KaldiRecognizer(mic.sampleRate);
    this.recognizer = recognizer;
    recognizer.on('partialresult', (message) => this.#hearPartial(message));
    recognizer.on('result', (message) => this.#hearResult(message));
    recognizer.on('error', (message) =>
      this.fail('unknown', String((message as { error?: string }).error ?? '')),
    );
    const rate = mic.sampleRate;
    mic.onChunk = (chunk) => {
      if (this.state === 'listening') recognizer.acceptWaveformFloat(chunk, rate);
    };
    this.state = 'listening';
    this.#onEvent({ type: 'listening' });
  }

  #hearPartial(message: unknown): void {
    const partial = (message as VoskResult).result?.partial?.trim();
    if (partial) this.#onEvent({ type: 'interim', text: partial });
  }

  #hearResult(message: unknown): void {
    const result = (message as VoskResult).result;
    const text = result?.text?.trim() ?? '';
    const confidence = meanConfidence(result?.result ?? []);
    if (text) this.#onEvent({ type: 'final', alternatives: [{ text, confidence }], at: this.#now() });
    else if (this.state === 'stopping') this.#onEvent({ type: 'error', code: 'no-speech' });
    if (this.state === 'stopping' || !this.#continuous) this.end();
  }
}

/** Loads the model if need be, opens the microphone, then starts the session unless it was stopped meanwhile. */
async function startSession(
  session: VoskSession,
  engine: RecognitionEngine,
  model: LoadedModel,
  openMicrophone: OpenMicrophone,
): Promise<void> {
  if (!model.client) {
    const ready = await engine.prepare();
    if (!ready.ok) return session.fail(ready.code, ready.detail);
  }
  try {
    session.mic = await openMicrophone();
  } catch (error) {
    return session.fail(micError(error));
  }
  if (session.state !== 'starting' || !model.client) return session.end();
  session.attach(model.client, session.mic);
}

export function createVoskEngine(options: VoskOptions): RecognitionEngine {
  const deps: VoskDependencies = {
    loadClient: options.loadClient ?? loadVoskClient,
    openMicrophone: options.openMicrophone ?? openBrowserMicrophone,
    fetchModel: options.fetchModel ?? fetchModelWithProgress,
    now: options.now ?? (() => performance.now()),
    cache: options.cache ?? browserCache,
  };
  const model: LoadedModel = { client: null, loading: null };
  const engine: RecognitionEngine = {
    kind: 'vosk',
    where: 'on-device',
    prepare: (onProgress = () => {}) => prepareModel(options.modelUrl, deps, model, onProgress),
    listen({ continuous, onEvent }: ListenOptions): ListeningSession {
      const session = new VoskSession(continuous, onEvent, deps.now);
      void startSession(session, engine, model, deps.openMicrophone);
      return { stop: () => session.stop(), abort: () => session.end() };
    },
  };
  return engine;
}
