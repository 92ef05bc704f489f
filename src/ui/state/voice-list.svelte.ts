import { createSubscriber } from 'svelte/reactivity';
import type { CallerVoice, VoiceInfo } from '../../core/ports/index.ts';

/** The synthesis voices, reactive: the browser loads its list asynchronously. */
export class VoiceList {
  #voice: CallerVoice;
  #subscribe: () => void;

  constructor(voice: CallerVoice) {
    this.#voice = voice;
    this.#subscribe = createSubscriber((update) => voice.onVoicesChanged(update));
  }

  get all(): VoiceInfo[] {
    this.#subscribe();
    return this.#voice.voices();
  }
}
