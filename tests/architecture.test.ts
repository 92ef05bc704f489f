import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const ALLOWED = /^(xstate(\/.*)?|fuse\.js|zod|yaml|\.{1,2}\/.*)$/;

describe('architecture', () => {
  const core = files(join(root, 'src/core')).filter((f) => f.endsWith('.ts'));

  it('keeps src/core pure: it imports only xstate, fuse.js, zod, yaml and itself', () => {
    const offending: string[] = [];
    for (const file of core) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[1] as string;
        const outside = spec.startsWith('.') && !join(file, '..', spec).startsWith(join(root, 'src/core'));
        if (!ALLOWED.test(spec) || outside) offending.push(`${relative(root, file)} imports ${spec}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('keeps the browser and the clock out of src/core', () => {
    const offending = core.filter((file) =>
      /\b(window|document|navigator|localStorage|indexedDB)\.|Date\.now\(|Math\.random\(/.test(
        readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''),
      ),
    );
    expect(offending.map((f) => relative(root, f))).toEqual([]);
  });

  it('never renders HTML from data in components', () => {
    const svelte = files(join(root, 'src')).filter((f) => f.endsWith('.svelte'));
    expect(svelte.filter((f) => readFileSync(f, 'utf8').includes('{@html'))).toEqual([]);
  });
});
