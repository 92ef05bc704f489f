// The scenario graph's layout: elkjs places the nodes and routes the edges (layered, top to bottom).
// elkjs is loaded only when a graph is first drawn.
import type { GraphEdge, GraphNode, ScenarioStructure } from './scenario-structure.ts';

export interface Positioned {
  width: number;
  height: number;
  nodes: (GraphNode & { x: number; y: number; w: number; h: number })[];
  edges: (GraphEdge & { points: { x: number; y: number }[]; labelAt: { x: number; y: number } | null })[];
}

// Sizes in SVG units for govuk-frontend's 16px body text (measured on the packs page's own font).
/** A node's height: one line of text and its padding. */
const NODE_H = 44;
/** Average width of a character of a node's title. */
const CHAR_W = 7.2;
/** An edge label's height: one line of the smaller label text. */
const LABEL_H = 16;
/** Average width of a character of an edge label (smaller text than a node's title). */
const LABEL_CHAR_W = 6.2;
/**
 * An edge label's width bounds: room for a short word, and no more room than this for a long label, so
 * one long label does not push the nodes of its layer apart.
 */
const LABEL_MIN_W = 40;
const LABEL_MAX_W = 220;
/** A node's width bounds: room for a short title with its padding, and one long title does not widen its layer. */
const NODE_MIN_W = 90;
const NODE_MAX_W = 260;
/** A node's horizontal padding: govuk-frontend's 12px either side of the title. */
const NODE_PAD_W = 24;
/** A margin added to the drawing's size, so the outermost edges and arrowheads are not clipped by the SVG's box. */
const DRAWING_MARGIN = 20;
/**
 * elkjs spacings: the gap between layers leaves room for an edge label between them (LABEL_H plus
 * margins); nodes side by side keep a gap wider than a label's offset; labels sit just off their edge.
 */
const LAYER_GAP = '60';
const NODE_GAP = '30';
const LABEL_GAP = '4';
const labelWidth = (text: string) => Math.min(LABEL_MAX_W, Math.max(LABEL_MIN_W, text.length * LABEL_CHAR_W));

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
  const width = (n: GraphNode) =>
    Math.max(NODE_MIN_W, Math.min(NODE_MAX_W, (n.title.length + 2) * CHAR_W + NODE_PAD_W));
  const result = (await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.edgeLabels.inline': 'false',
      'elk.layered.spacing.nodeNodeBetweenLayers': LAYER_GAP,
      'elk.spacing.nodeNode': NODE_GAP,
      'elk.spacing.edgeLabel': LABEL_GAP,
    },
    children: structure.nodes.map((n) => ({ id: n.id, width: width(n), height: NODE_H })),
    edges: structure.edges.map((e) => ({
      id: e.id,
      sources: [e.from],
      targets: [e.to],
      labels: [{ text: e.label, width: labelWidth(e.label), height: LABEL_H }],
    })),
  })) as ElkResult;
  const placed = new Map((result.children ?? []).map((c) => [c.id, c]));
  const routed = new Map((result.edges ?? []).map((e) => [e.id, e]));
  return {
    width: Math.ceil((result.width ?? 0) + DRAWING_MARGIN),
    height: Math.ceil((result.height ?? 0) + DRAWING_MARGIN),
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
