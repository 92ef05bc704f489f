// Warnings for packs that load but cannot work as written: unreachable states and endings, states
// with no way out, intents nobody uses, rules that can never apply. Runs on checked packs only.
import type { Finding } from './check-pack.ts';
import type { PackSpec, ScenarioSpec } from './pack-schema.ts';

export function lintPack(pack: PackSpec): Finding[] {
  const out: Finding[] = [];
  const used = new Set<string>();
  pack.scenarios.forEach((s, i) => {
    lintScenario(s, i, out);
    for (const m of s.moves) used.add(m.intent);
    const conds = [...s.critical.map((c) => c.when)];
    for (const st of Object.values(s.states))
      conds.push(...st.critical.map((c) => c.when), ...st.on.map((t) => t.when));
    for (const c of conds) {
      if (typeof c.intent === 'string') used.add(c.intent);
      else c.intent?.forEach((id) => used.add(id));
    }
  });
  pack.intents.forEach((intent, i) => {
    if (!used.has(intent.id))
      out.push({
        path: ['intents', i, 'id'],
        message: `intent "${intent.id}" is never used by any scenario`,
      });
  });
  return out;
}

/** The states and endings each state can lead to, by any rule or by dead air. */
export function scenarioGraph(s: ScenarioSpec): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  const globalTargets = s.critical.flatMap((c) => (c.to === undefined ? [] : [c.to]));
  for (const [id, st] of Object.entries(s.states)) {
    const next = new Set<string>(globalTargets);
    for (const r of [...st.critical, ...st.on]) if (r.to !== undefined) next.add(r.to);
    next.add((st.deadAir ?? s.deadAir).then);
    next.delete(id);
    edges.set(id, next);
  }
  return edges;
}

function lintScenario(s: ScenarioSpec, i: number, out: Finding[]): void {
  const at = ['scenarios', i] as const;
  const edges = scenarioGraph(s);
  const reached = reachable(edges, s.initial);
  for (const id of Object.keys(s.states)) {
    if (!reached.has(id))
      out.push({
        path: [...at, 'states', id],
        message: `state "${id}" can never be reached from "${s.initial}"`,
      });
  }
  for (const id of Object.keys(s.endings)) {
    if (!reached.has(id))
      out.push({ path: [...at, 'endings', id], message: `ending "${id}" can never be reached` });
  }
  // A state from which no ending can be reached traps the trainee: the call could never finish.
  const canEnd = canReachAny(edges, new Set(Object.keys(s.endings)));
  for (const id of Object.keys(s.states)) {
    if (!canEnd.has(id)) {
      out.push({
        path: [...at, 'states', id],
        message: `state "${id}" has no way out: no ending can be reached from it`,
      });
    }
  }
  for (const [id, st] of Object.entries(s.states)) {
    const fallback = st.on.findIndex((t) => t.when.otherwise === true);
    if (fallback >= 0 && fallback < st.on.length - 1) {
      out.push({
        path: [...at, 'states', id, 'on', fallback + 1],
        message: 'this rule can never apply: an `otherwise` rule comes before it',
      });
    }
  }
  if (!Object.values(s.endings).some((e) => e.outcome === 'pass')) {
    out.push({
      path: [...at, 'endings'],
      message: 'no ending has outcome "pass": nobody can pass this scenario',
    });
  }
}

/** Every node reachable from `start` along the edges, `start` included. */
export function reachable(edges: Map<string, Set<string>>, start: string): Set<string> {
  const reached = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const n of edges.get(queue.shift()!) ?? []) {
      if (!reached.has(n)) {
        reached.add(n);
        queue.push(n);
      }
    }
  }
  return reached;
}

/** Every node from which one of `targets` can be reached. */
function canReachAny(edges: Map<string, Set<string>>, targets: Set<string>): Set<string> {
  const canEnd = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const [id, next] of edges) {
      if (!canEnd.has(id) && [...next].some((n) => targets.has(n) || canEnd.has(n))) {
        canEnd.add(id);
        grew = true;
      }
    }
  }
  return canEnd;
}
