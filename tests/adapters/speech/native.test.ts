import { beforeEach, describe, expect, it } from 'vitest';
import {
  createNativeEngine,
  findRecognition,
  checkAvailability,
} from '../../../src/adapters/speech/native.ts';
import { detectSpeech, privateEngineKind, cloudProcessor } from '../../../src/adapters/speech/index.ts';
import type { RecognitionEvent } from '../../../src/core/ports/index.ts';
import { installFake, type FakeSpeechControl } from './fake.ts';

let fake: FakeSpeechControl;
beforeEach(() => {
  fake = installFake();
});

function listen(continuous = false, processLocally = false) {
  const ctor = findRecognition(globalThis as unknown as Window);
  if (!ctor) throw new Error('no fake');
  const events: RecognitionEvent[] = [];
  const session = createNativeEngine(ctor, { processLocally }).listen({
    continuous,
    onEvent: (e) => events.push(e),
  });
  const ended = () =>
    new Promise<void>((resolve) => {
      const check = () => (events.some((e) => e.type === 'ended') ? resolve() : setTimeout(check, 1));
      check();
    });
  return { events, session, ended };
}

describe('native speech engine', () => {
  it('asks for en-GB with interim results and several alternatives', async () => {
    const { ended } = listen();
    await fake.say('hello there', { alternatives: [{ text: 'hello their', confidence: 0.4 }] });
    await ended();
    expect(fake.options).toMatchObject({
      lang: 'en-GB',
      interimResults: true,
      maxAlternatives: 5,
      processLocally: false,
    });
  });

  it('reports listening, interim words, then a final result with every alternative, then ended', async () => {
    const { events, ended } = listen();
    await fake.say('I should tell you that this call may be recorded', {
      alternatives: [{ text: 'I should tell you that this call maybe recorded', confidence: 0.5 }],
    });
    await ended();
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('listening');
    expect(types).toContain('interim');
    expect(types.at(-1)).toBe('ended');
    const final = events.find((e) => e.type === 'final');
    expect(final).toMatchObject({
      alternatives: [
        { text: 'I should tell you that this call may be recorded', confidence: 0.92 },
        { text: 'I should tell you that this call maybe recorded', confidence: 0.5 },
      ],
    });
  });

  it.each(['not-allowed', 'audio-capture', 'no-speech', 'network', 'aborted', 'service-not-allowed'])(
    'passes on the %s error and still ends',
    async (code) => {
      const { events, ended } = listen();
      await fake.fail(code);
      await ended();
      expect(events.filter((e) => e.type === 'error')).toEqual([{ type: 'error', code, detail: undefined }]);
    },
  );

  it('reports an error at start (microphone blocked) and ends', async () => {
    fake.failNextStart = 'not-allowed';
    const { events, ended } = listen();
    await ended();
    expect(events.map((e) => e.type)).toEqual(['error', 'ended']);
  });

  it('does not report the abort the trainee asked for', async () => {
    const { events, session, ended } = listen();
    await new Promise((r) => setTimeout(r, 5));
    session.abort();
    await ended();
    expect(events.some((e) => e.type === 'error')).toBe(false);
  });

  it('keeps listening in continuous mode after each utterance until stopped', async () => {
    const { events, session, ended } = listen(true);
    await fake.say('first part');
    await fake.say('second part');
    session.stop();
    await ended();
    expect(
      events.filter((e) => e.type === 'final').map((e) => e.type === 'final' && e.alternatives[0]?.text),
    ).toEqual(['first part', 'second part']);
  });

  it('asks for on-device recognition when told to', async () => {
    installFake({ localAvailable: 'available' });
    const { ended } = listen(false, true);
    await (globalThis as unknown as { __fakeSpeech: FakeSpeechControl }).__fakeSpeech.say('hello');
    await ended();
    expect((globalThis as unknown as { __fakeSpeech: FakeSpeechControl }).__fakeSpeech.options).toMatchObject(
      {
        processLocally: true,
      },
    );
  });
});

describe('speech detection', () => {
  it('finds cloud and on-device availability for en-GB', async () => {
    const ctor = findRecognition(globalThis as unknown as Window);
    expect(ctor && (await checkAvailability(ctor, 'en-GB'))).toEqual({
      cloud: 'available',
      local: 'downloadable',
    });
  });

  it('prefers on-device recognition and falls back to the offline model only with no native engine', async () => {
    installFake({ localAvailable: 'available' });
    const support = await detectSpeech(globalThis as unknown as Window, null);
    expect(privateEngineKind(support)).toBe('native-local');
    expect(privateEngineKind({ ...support, local: 'downloadable' })).toBeNull();
    expect(privateEngineKind({ ...support, native: false, voskModelUrl: '/models/en.tar.gz' })).toBe('vosk');
    expect(privateEngineKind({ ...support, native: false, voskModelUrl: null })).toBeNull();
  });

  it('names who processes cloud audio', () => {
    expect(cloudProcessor('Mozilla/5.0 Chrome/150.0 Safari/537.36 Edg/150.0')).toBe('Microsoft');
    expect(cloudProcessor('Mozilla/5.0 Chrome/150.0 Safari/537.36')).toBe('Google');
  });
});
