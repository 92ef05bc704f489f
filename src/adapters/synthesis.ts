// The caller's voice: speechSynthesis with an en-GB voice where there is one. Lines are also shown
// as captions, so a browser with no voices (or a muted caller) loses nothing.

import type { CallerVoice, VoiceInfo } from '../core/ports/index.ts';

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
          u.rate = clamp(options.rate ?? 1, 0.5, 2);
          u.pitch = clamp(options.pitch ?? 1, 0, 2);
          // Some engines never fire end (no audio device): give up after a generous estimate.
          const timer = setTimeout(resolve, 3000 + sentence.length * 120);
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
