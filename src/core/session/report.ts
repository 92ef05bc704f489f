// The report of a call, from what the replay, the statement tally and the move credit found: the ending
// with the debrief points that apply to what happened, the score and what the trainee can do next.
import type { CompiledScenario, LoadedPack } from '../packs/load-pack.ts';
import type { DebriefConditionSpec, EndingSpec } from '../packs/pack-schema.ts';
import { formatCitation } from '../feedback/words.ts';
import type { CallEnding, CallReport, Expectation, MoveOutcome, StatementOutcome } from './types.ts';

/** What happened on the call, for debrief points that depend on it. */
export interface Happened {
  visited: ReadonlySet<string>;
  made: (intentId: string) => boolean;
}

export function applies(cond: DebriefConditionSpec | undefined, happened: Happened): boolean {
  if (cond === undefined) return true;
  if (cond.state !== undefined) return happened.visited.has(cond.state);
  return cond.move !== undefined && happened.made(cond.move);
}

export function toEnding(id: string, e: EndingSpec, happened: Happened): CallEnding {
  return {
    id,
    title: e.title,
    outcome: e.outcome,
    debrief: e.debrief,
    points: e.points.filter((p) => applies(p.onlyIf, happened)).map((p) => p.text),
    procedure: e.procedure.filter((c) => applies(c.onlyIf, happened)).map(formatCitation),
    ...(e.support ? { support: [...e.support] } : {}),
  };
}

/** 0..100: the mean over required statements (credited score) and required moves (made in time). */
export function scoreOf(sc: CompiledScenario, statements: StatementOutcome[], moves: MoveOutcome[]): number {
  const points: number[] = [];
  statements.forEach((s, i) => {
    if (!sc.spec.statements[i]!.required) return;
    const credited = s.result !== null && s.note === undefined && s.result.verdict !== 'fail';
    points.push(credited ? s.result!.score : 0);
  });
  moves.forEach((m, i) => {
    if (sc.spec.moves[i]!.required) points.push(m.made ? 100 : 0);
  });
  if (points.length === 0) return 100;
  return Math.round(points.reduce((a, b) => a + b, 0) / points.length);
}

export function expectationsOf(pack: LoadedPack, sc: CompiledScenario, stateId: string): Expectation[] {
  const out: Expectation[] = [];
  const seen = new Set<string>();
  for (const r of sc.rules.get(stateId) ?? []) {
    if (r.kind === 'critical') continue;
    const script = r.when.statement ?? r.when.attempt;
    if (script !== undefined && !seen.has(`s:${script}`)) {
      seen.add(`s:${script}`);
      const label = sc.judge.statements.get(script)?.script.title ?? script;
      out.push({ kind: 'statement', scriptId: script, label });
    }
    const ids =
      r.when.intent === undefined ? [] : typeof r.when.intent === 'string' ? [r.when.intent] : r.when.intent;
    for (const id of ids) {
      if (seen.has(`m:${id}`)) continue;
      seen.add(`m:${id}`);
      out.push({ kind: 'move', intentId: id, label: pack.intents.get(id)?.label ?? id });
    }
  }
  return out;
}

/** Ended on a pass ending, with no critical error and a score at or above the pass mark. */
export function passedCall(
  r: Pick<CallReport, 'ended' | 'ending' | 'criticalErrors' | 'score' | 'passMark'>,
) {
  return r.ended && r.ending?.outcome === 'pass' && r.criticalErrors.length === 0 && r.score >= r.passMark;
}
