// The caller's voice: speechSynthesis with an en-GB voice where there is one. Lines are also shown
// as captions, so a browser with no voices (or a muted caller) loses nothing.

import type { CallerVoice, VoiceInfo } from '../core/ports/index.ts';

/**
 * When a sentence's end event is given up on (some engines never fire it, e.g. with no audio device): a
 * fixed allowance for the engine to start, plus 120 ms a character, half as much again as normal-rate
 * speech takes (about 150 words a minute, ~80 ms a character), so a slow voice is never cut short.
 */
const END_WAIT_BASE_MS = 3000;
const END_WAIT_PER_CHAR_MS = 120;
/** The rate and pitch ranges the Web Speech API accepts (rate 0.1-10 is allowed, but outside 0.5-2 is hard to follow). */
const RATE_RANGE = [0.5, 2] as const;
const PITCH_RANGE = [0, 2] as const;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Splits a caller line into sentences: some voices stop early on long utterances. */
export function sentences(text: string): string[] {
  return (text.match(/[^.!?]+[.!?]+["')\]]*\s*|[^.!?]+$/g) ?? [text]).map((s) => s.trim()).filter(Boolean);
}

/** The voice to use: the chosen one, else the first en-GB, else any English, else the default. */
export function pickVoice(
  voices: VoiceInfo[],
  preferredId: string | null | undefined,
  lang = 'en-GB',
): VoiceInfo | null {
  const wanted = lang.toLowerCase();
  return (
    voices.find((v) => v.id === preferredId) ??
    voices.find((v) => v.lang.replace('_', '-').toLowerCase() === wanted) ??
    voices.find((v) => v.lang.toLowerCase().startsWith(wanted.slice(0, 2))) ??
    null
  );
}

export function createCallerVoice(win: Window = window): CallerVoice {
  const synth = 'speechSynthesis' in win ? win.speechSynthesis : null;
  const Utterance = (win as unknown as { SpeechSynthesisUtterance?: typeof SpeechSynthesisUtterance })
    .SpeechSynthesisUtterance;
  const native = () => synth?.getVoices() ?? [];
  const info = (v: SpeechSynthesisVoice): VoiceInfo => ({
    id: v.voiceURI || v.name,
    name: v.name,
    lang: v.lang,
  });
  let generation = 0;

  return {
    supported: synth !== null && Utterance !== undefined,
    voices: () => native().map(info),
    onVoicesChanged(listener) {
      if (!synth) return () => {};
      synth.addEventListener('voiceschanged', listener);
      return () => synth.removeEventListener('voiceschanged', listener);
    },
    async speak(text, options = {}) {
      if (!synth || !Utterance) return;
      const mine = ++generation;
      const lang = options.lang ?? 'en-GB';
      const chosen = pickVoice(this.voices(), options.voiceId, lang);
      const voice = native().find((v) => chosen && info(v).id === chosen.id) ?? null;
      for (const sentence of sentences(text)) {
        if (mine !== generation) return;
        await new Promise<void>((resolve) => {
          const u = new Utterance(sentence);
          u.lang = voice?.lang ?? lang;
          if (voice) u.voice = voice;
          u.rate = clamp(options.rate ?? 1, ...RATE_RANGE);
          u.pitch = clamp(options.pitch ?? 1, ...PITCH_RANGE);
          // Some engines never fire end (no audio device): give up after a generous estimate.
          const timer = setTimeout(resolve, END_WAIT_BASE_MS + sentence.length * END_WAIT_PER_CHAR_MS);
          const done = () => {
            clearTimeout(timer);
            resolve();
          };
          u.onend = done;
          u.onerror = done;
          synth.speak(u);
        });
      }
    },
    cancel() {
      generation += 1;
      synth?.cancel();
    },
  };
}
