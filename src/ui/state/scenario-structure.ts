// A scenario as a graph: its states and endings, and the rules that move the call between them, as
// plain data. The packs screens draw the accessible list straight from it and lay the SVG out from it.
import type { LoadedPack, ScenarioSpec } from '../../core/packs/index.ts';

export type EdgeKind = 'rule' | 'critical' | 'dead-air';

export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  label: string;
  kind: EdgeKind;
}

export interface GraphNode {
  id: string;
  kind: 'state' | 'ending-pass' | 'ending-fail' | 'any';
  title: string;
  initial: boolean;
}

export interface ScenarioStructure {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Rules that stay in a state (a reply, no target), listed but not drawn. */
  stays: { state: string; label: string; critical: boolean }[];
}

/** A node for critical errors checked in every state. */
export const ANY_STATE = '(any state)';

type Condition = ScenarioSpec['states'][string]['on'][number]['when'];

export function describeCondition(when: Condition, pack: LoadedPack): string {
  if (when.otherwise) return 'anything else';
  if (when.statement !== undefined) return `says statement ${when.statement}`;
  if (when.attempt !== undefined) return `attempts statement ${when.attempt}`;
  if (when.phrase !== undefined) return `says “${when.phrase.join('” or “')}”`;
  if (when.intent !== undefined) {
    const ids = typeof when.intent === 'string' ? [when.intent] : when.intent;
    return ids.map((id) => pack.intents.get(id)?.label ?? id).join(' or ');
  }
  return 'condition';
}

export function scenarioStructure(pack: LoadedPack, scenarioId: string): ScenarioStructure | null {
  const s = pack.scenarios.get(scenarioId)?.spec;
  if (!s) return null;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const stays: ScenarioStructure['stays'] = [];
  for (const id of Object.keys(s.states))
    nodes.push({ id, kind: 'state', title: id, initial: id === s.initial });
  for (const [id, e] of Object.entries(s.endings)) {
    nodes.push({
      id,
      kind: e.outcome === 'pass' ? 'ending-pass' : 'ending-fail',
      title: e.title,
      initial: false,
    });
  }
  let n = 0;
  const add = (from: string, to: string, label: string, kind: EdgeKind) =>
    edges.push({ id: `e${n++}`, from, to, label, kind });
  if (s.critical.some((c) => c.to !== undefined))
    nodes.push({ id: ANY_STATE, kind: 'any', title: 'Any state', initial: false });
  for (const c of s.critical) {
    if (c.to !== undefined) add(ANY_STATE, c.to, `critical: ${describeCondition(c.when, pack)}`, 'critical');
    else
      stays.push({ state: ANY_STATE, label: `critical: ${describeCondition(c.when, pack)}`, critical: true });
  }
  for (const [id, st] of Object.entries(s.states)) {
    for (const c of st.critical) {
      if (c.to !== undefined) add(id, c.to, `critical: ${describeCondition(c.when, pack)}`, 'critical');
      else stays.push({ state: id, label: `critical: ${describeCondition(c.when, pack)}`, critical: true });
    }
    for (const r of st.on) {
      if (r.to !== undefined && r.to !== id) add(id, r.to, describeCondition(r.when, pack), 'rule');
      else stays.push({ state: id, label: describeCondition(r.when, pack), critical: false });
    }
    const dead = st.deadAir ?? s.deadAir;
    if (dead.then !== id) add(id, dead.then, `dead air (${dead.after} s)`, 'dead-air');
  }
  return { nodes, edges, stays };
}
