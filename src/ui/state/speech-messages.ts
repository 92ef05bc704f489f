import type { SpeechErrorCode } from '../../core/ports/index.ts';

/** Plain English for each recogniser problem, always with a way on. Typing always works. */
const messages: Record<SpeechErrorCode, string> = {
  'not-allowed':
    'The browser is not allowed to use your microphone. Allow microphone access for this site (your IT team may need to do this), then press Speak again. Meanwhile, type your answer.',
  'audio-capture':
    'No microphone could be used. Check your headset is plugged in and not in use by another program, then press Speak again, or type your answer.',
  'no-speech':
    'Nothing was heard. Press Speak and try again, a little closer to the microphone, or type your answer.',
  network:
    'The speech service could not be reached: it needs an internet connection, which may be blocked here. Type your answer, or try speaking again later.',
  aborted:
    'Listening stopped before your answer was recognised. Press Speak to try again, or type your answer.',
  'service-not-allowed':
    'This browser, or your organisation, does not allow its speech service here. Type your answers instead.',
  'language-not-supported':
    'British English speech recognition is not installed on this computer. Install it, or type your answers.',
  'not-set-up':
    'Voice answers are not set up on this computer: this browser has no speech recognition, and no offline speech model has been configured for this site. Type your answers instead.',
  'load-failed': 'The offline speech model could not be loaded. Type your answers, or try voice again later.',
  unknown:
    'Speech recognition stopped with an unexpected problem. Press Speak to try again, or type your answer.',
};

export function speechErrorMessage(code: SpeechErrorCode, _detail?: string): string {
  return messages[code];
}
