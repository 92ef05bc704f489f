// The speech adapter: finds what this browser offers and builds the engine the trainee chose.
// Every engine has the same interface, so the call screen never knows which one it talks to.
import { checkAvailability, createNativeEngine, findRecognition, installOnDevice } from './native.ts';
import { createVoskEngine } from './vosk.ts';
import type { EngineKind, RecognitionEngine, SpeechSupport } from '../../core/ports/index.ts';

export type * from '../../core/ports/index.ts';
export { createNativeEngine, createVoskEngine };

export const SPEECH_LANG = 'en-GB';

/** Who runs the browser's cloud recogniser, named in the notice before first use. */
export function cloudProcessor(userAgent: string): string {
  if (/Edg\//.test(userAgent)) return 'Microsoft';
  if (/Chrome\/|Chromium\//.test(userAgent)) return 'Google';
  if (/Safari\//.test(userAgent)) return 'Apple';
  return 'your browser maker';
}

export async function detectSpeech(
  win: Window = window,
  voskModelUrl: string | null = import.meta.env.VITE_VOSK_MODEL_URL || null,
): Promise<SpeechSupport> {
  const ctor = findRecognition(win);
  const processor = cloudProcessor(win.navigator?.userAgent ?? '');
  if (!ctor) return { native: false, cloud: 'unavailable', local: 'unsupported', processor, voskModelUrl };
  const { cloud, local } = await checkAvailability(ctor, SPEECH_LANG);
  return { native: true, cloud, local, processor, voskModelUrl };
}

/** The best engine this browser can run without sending audio away, or null if none. */
export function privateEngineKind(support: SpeechSupport): EngineKind | null {
  if (support.native && support.local === 'available') return 'native-local';
  if (!support.native && support.voskModelUrl) return 'vosk';
  return null;
}

export function createEngine(
  kind: EngineKind,
  support: SpeechSupport,
  win: Window = window,
): RecognitionEngine | null {
  if (kind === 'vosk') return createVoskEngine({ modelUrl: support.voskModelUrl });
  const ctor = findRecognition(win);
  if (!ctor) return null;
  return createNativeEngine(ctor, { lang: SPEECH_LANG, processLocally: kind === 'native-local' });
}

/** Asks the browser to download its on-device en-GB recogniser. */
export async function installLocalRecognition(win: Window = window): Promise<boolean> {
  const ctor = findRecognition(win);
  return ctor ? installOnDevice(ctor, SPEECH_LANG) : false;
}
