import { beforeEach, describe, expect, it } from 'vitest';
import { createEngine, detectSpeech } from '../../src/adapters/speech/index.ts';
import type { SpeechSupport } from '../../src/core/ports/index.ts';
import { Preferences } from '../../src/ui/state/preferences.svelte.ts';
import { SpeechInput, type FinalSpeech } from '../../src/ui/state/speech-input.svelte.ts';
import { installFake, type FakeSpeechControl } from '../adapters/speech/fake.ts';

const win = globalThis as unknown as Window;
let fake: FakeSpeechControl;

function setup(support?: Partial<SpeechSupport>) {
  const finals: FinalSpeech[] = [];
  let activity = 0;
  const prefs = new Preferences(null);
  const input = new SpeechInput(
    prefs,
    {
      detect: async () => ({ ...(await detectSpeech(win, null)), ...support }),
      create: (kind, s) => createEngine(kind, s, win),
      installLocal: async () => true,
    },
    { onFinal: (f) => finals.push(f), onActivity: () => (activity += 1) },
  );
  return { input, prefs, finals, activity: () => activity };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 2));
};

beforeEach(() => {
  fake = installFake();
});

describe('SpeechInput', () => {
  it('types by default and asks before sending audio to a cloud service', async () => {
    const { input, prefs } = setup();
    await input.init();
    expect(input.voiceOn).toBe(false);
    input.chooseVoice();
    expect(input.askingConsent).toBe(true);
    expect(input.voiceOn).toBe(false);
    input.acceptCloud();
    expect(prefs.cloudConsent).toBe(true);
    expect(input.voiceOn).toBe(true);
  });

  it('hands over the final result with its alternatives, and reports activity while words arrive', async () => {
    fake = installFake({ localAvailable: 'available' });
    const { input, finals, activity } = setup();
    await input.init();
    input.chooseVoice();
    await input.start();
    await fake.say('this call may be recorded', {
      alternatives: [{ text: 'this call maybe recorded', confidence: 0.3 }],
    });
    await until(() => input.status === 'idle');
    expect(finals[0]?.text).toBe('this call may be recorded');
    expect(finals[0]?.alternatives).toHaveLength(2);
    expect(activity()).toBeGreaterThan(0);
  });

  it('keeps the words heard before an error in the answer box', async () => {
    fake = installFake({ localAvailable: 'available' });
    const { input } = setup();
    await input.init();
    input.chooseVoice();
    await input.start();
    await (globalThis as unknown as { __fakeSpeech: { hear(t: string): Promise<void> } }).__fakeSpeech.hear(
      'can I take your',
    );
    await fake.fail('network');
    await until(() => input.status === 'idle');
    expect(input.error?.code).toBe('network');
    expect(input.draft).toBe('can I take your');
  });

  it('says voice is not set up where there is no recogniser and no offline model', async () => {
    const { input } = setup({ native: false, voskModelUrl: null });
    await input.init();
    input.chooseVoice();
    expect(input.voiceUnavailable).toBe(true);
    expect(input.error?.code).toBe('not-set-up');
  });
});
