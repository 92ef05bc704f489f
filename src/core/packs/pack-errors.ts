import { LineCounter, parseDocument, isCollection } from 'yaml';

/** One problem with a pack, as plain data: shown by the CLI, the pack editor and the import screen. */
export interface PackError {
  file: string;
  /** Where in the pack, as `scenarios[0].states.open.on[1].to`; empty for the whole file. */
  path: string;
  message: string;
  line?: number;
  column?: number;
  severity: 'error' | 'warning';
}

export type PathSegment = string | number;

/** `['scenarios', 0, 'states', 'open']` -> `scenarios[0].states.open`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out;
}

/** One line per problem: `FILE: path.in.pack: message (line L, column C)`. */
export function formatPackError(e: PackError): string {
  const tag = e.severity === 'warning' ? 'warning: ' : '';
  const at = e.line !== undefined ? ` (line ${e.line}, column ${e.column ?? 1})` : '';
  return `${e.file}: ${e.path === '' ? '(file)' : e.path}: ${tag}${e.message}${at}`;
}

/**
 * Finds line and column for each error's path in the source text, when the source is given.
 * Only runs when there are errors to place, so a valid pack never pays for a second parse.
 */
export function placeErrors(
  errors: PackError[],
  paths: PathSegment[][],
  source: string | undefined,
): PackError[] {
  if (source === undefined || errors.length === 0) return errors;
  const lineCounter = new LineCounter();
  let doc;
  try {
    doc = parseDocument(source, { lineCounter, uniqueKeys: false });
  } catch {
    return errors;
  }
  return errors.map((e, i) => {
    const path = paths[i] ?? [];
    // Walk down as far as the path exists: a missing key is reported at its parent.
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range !== undefined && (n === path.length || isCollection(node) || n === 0)) {
        const pos = lineCounter.linePos(range[0]);
        return { ...e, line: pos.line, column: pos.col };
      }
    }
    return e;
  });
}
