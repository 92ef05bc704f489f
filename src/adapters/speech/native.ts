// The browser's own SpeechRecognition, unprefixed or webkit. With processLocally the audio stays on
// this computer; without it, Chrome and Edge send it to their cloud services.
import type {
  Availability,
  Hypothesis,
  ListenOptions,
  ListeningSession,
  RecognitionEngine,
  SpeechErrorCode,
} from '../../core/ports/index.ts';

export type RecognitionConstructor = new () => SpeechRecognition;

/** The static on-device methods, which the type definitions do not yet carry. */
interface OnDeviceStatics {
  available?: (options: { langs: string[]; processLocally: boolean }) => Promise<string>;
  install?: (options: { langs: string[] }) => Promise<boolean>;
}

const knownErrors: ReadonlySet<string> = new Set<SpeechErrorCode>([
  'not-allowed',
  'audio-capture',
  'no-speech',
  'network',
  'aborted',
  'service-not-allowed',
  'language-not-supported',
]);

export function findRecognition(win: Window = window): RecognitionConstructor | null {
  const w = win as unknown as Record<string, unknown>;
  const ctor = w['SpeechRecognition'] ?? w['webkitSpeechRecognition'];
  return typeof ctor === 'function' ? (ctor as RecognitionConstructor) : null;
}

function asAvailability(value: unknown): Availability | null {
  return value === 'available' ||
    value === 'downloadable' ||
    value === 'downloading' ||
    value === 'unavailable'
    ? value
    : null;
}

/** Asks the browser whether en-GB recognition can be had in the cloud and on this device. */
export async function checkAvailability(
  ctor: RecognitionConstructor,
  lang: string,
): Promise<{ cloud: Availability | 'unknown'; local: Availability | 'unsupported' }> {
  const statics = ctor as unknown as OnDeviceStatics;
  const hasLocal = typeof statics.available === 'function';
  const ask = async (processLocally: boolean) => {
    try {
      return asAvailability(await statics.available?.({ langs: [lang], processLocally }));
    } catch {
      // Refused by the on-device-speech-recognition permissions policy, or not implemented.
      return null;
    }
  };
  if (!hasLocal) return { cloud: 'unknown', local: 'unsupported' };
  const [cloud, local] = await Promise.all([ask(false), ask(true)]);
  return { cloud: cloud ?? 'unknown', local: local ?? 'unsupported' };
}

/** Starts downloading the on-device language pack. Resolves true when the browser accepted. */
export async function installOnDevice(ctor: RecognitionConstructor, lang: string): Promise<boolean> {
  const statics = ctor as unknown as OnDeviceStatics;
  try {
    return (await statics.install?.({ langs: [lang] })) === true;
  } catch {
    return false;
  }
}

export interface NativeOptions {
  lang?: string;
  processLocally?: boolean;
  maxAlternatives?: number;
  now?: () => number;
}

/**
 * How many wordings to ask the browser for. The judge scores each alternative and keeps the best, so a
 * few more than the top one rescue near misses ("may be" / "maybe"); Chrome rarely returns more than five.
 */
const DEFAULT_MAX_ALTERNATIVES = 5;

type NativeSettings = Required<NativeOptions>;

/** What one listening session has seen so far. */
interface SessionFlags {
  userStopped: boolean;
  failed: boolean;
  finished: boolean;
}

/** A recogniser set up for one listening session. */
function makeRecognition(
  ctor: RecognitionConstructor,
  settings: NativeSettings,
  continuous: boolean,
): SpeechRecognition {
  const rec = new ctor();
  rec.lang = settings.lang;
  rec.continuous = continuous;
  rec.interimResults = true;
  rec.maxAlternatives = settings.maxAlternatives;
  if (settings.processLocally) (rec as SpeechRecognition & { processLocally: boolean }).processLocally = true;
  return rec;
}

