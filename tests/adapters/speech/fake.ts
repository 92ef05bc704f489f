// Installs the browser tests' fake SpeechRecognition and speechSynthesis on Node's globalThis.
import { installFakeSpeech, type FakeSpeechConfig } from '../../e2e/fake-speech.mjs';

export interface FakeSpeechControl {
  say(
    text: string,
    opts?: { alternatives?: { text: string; confidence?: number }[]; confidence?: number },
  ): Promise<boolean>;
  fail(code: string): Promise<void>;
  failNextStart: string | null;
  starts: number;
  options: Record<string, unknown> | null;
  spoken: { text: string; lang: string; rate: number; pitch: number; voice: string | null }[];
  installed: unknown[];
}

export function installFake(config: FakeSpeechConfig = {}): FakeSpeechControl {
  const g = globalThis as Record<string, unknown>;
  g['window'] = globalThis;
  installFakeSpeech(config);
  return g['__fakeSpeech'] as FakeSpeechControl;
}
