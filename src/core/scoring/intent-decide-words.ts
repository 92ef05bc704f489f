/**
 * Deciding on words alone (no sentence vectors: words-only mode, or a turn whose vector could not be made), apart from
 * the hybrid decision in intent-decide.ts.
 */
import type { DecideOptions, Decision, None, Ranked } from './intent-decide.ts';

/** Lexical stage alone (no vectors): below this F1 an utterance matches no intent (tests/fixtures/calibration). */
export const LEXICAL_NONE = 0.4;
/**
 * On words alone, how far a risky move must lead a move with no consequences, or give way to it (to no move if that
 * is below LEXICAL_NONE): shared words are all the evidence ("someone can ring you back on a line that isn't
 * recorded" shares its words with promising this call is not recorded). Grid {0, 0.05, 0.1, 0.15} with `eval
 * --lexical` on every labelled set (matcher version 12): 0.05 took false critical errors in good calls from 9 to 6
 * and calls from 452 to 456 of 638, answers 2,678 to 2,679 of 3,138; 0.1 and 0.15 lost answers.
 */
export const LEXICAL_RISKY_MARGIN = 0.05;

/** On words alone: the best move above LEXICAL_NONE, unless a risky one only just leads (LEXICAL_RISKY_MARGIN). */
export function decideOnWords(
  best: Ranked,
  runnerUp: Ranked | null,
  risky: boolean,
  opts: DecideOptions,
  none: None,
): Decision {
  if (best.score < LEXICAL_NONE) return none('too little of it was said');
  const safeRival = runnerUp !== null && !(opts.risky?.has(runnerUp.candidate.id) ?? false);
  if (!risky || !safeRival || best.score - runnerUp.score >= LEXICAL_RISKY_MARGIN)
    return { intent: best.candidate.id, unclear: false, best, runnerUp, risky };
  if (runnerUp.score >= LEXICAL_NONE)
    return { intent: runnerUp.candidate.id, unclear: false, best: runnerUp, runnerUp: best, risky: false };
  return none(`too close to call between ${best.candidate.id} and ${runnerUp.candidate.id}`, true);
}