/** Every non-empty wording of a final result, trimmed, with its confidence. */
function alternativesOf(result: SpeechRecognitionResult): Hypothesis[] {
  const alternatives: Hypothesis[] = [];
  for (let j = 0; j < result.length; j += 1) {
    const alt = result[j];
    if (alt && alt.transcript.trim())
      alternatives.push({ text: alt.transcript.trim(), confidence: alt.confidence });
  }
  return alternatives;
}

/** Reports each new final result, then the words still being heard as one interim line. */
function reportResults(
  event: SpeechRecognitionEvent,
  onEvent: ListenOptions['onEvent'],
  now: () => number,
): void {
  let interim = '';
  for (let i = event.resultIndex; i < event.results.length; i += 1) {
    const result = event.results[i];
    if (!result) continue;
    if (result.isFinal) {
      const alternatives = alternativesOf(result);
      if (alternatives.length) onEvent({ type: 'final', alternatives, at: now() });
    } else {
      interim += result[0]?.transcript ?? '';
    }
  }
  if (interim.trim()) onEvent({ type: 'interim', text: interim.trim() });
}

/** Turns the recogniser's error into ours, unless it is the abort the trainee asked for. */
function reportError(
  event: SpeechRecognitionErrorEvent,
  flags: SessionFlags,
  onEvent: ListenOptions['onEvent'],
): void {
  flags.failed = true;
  // An abort we asked for is not news to the trainee.
  if (event.error === 'aborted' && flags.userStopped) return;
  const code = knownErrors.has(event.error) ? (event.error as SpeechErrorCode) : 'unknown';
  onEvent({ type: 'error', code, detail: event.message || undefined });
}

/** Restarts a continuous session the engine ended on its own; otherwise reports the end once. */
function handleEnd(
  rec: SpeechRecognition,
  flags: SessionFlags,
  { continuous, onEvent }: ListenOptions,
): void {
  // Engines end on their own after a pause; in continuous mode keep listening until stopped.
  if (continuous && !flags.userStopped && !flags.failed) {
    try {
      rec.start();
      return;
    } catch {
      // fall through and end
    }
  }
  if (flags.finished) return;
  flags.finished = true;
  onEvent({ type: 'ended' });
}

/** Starts the recogniser; if it refuses, reports the error and the end after the caller has the session. */
function start(rec: SpeechRecognition, flags: SessionFlags, onEvent: ListenOptions['onEvent']): void {
  try {
    rec.start();
  } catch (error) {
    queueMicrotask(() => {
      onEvent({ type: 'error', code: 'unknown', detail: String(error) });
      onEvent({ type: 'ended' });
    });
    flags.finished = true;
  }
}

function listenNative(
  ctor: RecognitionConstructor,
  settings: NativeSettings,
  options: ListenOptions,
): ListeningSession {
  const { onEvent } = options;
  const rec = makeRecognition(ctor, settings, options.continuous);
  const flags: SessionFlags = { userStopped: false, failed: false, finished: false };
  rec.onstart = () => onEvent({ type: 'listening' });
  rec.onresult = (event: SpeechRecognitionEvent) => reportResults(event, onEvent, settings.now);
  rec.onerror = (event: SpeechRecognitionErrorEvent) => reportError(event, flags, onEvent);
  rec.onend = () => handleEnd(rec, flags, options);
  start(rec, flags, onEvent);
  return {
    stop: () => {
      flags.userStopped = true;
      rec.stop();
    },
    abort: () => {
      flags.userStopped = true;
      rec.abort();
    },
  };
}

export function createNativeEngine(
  ctor: RecognitionConstructor,
  options: NativeOptions = {},
): RecognitionEngine {
  const settings: NativeSettings = {
    lang: options.lang ?? 'en-GB',
    processLocally: options.processLocally ?? false,
    maxAlternatives: options.maxAlternatives ?? DEFAULT_MAX_ALTERNATIVES,
    now: options.now ?? (() => performance.now()),
  };
  return {
    kind: settings.processLocally ? 'native-local' : 'native-cloud',
    where: settings.processLocally ? 'on-device' : 'cloud',
    prepare: async () => ({ ok: true }),
    listen: (listenOptions: ListenOptions) => listenNative(ctor, settings, listenOptions),
  };
}
