// The speech ports: one interface for every speech recogniser (the browser's, cloud or on-device, and
// the Vosk polyfill) and one for the caller's voice. Implemented in src/adapters/speech and synthesis.ts.

export type SpeechErrorCode =
  | 'not-allowed'
  | 'audio-capture'
  | 'no-speech'
  | 'network'
  | 'aborted'
  | 'service-not-allowed'
  | 'language-not-supported'
  /** The offline engine has no model configured for this deployment. */
  | 'not-set-up'
  /** The offline engine's model or worker failed to load. */
  | 'load-failed'
  | 'unknown';

export interface Hypothesis {
  text: string;
  confidence?: number;
}

export type RecognitionEvent =
  | { type: 'listening' }
  /** Words heard so far in the current utterance; may still change. */
  | { type: 'interim'; text: string }
  /** A finished utterance, best first. `at` is performance.now() when it arrived. */
  | { type: 'final'; alternatives: Hypothesis[]; at: number }
  | { type: 'error'; code: SpeechErrorCode; detail?: string }
  /** Always the last event of a session. */
  | { type: 'ended' };

export interface ListenOptions {
  /** Keep listening across pauses until stop() (otherwise one utterance). */
  continuous: boolean;
  onEvent: (event: RecognitionEvent) => void;
}

export interface ListeningSession {
  /** Stop listening and deliver what was heard so far. */
  stop(): void;
  /** Stop at once, delivering nothing. */
  abort(): void;
}

export type EngineKind = 'native-cloud' | 'native-local' | 'vosk';

export interface RecognitionEngine {
  readonly kind: EngineKind;
  /** Whether audio leaves this computer. */
  readonly where: 'cloud' | 'on-device';
  /** Loads anything the engine needs first (the offline model), reporting progress 0..1. */
  prepare(
    onProgress?: (fraction: number | null) => void,
  ): Promise<{ ok: true } | { ok: false; code: SpeechErrorCode; detail?: string }>;
  listen(options: ListenOptions): ListeningSession;
}

export type Availability = 'available' | 'downloadable' | 'downloading' | 'unavailable';

/** What this browser offers, found once at start. */
export interface SpeechSupport {
  /** The browser's SpeechRecognition (unprefixed or webkit), if any. */
  native: boolean;
  /** Cloud recognition for en-GB ('unknown' when the browser cannot say). */
  cloud: Availability | 'unknown';
  /** On-device recognition for en-GB ('unsupported' when the browser has no processLocally). */
  local: Availability | 'unsupported';
  /** Who processes cloud audio, as far as the browser tells. */
  processor: string;
  /** The offline polyfill's model URL from the deployment, or null when it is not set up. */
  voskModelUrl: string | null;
}

export interface VoiceInfo {
  id: string;
  name: string;
  lang: string;
}

export interface SpeakOptions {
  voiceId?: string | null;
  lang?: string;
  /** 0.1..10, 1 is normal. */
  rate?: number;
  /** 0..2, 1 is normal. */
  pitch?: number;
}

export interface CallerVoice {
  readonly supported: boolean;
  voices(): VoiceInfo[];
  /** Calls back when the voice list changes (it loads asynchronously); returns an unsubscribe. */
  onVoicesChanged(listener: () => void): () => void;
  /** Speaks the text, one sentence at a time; resolves when done or cancelled. */
  speak(text: string, options?: SpeakOptions): Promise<void>;
  cancel(): void;
}
