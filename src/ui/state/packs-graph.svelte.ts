// A scenario as a graph: its states and endings, and the rules that move the call between them.
// `scenarioStructure` is plain data (the accessible list is drawn straight from it); the SVG layout
// comes from elkjs, loaded only when a graph is first drawn.
import type { LoadedPack, ScenarioSpec } from '../../core/packs/index.ts';
import { messageOf } from '../../core/message-of.ts';

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

export interface Positioned {
  width: number;
  height: number;
  nodes: (GraphNode & { x: number; y: number; w: number; h: number })[];
  edges: (GraphEdge & { points: { x: number; y: number }[]; labelAt: { x: number; y: number } | null })[];
}

const NODE_H = 44;
const CHAR_W = 7.2;
const LABEL_H = 16;
const labelWidth = (text: string) => Math.min(220, Math.max(40, text.length * 6.2));

interface ElkPoint {
  x: number;
  y: number;
}
interface ElkResult {
  width?: number;
  height?: number;
  children?: { id: string; x?: number; y?: number; width?: number; height?: number }[];
  edges?: {
    id: string;
    sections?: { startPoint: ElkPoint; endPoint: ElkPoint; bendPoints?: ElkPoint[] }[];
    labels?: { x?: number; y?: number }[];
  }[];
}

/** Lays the structure out with elkjs (layered, top to bottom). */
export async function layoutStructure(structure: ScenarioStructure): Promise<Positioned> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const width = (n: GraphNode) => Math.max(90, Math.min(260, (n.title.length + 2) * CHAR_W + 24));
  const result = (await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeLabels.inline': 'false',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.spacing.nodeNode': '30',
      'elk.spacing.edgeLabel': '4',
    },
    children: structure.nodes.map((n) => ({ id: n.id, width: width(n), height: NODE_H })),
    edges: structure.edges.map((e) => ({
      id: e.id,
      sources: [e.from],
      targets: [e.to],
      labels: [{ text: e.label, width: labelWidth(e.label), height: LABEL_H }],
    })),
  })) as ElkResult;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local value, never reactive state
  const placed = new Map((result.children ?? []).map((c) => [c.id, c]));
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local value, never reactive state
  const routed = new Map((result.edges ?? []).map((e) => [e.id, e]));
  return {
    width: Math.ceil((result.width ?? 0) + 20),
    height: Math.ceil((result.height ?? 0) + 20),
    nodes: structure.nodes.map((n) => {
      const c = placed.get(n.id);
      return { ...n, x: c?.x ?? 0, y: c?.y ?? 0, w: c?.width ?? width(n), h: c?.height ?? NODE_H };
    }),
    edges: structure.edges.map((e) => {
      const r = routed.get(e.id);
      const sec = r?.sections?.[0];
      const points = sec ? [sec.startPoint, ...(sec.bendPoints ?? []), sec.endPoint] : [];
      const label = r?.labels?.[0];
      return {
        ...e,
        points,
        labelAt: label?.x !== undefined && label.y !== undefined ? { x: label.x, y: label.y } : null,
      };
    }),
  };
}

/** Holds one scenario's layout while its page is open. */
export class GraphView {
  layout = $state.raw<Positioned | null>(null);
  failed = $state<string | null>(null);

  async draw(structure: ScenarioStructure): Promise<void> {
    this.layout = null;
    this.failed = null;
    try {
      this.layout = await layoutStructure(structure);
    } catch (error) {
      this.failed = messageOf(error);
    }
  }
}
