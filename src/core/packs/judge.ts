// Judging one utterance against one state of a scenario: the predicates behind the machine's guards,
// shared with the session replay so that feedback and transitions can never disagree.
import { matchIntent, type IntentModel, type VectorTable } from '../scoring/intent.ts';
import { discriminantOf } from '../scoring/intent-discriminant.ts';
import { scoreStatement } from '../scoring/verbatim.ts';
import type { CompiledScript } from '../scripts/script-library.ts';
import type { IntentMatch, ScoreResult } from '../scoring/types.ts';
import { plainText } from '../scoring/intent-analyse.ts';
import { FILLERS } from '../text/lexicon.ts';
import { asDefaultPinPositions } from './pin-digits.ts';
import type { ConditionSpec, NeverSaySpec } from './pack-schema.ts';

/** A statement as this scenario judges it: the compiled script plus the scenario's version and tolerance. */
export interface ScenarioStatement {
  script: CompiledScript;
  tolerance: number | undefined;
  required: boolean;
  withinTurns: number | undefined;
  note: string | undefined;
}

const MEMO_LIMIT = 2000;
/** A statement counts as attempted (and is shown in feedback) from this score, even when it fails. */
export const ATTEMPT_SCORE = 50;

/**
 * Whether the trainee was trying to say the statement, even if the wording fails: close enough overall,
 * or at least half its key elements said. A caller cannot tell a flawed attempt from a good one.
 */
export function isAttempt(r: ScoreResult, keyElementCount: number): boolean {
  if (r.verdict !== 'fail' || r.score >= ATTEMPT_SCORE) return true;
  return keyElementCount > 0 && (keyElementCount - r.missingKeyElements.length) * 2 >= keyElementCount;
}

