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

export function createNativeEngine(
  ctor: RecognitionConstructor,
  options: NativeOptions = {},
): RecognitionEngine {
  const {
    lang = 'en-GB',
    processLocally = false,
    maxAlternatives = 5,
    now = () => performance.now(),
  } = options;
  return {
    kind: processLocally ? 'native-local' : 'native-cloud',
    where: processLocally ? 'on-device' : 'cloud',
    prepare: async () => ({ ok: true }),
    listen({ continuous, onEvent }: ListenOptions): ListeningSession {
      const rec = new ctor();
      rec.lang = lang;
      rec.continuous = continuous;
      rec.interimResults = true;
      rec.maxAlternatives = maxAlternatives;
      if (processLocally) (rec as SpeechRecognition & { processLocally: boolean }).processLocally = true;
      let userStopped = false;
      let failed = false;
      let finished = false;

      rec.onstart = () => onEvent({ type: 'listening' });
      rec.onresult = (event: SpeechRecognitionEvent) => {
        let interim = '';
        for (let i = event.resultIndex; i < event.results.length; i += 1) {
          const result = event.results[i];
          if (!result) continue;
          if (result.isFinal) {
            const alternatives: Hypothesis[] = [];
            for (let j = 0; j < result.length; j += 1) {
              const alt = result[j];
              if (alt && alt.transcript.trim())
                alternatives.push({ text: alt.transcript.trim(), confidence: alt.confidence });
            }
            if (alternatives.length) onEvent({ type: 'final', alternatives, at: now() });
          } else {
            interim += result[0]?.transcript ?? '';
          }
        }
        if (interim.trim()) onEvent({ type: 'interim', text: interim.trim() });
      };
      rec.onerror = (event: SpeechRecognitionErrorEvent) => {
        failed = true;
        // An abort we asked for is not news to the trainee.
        if (event.error === 'aborted' && userStopped) return;
        const code = knownErrors.has(event.error) ? (event.error as SpeechErrorCode) : 'unknown';
        onEvent({ type: 'error', code, detail: event.message || undefined });
      };
      rec.onend = () => {
        // Engines end on their own after a pause; in continuous mode keep listening until stopped.
        if (continuous && !userStopped && !failed) {
          try {
            rec.start();
            return;
          } catch {
            // fall through and end
          }
        }
        if (finished) return;
        finished = true;
        onEvent({ type: 'ended' });
      };
      try {
        rec.start();
      } catch (error) {
        queueMicrotask(() => {
          onEvent({ type: 'error', code: 'unknown', detail: String(error) });
          onEvent({ type: 'ended' });
        });
        finished = true;
      }
      return {
        stop: () => {
          userStopped = true;
          rec.stop();
        },
        abort: () => {
          userStopped = true;
          rec.abort();
        },
      };
    },
  };
}
