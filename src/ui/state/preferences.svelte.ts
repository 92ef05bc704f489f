// Per-machine preferences, kept in localStorage: they hold no names and no transcripts.
const KEY = 'verbatim.preferences';

export type ListeningStyle = 'push-to-talk' | 'continuous';

interface Saved {
  voiceId: string | null;
  muted: boolean;
  listening: ListeningStyle;
  deadAir: boolean;
  cloudConsent: boolean;
  answerBy: 'typing' | 'voice';
  wordsOnly: boolean;
}

const defaults: Saved = {
  voiceId: null,
  muted: false,
  listening: 'push-to-talk',
  deadAir: true,
  cloudConsent: false,
  answerBy: 'typing',
  wordsOnly: false,
};

function readSaved(storage: Storage | null): Partial<Saved> {
  try {
    const value: unknown = JSON.parse(storage?.getItem(KEY) ?? '{}');
    return value && typeof value === 'object' ? (value as Partial<Saved>) : {};
  } catch {
    return {};
  }
}

export class Preferences {
  voiceId = $state<string | null>(defaults.voiceId);
  muted = $state(defaults.muted);
  listening = $state<ListeningStyle>(defaults.listening);
  /** Whether silence makes the caller react (WCAG 2.2.1: the trainee can turn the time limit off). */
  deadAir = $state(defaults.deadAir);
  /** The trainee has read the notice that voice answers go to a cloud service. */
  cloudConsent = $state(defaults.cloudConsent);
  answerBy = $state<'typing' | 'voice'>(defaults.answerBy);
  /** Understand answers by their words alone: no language model is downloaded (slow or metered lines). */
  wordsOnly = $state(defaults.wordsOnly);
  #storage: Storage | null;

  constructor(storage: Storage | null) {
    this.#storage = storage;
    const saved = readSaved(storage);
    if (typeof saved.voiceId === 'string') this.voiceId = saved.voiceId;
    if (typeof saved.muted === 'boolean') this.muted = saved.muted;
    if (saved.listening === 'continuous') this.listening = 'continuous';
    if (typeof saved.deadAir === 'boolean') this.deadAir = saved.deadAir;
    if (saved.cloudConsent === true) this.cloudConsent = true;
    if (saved.answerBy === 'voice') this.answerBy = 'voice';
    if (saved.wordsOnly === true) this.wordsOnly = true;
  }

  set<K extends keyof Saved>(key: K, value: Saved[K]): void {
    (this as unknown as Saved)[key] = value;
    this.save();
  }

  save(): void {
    const data: Saved = {
      voiceId: this.voiceId,
      muted: this.muted,
      listening: this.listening,
      deadAir: this.deadAir,
      cloudConsent: this.cloudConsent,
      answerBy: this.answerBy,
      wordsOnly: this.wordsOnly,
    };
    try {
      this.#storage?.setItem(KEY, JSON.stringify(data));
    } catch {
      // Storage full or blocked by policy: the preference lasts for this page only.
    }
  }
}
