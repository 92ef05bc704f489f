/**
 * Denied: a trainee who says they will not ask, tell or promise something ("I'm not going to ask you to stop
 * recording, don't worry", "I won't be telling you to stop recording") is not asking, telling or promising it. The
 * sentence encoder hardly sees the negation, so such a turn sits close to the move it denies. A move with
 * consequences is not read from a turn that denies a speech act in the first person, unless the move's own examples
 * say it the same way.
 */
import type { CompiledIntent } from './intent-model.ts';
import { plainText } from './intent-analyse.ts';

/** "I'm not going to ask", "I won't be telling", "I will not promise": a speech act denied by the speaker. */
const DENIED_ACT =
  /\bi(?:'m| am) not (?:going to|gonna) (?:ask|tell|promise)|\bi (?:won't|will not|wont)(?: be)? (?:ask|tell|promis)/;

/** Whether `text` denies, in the first person, a speech act that `intent`'s examples never deny. */
export function deniesAct(intent: CompiledIntent, text: string): boolean {
  if (!DENIED_ACT.test(plainText(text))) return false;
  return !intent.examples.some((e) => DENIED_ACT.test(e.plain));
}
