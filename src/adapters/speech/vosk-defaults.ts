// The real browser pieces the Vosk engine uses unless a test hands in fakes: the model download with
// progress, the worker client, and the microphone as float chunks.
import type { SpeechErrorCode } from '../../core/ports/index.ts';

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

const READY_KEY = 'verbatim.voskModelReady';
export const browserCache = {
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

/**
 * Downloads the model once with progress, so the trainee sees how far it has got. The worker then
 * fetches the same URL (from the HTTP cache) and keeps the unpacked model in IndexedDB, keyed by the
 * URL, so later visits skip the download. (A blob: URL would show progress without a second fetch,
 * but the worker would cache a fresh copy under every new blob URL.)
 */
export async function fetchModelWithProgress(
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

/**
 * How long the worker may take to fetch and unpack the model before we give up. The small English
 * model is about 40 MB: five minutes covers a slow (1 Mbit/s) connection with room to spare.
 */
const LOAD_TIMEOUT_MS = 5 * 60_000;

/** The worker's log level: -2 keeps Kaldi's progress lines out of the console (errors still arrive as events). */
const VOSK_LOG_LEVEL = -2;

export const loadVoskClient: LoadVoskClient = async (modelUrl) => {
  const [{ VoskClient }, worker, wasm] = await Promise.all([
    import('@lichess-org/vosk-browser'),
    import('@lichess-org/vosk-browser/dist/vosk.worker.js?url'),
    import('@lichess-org/vosk-browser/dist/vosk.wasm?url'),
  ]);
  const client = new VoskClient({
    modelUrl,
    workerUrl: worker.default,
    wasmUrl: wasm.default,
    logLevel: VOSK_LOG_LEVEL,
  });
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

export const openBrowserMicrophone: OpenMicrophone = async () => {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 },
  });
  const context = new AudioContext();
  const input = context.createMediaStreamSource(stream);
  // ScriptProcessorNode is deprecated but needs no worklet module.
  const processor = context.createScriptProcessor(MIC_CHUNK_FRAMES, 1, 1);
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

/**
 * Samples per microphone chunk handed to the recogniser: at 44.1-48 kHz about 100 ms, short enough for
 * interim words to keep up with speech, long enough not to flood the worker with messages.
 */
const MIC_CHUNK_FRAMES = 4096;

export function micError(error: unknown): SpeechErrorCode {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'not-allowed';
  return 'audio-capture';
}
