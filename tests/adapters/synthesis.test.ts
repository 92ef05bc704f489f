import { describe, expect, it } from 'vitest';
import { createCallerVoice, pickVoice, sentences } from '../../src/adapters/synthesis.ts';
import { installFake } from './speech/fake.ts';

describe('caller voice', () => {
  it('splits a line into sentences', () => {
    expect(sentences('Hello. Is that the CMS? I need help!')).toEqual([
      'Hello.',
      'Is that the CMS?',
      'I need help!',
    ]);
    expect(sentences('no stop')).toEqual(['no stop']);
  });

  it('prefers the chosen voice, then en-GB, then any English', () => {
    const voices = [
      { id: 'us', name: 'US', lang: 'en-US' },
      { id: 'gb', name: 'GB', lang: 'en-GB' },
    ];
    expect(pickVoice(voices, null)?.id).toBe('gb');
    expect(pickVoice(voices, 'us')?.id).toBe('us');
    expect(pickVoice([voices[0]!], null)?.id).toBe('us');
    expect(pickVoice([], null)).toBeNull();
  });

  it('speaks each sentence with an en-GB voice and the persona rate and pitch', async () => {
    const fake = installFake();
    const voice = createCallerVoice(globalThis as unknown as Window);
    await voice.speak('Hello. Who is this?', { rate: 1.2, pitch: 0.8 });
    expect(fake.spoken).toEqual([
      { text: 'Hello.', lang: 'en-GB', rate: 1.2, pitch: 0.8, voice: 'Fake British Female' },
      { text: 'Who is this?', lang: 'en-GB', rate: 1.2, pitch: 0.8, voice: 'Fake British Female' },
    ]);
  });
});
