/**
 * The intent matcher: which procedural move (not a verbatim statement) an utterance makes, if any, among
 * a state's candidates. Split by job, as Fuse splits its search: analyse (intent-analyse.ts: words to
 * concepts, negation, question form), embed (intent-semantic.ts: sentence vectors read through a lookup
 * filled by an adapter beforehand), score (intent-score.ts, intent-lexical.ts), decide (intent-decide.ts:
 * none, unclear, asymmetric care for risky moves) and explain (intent-explain.ts: evidence).
 * Without vectors the lexical stage decides alone, as it did before the semantic stage existed.
 */
import { CLAUSE_MIN_WORDS, CLAUSE_RISKY_LEAD, KIND_PREFACE, decide, type Decision } from './intent-decide.ts';
import { discriminantLead, discriminantOf } from './intent-discriminant.ts';
import { analyse } from './intent-analyse.ts';
import { askedBack } from './intent-asked.ts';
import { deniesAct } from './intent-denied.ts';
import { explain } from './intent-explain.ts';
import type { IntentModel } from './intent-model.ts';
import { negationReverses } from './intent-negation.ts';
import { noMoveSimilarity, scoreCandidates } from './intent-score.ts';
import { segmentsOf } from './intent-segments.ts';
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
export const MATCHER_VERSION = '16';

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

/**
 * The best intent for an utterance, or none, with a confidence, the words that matched and the evidence. When the
 * whole turn makes no move, or only one that gets a reply, a move with consequences said plainly in one of its
 * clauses is still read (see `riskyClause`); a question back to the caller makes no move its examples make as
 * statements (intent-asked.ts).
 */
export function matchIntent(model: IntentModel, text: string, options: MatchOptions = {}): IntentMatch {
  const whole = judge(model, text, options);
  const encoder = whole.hybrid ? (options.vectors?.model ?? null) : null;
  // Read after the decision, not as gates: a gated move gives way to the next, and the next to a question back or
  // a denial is another move it does not make ("Sorry, did you say you don't consent?" as objecting to recording).
  const none = (reason: string) => explain({ ...whole.decision, intent: null, reason }, encoder);
  const read = whole.decision.intent === null ? undefined : model.byId.get(whole.decision.intent);
  if (read !== undefined && options.risky?.has(read.def.id) === true && deniesAct(read, text))
    return none('the words deny this move');
  if (read !== undefined && askedBack(read, text))
    return none('a question back to the caller, not this move');
  const kind = kindPreface(model, whole.decision, options);
  const clause =
    read === undefined || options.minor?.has(read.def.id) === true || kind !== undefined
      ? riskyClause(model, text, options, kind)
      : null;
  return clause ?? explain(whole.decision, encoder);
}

/**
 * The clause that carried a move with no consequences when that clause is only a kind word (as close as KIND_PREFACE
 * to one of the matcher's kind words): "Oh love, I'm sorry. Let me put you through to a colleague..." is read as
 * empathy from its first clause, though the turn transfers the call.
 */
function kindPreface(model: IntentModel, decision: Decision, options: MatchOptions): string | undefined {
  const part = decision.best?.part;
  if (decision.intent === null || options.risky?.has(decision.intent) === true || part === undefined) return;
  return noMoveSimilarity(model, part, options.vectors, model.kindWords) >= KIND_PREFACE ? part : undefined;
}

/**
 * A move with consequences carried by one clause of a turn, after or before other talk ("Lovely, I'll skip the
 * formal bits since you know what it's about, so what's your full name?"), read from that clause alone: it must be
 * the clause's own decision, by every bar a turn of its own would meet, be a risky move here, have at least
 * CLAUSE_MIN_WORDS words, and be picked by the discriminant by CLAUSE_RISKY_LEAD over every other move of the
 * scenario and over no move. The first such clause is read. After a kind preface (`kindPreface`), the preface itself
 * and conditional clauses are passed over.
 */
function riskyClause(
  model: IntentModel,
  text: string,
  options: MatchOptions,
  kind?: string,
): IntentMatch | null {
  const vectors = options.vectors;
  if (vectors === undefined) return null;
  const clauses = segmentsOf(text);
  for (const [at, clause] of clauses.entries()) {
    if (clause.split(' ').length < CLAUSE_MIN_WORDS || vectors.get(clause) === undefined) continue;
    if (kind !== undefined && (clause === kind || conditional(clause) || conditional(clauses[at - 1] ?? '')))
      continue;
    const { decision, lead } = judge(model, clause, options);
    const id = decision.intent;
    if (id === null || options.risky?.has(id) !== true || decision.best === null) continue;
    if ((lead?.(id) ?? -Infinity) < CLAUSE_RISKY_LEAD) continue;
    return explain({ ...decision, best: { ...decision.best, part: clause } }, vectors.model ?? null);
  }
  return null;
}

/**
 * A clause that sets a condition, or the clause after it, says what would happen, not what is done: after a kind word
 * "if the language carries on, I'll have to end the call" is a warning. (Without a kind preface the rule is not
 * needed, and it would lose a bargain: "If you ring the Samaritans today, I'll make sure the deduction gets stopped.")
 */
function conditional(clause: string): boolean {
  return /^(?:if|unless)\b/.test(clause);
}

interface Judged {
  decision: Decision;
  hybrid: boolean;
  /** The discriminant's lead for a move, with vectors. */
  lead?: (id: string) => number | null;
}

function judge(model: IntentModel, text: string, options: MatchOptions): Judged {
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
  const decision = decide(cands, {
    risky: options.risky,
    minor: options.minor,
    noMove,
    kindWords,
    reverses,
    ...(lead ? { lead } : {}),
  });
  return { decision, hybrid, ...(lead ? { lead } : {}) };
}
