// Pack files leaving the packs screens: downloading a pack's text under its export name, and the
// pack format's property names that the editor offers for completion.
import { packJsonSchema } from '../../core/packs/index.ts';

/** How long the download's object URL lives: long enough for the browser to start the download. */
const DOWNLOAD_URL_LIFETIME_MS = 1000;

/** Offers text as a file download. */
export function downloadText(text: string, fileName: string, doc: Document = document): void {
  const type = /\.json$/i.test(fileName) ? 'application/json' : 'application/yaml';
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
}

/** The file name a pack is exported as. */
export const exportName = (p: { id: string; version: string; format: 'yaml' | 'json' }): string =>
  `${p.id}-${p.version}.${p.format === 'json' ? 'json' : 'yaml'}`;

/** Every property name the pack format uses, for completion. */
export function schemaKeys(): string[] {
  const keys = new Set<string>();
  const walk = (node: unknown, depth: number) => {
    if (depth > 40 || typeof node !== 'object' || node === null) return;
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
