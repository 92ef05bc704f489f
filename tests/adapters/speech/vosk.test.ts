import { describe, expect, it } from 'vitest';
import {
  createVoskEngine,
  type AudioSource,
  type VoskRecognizerLike,
} from '../../../src/adapters/speech/vosk.ts';
import type { RecognitionEvent } from '../../../src/core/ports/index.ts';

class FakeRecognizer extends EventTarget implements VoskRecognizerLike {
  static last: FakeRecognizer | null = null;
  chunks = 0;
  removed = false;
  constructor(public sampleRate: number) {
    super();
    FakeRecognizer.last = this;
  }
  on(event: string, listener: (message: unknown) => void) {
    this.addEventListener(event, (e) => listener((e as CustomEvent).detail));
  }
  acceptWaveformFloat() {
    this.chunks += 1;
  }
  retrieveFinalResult() {
    this.emit('result', {
      result: { text: 'this call may be recorded', result: [{ conf: 1 }, { conf: 0.5 }] },
    });
  }
  remove() {
    this.removed = true;
  }
  emit(event: string, detail: unknown) {
    this.dispatchEvent(new CustomEvent(event, { detail }));
  }
}

function setup(modelUrl: string | null = '/models/vosk-en.tar.gz') {
  const mic: AudioSource = { sampleRate: 16000, onChunk: null, close: () => {} };
  const progress: (number | null)[] = [];
  const engine = createVoskEngine({
    modelUrl,
    fetchModel: async (_url, onProgress) => {
      onProgress(0.5);
      onProgress(1);
      return 'http://localhost/models/vosk-en.tar.gz';
    },
    loadClient: async () => ({ KaldiRecognizer: FakeRecognizer, terminate: () => {} }),
    openMicrophone: async () => mic,
    now: () => 42,
    cache: { has: () => false, add: () => {} },
  });
  return { engine, mic, progress };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('vosk engine', () => {
  it('says plainly when no model is configured', async () => {
    const { engine } = setup(null);
    expect(await engine.prepare()).toEqual({ ok: false, code: 'not-set-up' });
    const events: RecognitionEvent[] = [];
    engine.listen({ continuous: false, onEvent: (e) => events.push(e) });
    await settle();
    expect(events).toEqual([{ type: 'error', code: 'not-set-up', detail: undefined }, { type: 'ended' }]);
  });

  it('loads the model with progress, streams audio and gives partial and final results', async () => {
    const { engine, mic } = setup();
    const progress: (number | null)[] = [];
    expect(await engine.prepare((p) => progress.push(p))).toEqual({ ok: true });
    expect(progress).toEqual([0.5, 1]);
    const events: RecognitionEvent[] = [];
    const session = engine.listen({ continuous: false, onEvent: (e) => events.push(e) });
    await settle();
    mic.onChunk?.(new Float32Array(10));
    FakeRecognizer.last?.emit('partialresult', { result: { partial: 'this call' } });
    session.stop();
    expect(FakeRecognizer.last?.chunks).toBe(1);
    expect(events).toEqual([
      { type: 'listening' },
      { type: 'interim', text: 'this call' },
      { type: 'final', alternatives: [{ text: 'this call may be recorded', confidence: 0.75 }], at: 42 },
      { type: 'ended' },
    ]);
    expect(FakeRecognizer.last?.removed).toBe(true);
  });

  it('reports a blocked microphone as not-allowed', async () => {
    const engine = createVoskEngine({
      modelUrl: '/m.tar.gz',
      fetchModel: async () => '/m.tar.gz',
      cache: { has: () => false, add: () => {} },
      loadClient: async () => ({ KaldiRecognizer: FakeRecognizer, terminate: () => {} }),
      openMicrophone: async () => {
        throw new DOMException('denied', 'NotAllowedError');
      },
    });
    const events: RecognitionEvent[] = [];
    engine.listen({ continuous: false, onEvent: (e) => events.push(e) });
    await settle();
    await settle();
    expect(events).toEqual([{ type: 'error', code: 'not-allowed', detail: undefined }, { type: 'ended' }]);
  });
});
