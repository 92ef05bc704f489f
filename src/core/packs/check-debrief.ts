// Debrief points that depend on what happened must be able to happen before their ending: a point naming
// a state the call cannot pass through on its way to that ending, or a move the scenario never credits,
// could never be shown, and is almost always a copy-and-paste slip. Such a pack is refused.
import type { Finding } from './check-pack.ts';
import type { PathSegment } from './pack-errors.ts';
import type { DebriefConditionSpec, ScenarioSpec } from './pack-schema.ts';
import { reachable, scenarioGraph } from './lint-pack.ts';

export function checkDebriefPoints(s: ScenarioSpec, at: PathSegment[], out: Finding[]): void {
  const edges = scenarioGraph(s);
  const fromStart = reachable(edges, s.initial);
  const moves = new Set(s.moves.map((m) => m.intent));
  const check = (ending: string, path: PathSegment[], cond: DebriefConditionSpec | undefined) => {
    if (cond === undefined) return;
    const err = (message: string) => out.push({ path: [...at, ...path, 'onlyIf'], message });
    if (cond.move !== undefined && !moves.has(cond.move)) {
      err(`move "${cond.move}" is not one of this scenario's moves, so it is never credited`);
    } else if (cond.state !== undefined && !Object.hasOwn(s.states, cond.state)) {
      err(`no state "${cond.state}" in this scenario`);
    } else if (cond.state !== undefined && !fromStart.has(cond.state)) {
      err(`state "${cond.state}" cannot be reached, so this point could never apply`);
    } else if (cond.state !== undefined && !reachable(edges, cond.state).has(ending)) {
      err(`the call cannot reach "${ending}" after "${cond.state}", so this point could never apply`);
    }
  };
  for (const [id, e] of Object.entries(s.endings)) {
    e.points.forEach((p, i) => check(id, ['endings', id, 'points', i], p.onlyIf));
    e.procedure.forEach((c, i) => check(id, ['endings', id, 'procedure', i], c.onlyIf));
  }
}
