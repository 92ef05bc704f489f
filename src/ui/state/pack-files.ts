// Pack files leaving the packs screens: downloading a pack's text under its export name, and the
// pack format's property names that the editor offers for completion.
import { packJsonSchema } from '../../core/packs/index.ts';
import { download } from './download.ts';

/** Offers a pack's text as a file download, typed by its extension. */
export function downloadText(text: string, fileName: string): void {
  download(fileName, text, /\.json$/i.test(fileName) ? 'application/json' : 'application/yaml');
}

/** The file name a pack is exported as. */
export const exportName = (p: { id: string; version: string; format: 'yaml' | 'json' }): string =>
  `${p.id}-${p.version}.${p.format === 'json' ? 'json' : 'yaml'}`;

/**
 * How deep the walk over the pack format's JSON Schema goes. The schema nests about a dozen levels
 * (pack, scenario, state, transition, guard params); the bound stops a self-referencing schema looping.
 */
const SCHEMA_DEPTH_LIMIT = 40;

/** Every property name the pack format uses, for completion. */
export function schemaKeys(): string[] {
  const keys = new Set<string>();
  const walk = (node: unknown, depth: number) => {
    if (depth > SCHEMA_DEPTH_LIMIT || typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      for (const n of node) walk(n, depth + 1);
      return;
    }
    const props = (node as { properties?: Record<string, unknown> }).properties;
    if (props) for (const k of Object.keys(props)) keys.add(k);
    for (const v of Object.values(node)) walk(v, depth + 1);
  };
  walk(packJsonSchema(), 0);
  return [...keys].sort();
}
