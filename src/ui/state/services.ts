// The adapters the screens use, built once in src/main.ts and shared through Svelte context.
import { getContext, setContext } from 'svelte';
import type { AttemptStore } from '../../adapters/storage/types.ts';
import type { EngineKind, RecognitionEngine, SpeechSupport } from '../../adapters/speech/types.ts';
import type { CallerVoice } from '../../adapters/synthesis.ts';
import type { PracticeLibrary } from '../practice-library.ts';

export interface Services {
  store: () => Promise<AttemptStore>;
  library: () => Promise<PracticeLibrary>;
  voice: CallerVoice;
  speech: {
    detect: () => Promise<SpeechSupport>;
    create: (kind: EngineKind, support: SpeechSupport) => RecognitionEngine | null;
    installLocal: () => Promise<boolean>;
  };
  /** Small preferences on this machine (voice, mute, timers). */
  prefs: Storage | null;
  now: () => Date;
}

const key = Symbol('services');
export const provideServices = (services: Services) => setContext(key, services);
export const useServices = (): Services => getContext<Services>(key);
