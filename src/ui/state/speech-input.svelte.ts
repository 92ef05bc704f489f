// How the trainee answers: typing always works; voice is opt-in, through whichever engine this
// browser offers. Audio that would go to a cloud service needs the trainee's go-ahead first.
import type {
  EngineKind,
  Hypothesis,
  ListeningSession,
  RecognitionEngine,
  RecognitionEvent,
  SpeechErrorCode,
  SpeechSupport,
} from '../../core/ports/index.ts';
import type { Preferences } from './preferences.svelte.ts';
import { speechErrorMessage } from './speech-messages.ts';

export interface SpeechDeps {
  detect: () => Promise<SpeechSupport>;
  create: (kind: EngineKind, support: SpeechSupport) => RecognitionEngine | null;
  installLocal: () => Promise<boolean>;
}

export interface FinalSpeech {
  text: string;
  alternatives: Hypothesis[];
  at: number;
}

export type VoiceStatus = 'idle' | 'preparing' | 'listening' | 'stopping';

export class SpeechInput {
  support = $state.raw<SpeechSupport | null>(null);
  status = $state<VoiceStatus>('idle');
  /** Words heard so far (not announced: a live region would flood a screen reader). */
  interim = $state('');
  error = $state.raw<{ code: SpeechErrorCode; message: string } | null>(null);
  /** Offline model download, 0..1, or null when unknown. */
  progress = $state<number | null>(null);
  /** The typed answer, kept here so words heard before a speech error are not lost. */
  draft = $state('');
  installing = $state(false);
  /** The answer panel shows the cloud notice until the trainee decides. */
  askingConsent = $state(false);

  engineKind: EngineKind | null = $derived.by(() => {
    const s = this.support;
    if (!s) return null;
    if (s.native && s.local === 'available') return 'native-local';
    if (s.native && s.cloud !== 'unavailable') return 'native-cloud';
    if (s.native && s.local !== 'unsupported' && s.local !== 'unavailable') return 'native-local';
    if (!s.native && s.voskModelUrl) return 'vosk';
    return null;
  });
  /** Voice cannot be used at all here (no recogniser, no offline model). */
  voiceUnavailable = $derived(this.support !== null && this.engineKind === null);
  cloud = $derived(this.engineKind === 'native-cloud');
  canInstallLocal = $derived(
    this.support?.native === true &&
      (this.support.local === 'downloadable' || this.support.local === 'downloading'),
  );
  voiceOn = $derived.by(() => this.prefs.answerBy === 'voice' && !this.voiceUnavailable);

  #deps: SpeechDeps;
  #engine: RecognitionEngine | null = null;
  #engineFor: EngineKind | null = null;
  #session: ListeningSession | null = null;
  #onFinal: (speech: FinalSpeech) => void;
  #onActivity: () => void;
  #heardFinal = false;

  readonly prefs: Preferences;

  constructor(
    prefs: Preferences,
    deps: SpeechDeps,
    handlers: { onFinal: (speech: FinalSpeech) => void; onActivity: () => void },
  ) {
    this.prefs = prefs;
    this.#deps = deps;
    this.#onFinal = handlers.onFinal;
    this.#onActivity = handlers.onActivity;
  }

  async init(): Promise<void> {
    this.support = await this.#deps.detect();
  }

  /** Switch to answering by voice; shows the cloud notice first where audio would leave the PC. */
  chooseVoice(): void {
    this.error = null;
    if (this.voiceUnavailable) {
      this.error = { code: 'not-set-up', message: speechErrorMessage('not-set-up') };
      return;
    }
    if (this.cloud && !this.prefs.cloudConsent) {
      this.askingConsent = true;
      return;
    }
    this.prefs.set('answerBy', 'voice');
  }

  acceptCloud(): void {
    this.prefs.set('cloudConsent', true);
    this.askingConsent = false;
    this.prefs.set('answerBy', 'voice');
  }

  chooseTyping(): void {
    this.askingConsent = false;
    this.abort();
    this.prefs.set('answerBy', 'typing');
  }

  async installLocal(): Promise<void> {
    this.installing = true;
    const ok = await this.#deps.installLocal();
    this.support = await this.#deps.detect();
    this.installing = false;
    if (!ok) {
      this.error = { code: 'language-not-supported', message: speechErrorMessage('language-not-supported') };
    } else if (this.engineKind === 'native-local') {
      this.askingConsent = false;
      this.prefs.set('answerBy', 'voice');
    }
  }

  toggle(): void {
    if (this.status === 'idle') void this.start();
    else this.stop();
  }

  async start(): Promise<void> {
    if (this.status !== 'idle' || !this.voiceOn || !this.support) return;
    const kind = this.engineKind;
    if (!kind) return;
    if (kind === 'native-cloud' && !this.prefs.cloudConsent) {
      this.askingConsent = true;
      return;
    }
    this.error = null;
    this.interim = '';
    this.#heardFinal = false;
    if (!this.#engine || this.#engineFor !== kind) {
      this.#engine = this.#deps.create(kind, this.support);
      this.#engineFor = kind;
    }
    const engine = this.#engine;
    if (!engine) return;
    this.status = 'preparing';
    const ready = await engine.prepare((p) => (this.progress = p));
    this.progress = null;
    if (!ready.ok) {
      this.status = 'idle';
      this.error = { code: ready.code, message: speechErrorMessage(ready.code, ready.detail) };
      return;
    }
    this.#session = engine.listen({
      continuous: this.prefs.listening === 'continuous',
      onEvent: (event) => this.#handle(event),
    });
  }

  stop(): void {
    if (this.status === 'listening' || this.status === 'preparing') {
      this.status = 'stopping';
      this.#session?.stop();
    }
  }

  abort(): void {
    this.#session?.abort();
    this.#session = null;
    this.status = 'idle';
    this.interim = '';
  }

  #handle(event: RecognitionEvent): void {
    switch (event.type) {
      case 'listening':
        if (this.status === 'preparing') this.status = 'listening';
        break;
      case 'interim':
        this.interim = event.text;
        this.#onActivity();
        break;
      case 'final': {
        const best = event.alternatives[0];
        if (!best) break;
        this.#heardFinal = true;
        this.interim = '';
        this.#onFinal({ text: best.text, alternatives: event.alternatives, at: event.at });
        break;
      }
      case 'error':
        this.error = { code: event.code, message: speechErrorMessage(event.code) };
        this.#keepWhatWasHeard();
        break;
      case 'ended':
        if (!this.#heardFinal) this.#keepWhatWasHeard();
        this.#session = null;
        this.status = 'idle';
        this.interim = '';
        break;
    }
  }

  /** Words heard before an error go into the answer box, so no turn is lost. */
  #keepWhatWasHeard(): void {
    const heard = this.interim.trim();
    if (heard && !this.draft.trim()) this.draft = heard;
    this.interim = '';
  }
}
