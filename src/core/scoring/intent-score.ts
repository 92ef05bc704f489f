/**
 * Score: every candidate intent of a state against one utterance, by both stages. Plain data out, so
 * the decision and its explanation can be read, logged and tested apart from how they were computed.
 */
import { analyse, plainText, standardWords, type Analysed } from './intent-analyse.ts';
import { gateOf, lexicalScore, type LexicalScore } from './intent-lexical.ts';
import type { CompiledExample, CompiledIntent, IntentModel } from './intent-model.ts';
import { segmentsOf } from './intent-segments.ts';
import { cosine, semanticScore, type SemanticScore, type VectorTable } from './intent-semantic.ts';

export interface CandidateScore {
  id: string;
  lexical: LexicalScore;
  /** Absent when no vector was available for the utterance (the lexical stage decides alone). */
  semantic?: SemanticScore;
  /** The turn's clause closest to one of this intent's examples, when the turn has several (intent-segments.ts). */
  part?: SemanticScore & { text: string; at: number };
  /** Why this intent is ruled out whatever its score (form, required or excluded words). */
  gate?: string;
  /** False for a move this state does not expect, scored only as a rival (see `decide`). */
  candidate: boolean;
  /** A move that is a question, asked as one: the form itself is evidence the words alone may not give. */
  asked: boolean;
}

export interface ScoreOptions {
  /** The intents to choose among (a state's candidates); all when absent. */
  only?: readonly string[];
  /** With vectors, the other moves scored as rivals; every intent of the pack when absent. */
  rivals?: readonly string[];
  vectors?: VectorTable;
}

/**
 * The nearest no-move example's similarity (0 without vectors): how much this is just talk. `examples`: the model's
 * kind words instead, to ask how much this is only a kind word.
 */
export function noMoveSimilarity(
  model: IntentModel,
  text: string,
  vectors: VectorTable | undefined,
  examples: readonly CompiledExample[] = model.noMove,
): number {
  const v = vectors?.get(plainText(typeof text === 'string' ? text : ''));
  if (v === undefined || vectors === undefined) return 0;
  let best = 0;
  for (const e of examples) {
    const u = vectors.get(e.plain);
    if (u !== undefined) best = Math.max(best, cosine(v, u));
  }
  return best;
}

export function scoreCandidates(model: IntentModel, text: string, opts: ScoreOptions = {}): CandidateScore[] {
  const raw = typeof text === 'string' ? text.slice(0, 5000) : '';
  const said = analyse(raw);
  const lowered = standardWords(raw);
  const vector = opts.vectors?.get(plainText(raw));
  const only = opts.only ? new Set(opts.only) : null;
  // With vectors, moves the state does not expect are scored too, as rivals, so that one is not mistaken for a
  // move the state does expect ("I'm staying on the line" is not "I'm ending the call"). The rivals are the
  // scenario's own moves when given: what a trainee might do in this call, not what another scenario of the same
  // pack happens to define (matcher version 7: a scenario's decisions no longer change with its neighbours).
  const scored =
    vector === undefined ? only : opts.rivals ? new Set([...(only ?? []), ...opts.rivals]) : null;
  const intents =
    only === null || scored === null ? model.intents : model.intents.filter((i) => scored.has(i.def.id));
  const parts = vector && opts.vectors ? clausesOf(raw, opts.vectors) : [];
  return intents.map((intent) => {
    const gate = gateOf(intent, said, lowered);
    const lexical = lexicalScore(model, intent, said);
    const candidate = only === null || only.has(intent.def.id);
    // Only a move the state expects may be carried by a clause (intent-decide.ts `used`): a rival's clauses are not read.
    const part = candidate ? bestPart(intent, parts, opts.vectors) : undefined;
    return {
      id: intent.def.id,
      lexical,
      ...(vector && opts.vectors ? { semantic: semanticScore(intent, said, vector, opts.vectors) } : {}),
      ...(part !== undefined ? { part } : {}),
      ...(gate !== undefined ? { gate } : {}),
      candidate,
      asked: intent.form === 'question' && said.question,
    };
  });
}

interface Clause {
  text: string;
  said: Analysed;
  vector: Float32Array;
}

/** The turn's clauses that have vectors (none for a turn of one clause). */
function clausesOf(raw: string, vectors: VectorTable): Clause[] {
  return segmentsOf(raw).flatMap((text) => {
    const vector = vectors.get(text);
    return vector === undefined ? [] : [{ text, said: analyse(text), vector }];
  });
}

function bestPart(
  intent: CompiledIntent,
  parts: readonly Clause[],
  vectors: VectorTable | undefined,
): (SemanticScore & { text: string; at: number }) | undefined {
  let best: (SemanticScore & { text: string; at: number }) | undefined;
  parts.forEach((p, at) => {
    const s = semanticScore(intent, p.said, p.vector, vectors!);
    if (best === undefined || s.nearest > best.nearest) best = { ...s, text: p.text, at };
  });
  return best;
}
