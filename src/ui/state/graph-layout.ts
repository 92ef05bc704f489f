// The scenario graph's layout: elkjs places the nodes and routes the edges (layered, top to bottom).
// elkjs is loaded only when a graph is first drawn.
import type { GraphEdge, GraphNode, ScenarioStructure } from './scenario-structure.ts';

export interface Positioned {
  width: number;
  height: number;
  nodes: (GraphNode & { x: number; y: number; w: number; h: number })[];
  edges: (GraphEdge & { points: { x: number; y: number }[]; labelAt: { x: number; y: number } | null })[];
}

/**
 * A box sized to one line of text, in SVG units for govuk-frontend's 16px body text (measured on the packs
 * page's own font): its height, the average width of a character, its horizontal padding, and its width
 * bounds.
 */
interface TextBox {
  height: number;
  charWidth: number;
  padding: number;
  minWidth: number;
  maxWidth: number;
}
/**
 * A node: one line of the title and govuk-frontend's 12px padding either side; room for a short title, and
 * one long title does not widen its layer.
 */
const NODE_BOX: TextBox = { height: 44, charWidth: 7.2, padding: 24, minWidth: 90, maxWidth: 260 };
/**
 * An edge label: one line of the smaller label text, unpadded; room for a short word, and no more room for a
 * long label, so one long label does not push the nodes of its layer apart.
 */
const LABEL_BOX: TextBox = { height: 16, charWidth: 6.2, padding: 0, minWidth: 40, maxWidth: 220 };
/** The width of a box holding this many characters, within the box's bounds. */
const boxWidth = (box: TextBox, chars: number) =>
  Math.min(box.maxWidth, Math.max(box.minWidth, chars * box.charWidth + box.padding));
/** A margin added to the drawing's size, so the outermost edges and arrowheads are not clipped by the SVG's box. */
const DRAWING_MARGIN = 20;
/**
 * elkjs's options, layered top to bottom. Spacings: the gap between layers leaves room for an edge label
 * between them (a label's height plus margins); nodes side by side keep a gap wider than a label's offset;
 * labels sit just off their edge.
 */
const LAYOUT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeLabels.inline': 'false',
  'elk.layered.spacing.nodeNodeBetweenLayers': '60',
  'elk.spacing.nodeNode': '30',
  'elk.spacing.edgeLabel': '4',
};

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
  const width = (n: GraphNode) => boxWidth(NODE_BOX, n.title.length + 2);
  const result = (await elk.layout({
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: structure.nodes.map((n) => ({ id: n.id, width: width(n), height: NODE_BOX.height })),
    edges: structure.edges.map((e) => ({
      id: e.id,
      sources: [e.from],
      targets: [e.to],
      labels: [{ text: e.label, width: boxWidth(LABEL_BOX, e.label.length), height: LABEL_BOX.height }],
    })),
  })) as ElkResult;
  const placed = new Map((result.children ?? []).map((c) => [c.id, c]));
  const routed = new Map((result.edges ?? []).map((e) => [e.id, e]));
  return {
    width: Math.ceil((result.width ?? 0) + DRAWING_MARGIN),
    height: Math.ceil((result.height ?? 0) + DRAWING_MARGIN),
    nodes: structure.nodes.map((n) => {
      const c = placed.get(n.id);
      return { ...n, x: c?.x ?? 0, y: c?.y ?? 0, w: c?.width ?? width(n), h: c?.height ?? NODE_BOX.height };
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
