// Sentence vectors in Node, with a disk cache under node_modules/.cache (a build output, never committed):
// the pack's examples are embedded once per machine, a call's turns as they come.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainText, type VectorTable } from '../../core/index.ts';
import { nodeEncoder, type Weights } from './node-encoder.ts';

const CACHE_DIR = join(process.cwd(), 'node_modules', '.cache', 'verbatim');
const memory = new Map<string, Map<string, Float32Array>>();

function cacheFile(model: string): string {
  return join(CACHE_DIR, `vectors-${model}.json`);
}

function loadCache(model: string): Map<string, Float32Array> {
  const known = memory.get(model);
  if (known) return known;
  const table = new Map<string, Float32Array>();
  try {
    if (existsSync(cacheFile(model))) {
      const raw = JSON.parse(readFileSync(cacheFile(model), 'utf8')) as Record<string, string>;
      for (const [text, b64] of Object.entries(raw)) {
        const bytes = Buffer.from(b64, 'base64');
        table.set(
          text,
          new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)),
        );
      }
    }
  } catch {
    // A damaged cache is only a cache: the vectors are made again.
  }
  memory.set(model, table);
  return table;
}

function saveCache(model: string, table: Map<string, Float32Array>): void {
  const out: Record<string, string> = {};
  for (const [text, v] of table)
    out[text] = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
  mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${cacheFile(model)}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(out));
  renameSync(tmp, cacheFile(model));
}

/**
 * A vector table holding every given text (in its plain form), embedding only those not seen before.
 * `weights`: the 8-bit ones the app uses (quantise.ts), or the published float32 ones to compare.
 */
export async function nodeVectors(
  texts: Iterable<string>,
  { weights = 'uint8' }: { weights?: Weights } = {},
): Promise<VectorTable> {
  const encoder = await nodeEncoder(weights);
  const table = loadCache(encoder.id);
  const missing = [...new Set([...texts].map(plainText))].filter((t) => t !== '' && !table.has(t));
  if (missing.length > 0) {
    const vectors = await encoder.embed(missing);
    missing.forEach((t, i) => table.set(t, vectors[i]!));
    try {
      saveCache(encoder.id, table);
    } catch {
      // A cache that cannot be written (read-only folder, no permission) is only a cache: the vectors
      // are in memory for this run and are made again next time.
    }
  }
  return { model: encoder.id, get: (plain) => table.get(plain) };
}
