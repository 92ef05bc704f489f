// Statements over a call: on each turn, which statements it attempted (the scorer's attempt rule) and
// which the state expected but the turn did not attempt; over the call, the best attempt at each, which
// is what counts for the score.
import { isAttempt } from '../packs/judge.ts';
import type { CompiledScenario } from '../packs/load-pack.ts';
import type { ScoreResult } from '../scoring/types.ts';
import { expectedNotSaid, explainResult, saidLate } from '../feedback/words.ts';
import type { StatementOutcome, TurnStatement } from './types.ts';

interface Best {
  result: ScoreResult;
  turnIndex: number;
  onTime: boolean;
}

export class StatementTally {
  readonly #sc: CompiledScenario;
  readonly #best = new Map<string, Best>();

  constructor(sc: CompiledScenario) {
    this.#sc = sc;
  }

  /** The statements the rules of this state name: what the state expects to hear. */
  expectedIn(stateId: string): Set<string> {
    const out = new Set<string>();
    for (const r of this.#sc.rules.get(stateId) ?? []) {
      const script = r.when.statement ?? r.when.attempt;
      if (r.kind === 'transition' && script !== undefined) out.add(script);
    }
    return out;
  }

  /** Whether the text attempts the statement, by the scorer's attempt rule. */
  attempts(scriptId: string, text: string): ScoreResult | null {
    const st = this.#sc.judge.statements.get(scriptId);
    const result = this.#sc.judge.statement(scriptId, text);
    return st && result && isAttempt(result, st.script.keyElements.length) ? result : null;
  }

  /** Judges one turn and keeps the best on-time attempt of each statement. */
  judgeTurn(turnIndex: number, stateId: string, said: string): TurnStatement[] {
    const expected = this.expectedIn(stateId);
    const out: TurnStatement[] = [];
    for (const [scriptId, st] of this.#sc.judge.statements) {
      const title = st.script.title;
      const result = this.attempts(scriptId, said);
      if (result === null) {
        // Once said acceptably, a statement is not asked for again unless it is attempted again.
        if (expected.has(scriptId) && !this.#saidAcceptably(scriptId))
          out.push({ scriptId, title, attempted: false, explanation: expectedNotSaid(title) });
        continue;
      }
      const onTime = st.withinTurns === undefined || turnIndex < st.withinTurns;
      const prev = this.#best.get(scriptId);
      if (prev === undefined || better({ result, onTime }, prev))
        this.#best.set(scriptId, { result, turnIndex, onTime });
      const explanation = explainResult(result);
      out.push({
        scriptId,
        title,
        attempted: true,
        verdict: result.verdict,
        score: result.score,
        explanation: onTime ? explanation : `${explanation} ${saidLate(turnIndex, st.withinTurns!)}`,
        result,
      });
    }
    return out;
  }

  #saidAcceptably(scriptId: string): boolean {
    const best = this.#best.get(scriptId);
    return best !== undefined && best.result.verdict !== 'fail';
  }

  /** Each statement of the scenario with its best attempt. */
  outcomes(): StatementOutcome[] {
    return this.#sc.spec.statements.map((spec) => {
      const best = this.#best.get(spec.script);
      const title = this.#sc.judge.statements.get(spec.script)!.script.title;
      const withinTurns = spec.within?.turns ?? null;
      return {
        scriptId: spec.script,
        title,
        required: spec.required,
        result: best?.result ?? null,
        turnIndex: best?.turnIndex ?? null,
        withinTurns,
        ...(best && !best.onTime ? { note: saidLate(best.turnIndex, withinTurns!) } : {}),
      };
    });
  }
}

function better(a: { result: ScoreResult; onTime: boolean }, b: Best): boolean {
  if (a.onTime !== b.onTime) return a.onTime;
  return a.result.score > b.result.score;
}