/** Lower case words with punctuation gone, padded with spaces so phrase tests match whole words only. */
export function plainWords(text: string): string {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘`]/g, "'")
    .replace(/[^a-z0-9£'\s]+/g, ' ')
    .replace(/'(?![a-z])|(?<![a-z])'/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !FILLERS.has(w));
  return ` ${words.join(' ')} `;
}

export function saysPhrase(text: string, phrases: readonly string[]): string[] {
  const said = plainWords(text);
  return phrases.filter((p) => said.includes(plainWords(p)));
}

export class Judge {
  readonly #intents: IntentModel;
  readonly #statements: ReadonlyMap<string, ScenarioStatement>;
  readonly #stateIntents: ReadonlyMap<string, string[]>;
  /** Every move the scenario listens for in any state: the rivals of a state's own moves. */
  readonly #rivals: readonly string[];
  readonly #neverSay: readonly NeverSaySpec[];
  readonly #risky: ReadonlyMap<string, ReadonlySet<string>>;
  readonly #minor: ReadonlyMap<string, ReadonlySet<string>>;
  /** Sentence vectors for the call being replayed (see `understanding`); none: the lexical stage decides. */
  #vectors: VectorTable | undefined;
  /** The move recorded for the turn being replayed (see `decided`), read instead of matching again. */
  #recorded: { match: IntentMatch | null } | undefined;
  #intentMemo = new Map<string, IntentMatch>();
  #statementMemo = new Map<string, ScoreResult>();

  constructor(opts: {
    intents: IntentModel;
    statements: ReadonlyMap<string, ScenarioStatement>;
    stateIntents: ReadonlyMap<string, string[]>;
    neverSay: readonly NeverSaySpec[];
    /** Per state, the moves that end the call on a fail or raise a critical error there. */
    risky?: ReadonlyMap<string, ReadonlySet<string>>;
    /** Per state, the moves that only get a reply there (the call stays in the state). */
    minor?: ReadonlyMap<string, ReadonlySet<string>>;
  }) {
    this.#risky = opts.risky ?? new Map();
    this.#minor = opts.minor ?? new Map();
    this.#intents = opts.intents;
    this.#statements = opts.statements;
    this.#stateIntents = opts.stateIntents;
    this.#rivals = [...new Set([...opts.stateIntents.values()].flat())];
    this.#neverSay = opts.neverSay;
  }

  get statements(): ReadonlyMap<string, ScenarioStatement> {
    return this.#statements;
  }

  /**
   * Runs `fn` with sentence vectors available to every intent decision (the replay of one call is
   * synchronous, so the vectors cannot leak into another call's decisions).
   */
  understanding<T>(vectors: VectorTable | undefined, fn: () => T): T {
    const before = this.#vectors;
    this.#vectors = vectors;
    try {
      return fn();
    } finally {
      this.#vectors = before;
    }
  }

  /**
   * Runs `fn` (one turn of a replay) with the move that was decided on that turn when it was played:
   * a stored attempt is shown as the trainee saw it, whatever the matcher would read today.
   */
  decided<T>(match: IntentMatch | null, fn: () => T): T {
    const before = this.#recorded;
    this.#recorded = { match };
    try {
      return fn();
    } finally {
      this.#recorded = before;
    }
  }

  /** Fits what the hybrid matcher fits once per pack and vectors (its discriminant), ahead of the first turn. */
  warm(vectors: VectorTable): void {
    discriminantOf(this.#intents, vectors);
  }

  /** The move the trainee made, among the moves expected in this state. */
  intentAt(stateId: string, text: string): IntentMatch | null {
    const only = this.#stateIntents.get(stateId) ?? [];
    if (only.length === 0) return null;
    if (this.#recorded) return this.#recorded.match;
    return this.intentAmong(only, text, this.#risky.get(stateId), this.#minor.get(stateId));
  }

  /** Whether the moves expected here were too close to tell apart: the caller asks to hear it another way. */
  unclearAt(stateId: string, text: string): boolean {
    return this.intentAt(stateId, text)?.unclear === true;
  }

  /**
   * The intent match with PIN digit positions read as the pack's (see pin-digits.ts), so that asking for
   * or hinting at the third digit counts as the second would; the words shown are the trainee's own.
   */
  #matchAsDefaultPins(
    only: readonly string[],
    text: string,
    risky?: ReadonlySet<string>,
    minor?: ReadonlySet<string>,
  ): IntentMatch {
    const judged = asDefaultPinPositions(text);
    if (judged.replaced.size === 0)
      return matchIntent(this.#intents, text, {
        only,
        rivals: this.#rivals,
        vectors: this.#vectors,
        risky,
        minor,
      });
    const table = this.#vectors;
    // The encoder's vector was made for the words said: look it up under those.
    const vectors: VectorTable | undefined = table && {
      model: table.model,
      get: (plain) => table.get(plain === plainText(judged.text) ? plainText(text) : plain),
    };
    const match = matchIntent(this.#intents, judged.text, {
      only,
      rivals: this.#rivals,
      vectors,
      risky,
      minor,
    });
    const own = (words: readonly string[]) => words.map((w) => judged.replaced.get(w) ?? w);
    return {
      ...match,
      matchedWords: own(match.matchedWords),
      ...(match.evidence ? { evidence: { ...match.evidence, words: own(match.evidence.words) } } : {}),
    };
  }

  intentAmong(
    only: readonly string[],
    text: string,
    risky?: ReadonlySet<string>,
    minor?: ReadonlySet<string>,
  ): IntentMatch {
    const sets = [risky, minor].map((x) => (x ? [...x].join(',') : '')).join('\u0000');
    const key = `${only.join(',')}\u0000${this.#vectors?.model ?? ''}\u0000${sets}\u0000${text}`;
    const hit = this.#intentMemo.get(key);
    if (hit !== undefined) return hit;
    const fresh = this.#matchAsDefaultPins(only, text, risky, minor);
    remember(this.#intentMemo, key, fresh);
    return fresh;
  }

  statement(scriptId: string, text: string): ScoreResult | null {
    const st = this.#statements.get(scriptId);
    if (st === undefined) return null;
    const key = `${scriptId}\u0000${text}`;
    const hit = this.#statementMemo.get(key);
    if (hit !== undefined) return hit;
    const fresh: ScoreResult = scoreStatement(
      st.script,
      text,
      st.tolerance === undefined ? {} : { tolerance: st.tolerance },
    );
    remember(this.#statementMemo, key, fresh);
    return fresh;
  }

  /** Whether a condition holds for this utterance in this state: the one predicate every guard uses. */
  holds(cond: ConditionSpec, stateId: string, text: string): boolean {
    if (cond.otherwise) return true;
    if (cond.intent !== undefined) {
      const wanted = typeof cond.intent === 'string' ? [cond.intent] : cond.intent;
      const got = this.intentAt(stateId, text)?.intent ?? null;
      return got !== null && wanted.includes(got);
    }
    if (cond.statement !== undefined) {
      const r = this.statement(cond.statement, text);
      return r !== null && r.verdict !== 'fail';
    }
    if (cond.attempt !== undefined) {
      const r = this.statement(cond.attempt, text);
      return r !== null && isAttempt(r, this.#statements.get(cond.attempt)!.script.keyElements.length);
    }
    if (cond.phrase !== undefined) return saysPhrase(text, cond.phrase).length > 0;
    return false;
  }

  /** Never-say rules broken by this utterance, with the phrases found. */
  forbidden(text: string): { rule: NeverSaySpec; phrases: string[] }[] {
    const out: { rule: NeverSaySpec; phrases: string[] }[] = [];
    for (const rule of this.#neverSay) {
      const phrases = saysPhrase(text, rule.phrases);
      if (phrases.length > 0) out.push({ rule, phrases });
    }
    return out;
  }
}

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}
