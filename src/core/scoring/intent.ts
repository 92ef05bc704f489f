/**
 * The intent matcher: which procedural move (not a verbatim statement) an utterance makes, if any, among
 * a state's candidates. Split by job, as Fuse splits its search: analyse (intent-analyse.ts: words to
 * concepts, negation, question form), embed (intent-semantic.ts: sentence vectors read through a lookup
 * filled by an adapter beforehand), score (intent-score.ts, intent-lexical.ts), decide (intent-decide.ts:
 * none, unclear, asymmetric care for risky moves) and explain (intent-explain.ts: evidence).
 * Without vectors the lexical stage decides alone, as it did before the semantic stage existed.
 */
import { decide } from './intent-decide.ts';
import { discriminantLead, discriminantOf } from './intent-discriminant.ts';
import { analyse } from './intent-analyse.ts';
import { explain } from './intent-explain.ts';
import type { IntentModel } from './intent-model.ts';
import { negationReverses } from './intent-negation.ts';
import { noMoveSimilarity, scoreCandidates } from './intent-score.ts';
import type { VectorTable } from './intent-semantic.ts';
import type { IntentMatch } from './types.ts';

export { compileIntents, exampleTexts, type IntentModel } from './intent-model.ts';
export { plainText } from './intent-analyse.ts';
export { embeddingTexts, turnTexts } from './intent-segments.ts';
export type { VectorTable } from './intent-semantic.ts';

/**
 * The matcher's version, recorded with every decision saved on a turn, so that a review can say which
 * matcher decided a call and a re-score can say what changed. Raise it whenever a change to the
 * analysis, features, thresholds or decision rules can change what an utterance is read as (the eval
 * figures in the README's "Reading the evidence" are measured at this version).
 */
export const MATCHER_VERSION = '12';

export interface MatchOptions {
  /** The intents to choose among (a state's candidates); all when absent. */
  only?: readonly string[];
  /**
   * With vectors, the moves scored as rivals though the state does not expect them (the scenario's other moves);
   * every intent of the pack when absent.
   */
  rivals?: readonly string[];
  /** Sentence vectors by plain text; without one for the utterance, the lexical stage decides. */
  vectors?: VectorTable | undefined;
  /** Moves that end the call or raise a critical error here: they need clearer evidence. */
  risky?: ReadonlySet<string> | undefined;
  /** Moves that only get a reply here: one said as a preface gives way to the move after it (intent-decide.ts). */
  minor?: ReadonlySet<string> | undefined;
}

/** The best intent for an utterance, or none, with a confidence, the words that matched and the evidence. */
export function matchIntent(model: IntentModel, text: string, options: MatchOptions = {}): IntentMatch {
  const cands = scoreCandidates(model, text, {
    ...(options.only ? { only: options.only } : {}),
    ...(options.rivals ? { rivals: options.rivals } : {}),
    ...(options.vectors ? { vectors: options.vectors } : {}),
  });
  const hybrid = cands.some((c) => c.semantic !== undefined);
  const noMove = hybrid ? noMoveSimilarity(model, text, options.vectors) : 0;
  const kindWords = hybrid ? noMoveSimilarity(model, text, options.vectors, model.kindWords) : 0;
  const table = hybrid ? options.vectors : undefined;
  // Read only when the decision asks (a move just short of its bar): the discriminant is fitted once per pack.
  const lead = table
    ? (id: string) => {
        const d = discriminantOf(model, table);
        return d && discriminantLead(d, table, text, id, new Set(cands.map((c) => c.id)));
      }
    : undefined;
  // Asked only when the discriminant would vouch; the words are analysed once however many moves it asks about.
  let said: ReturnType<typeof analyse> | undefined;
  const reverses = (id: string): boolean => {
    const intent = model.byId.get(id);
    return intent !== undefined && negationReverses(intent, (said ??= analyse(text)));
  };
  return explain(
    decide(cands, {
      risky: options.risky,
      minor: options.minor,
      noMove,
      kindWords,
      reverses,
      ...(lead ? { lead } : {}),
    }),
    hybrid ? (options.vectors?.model ?? null) : null,
  );
}
