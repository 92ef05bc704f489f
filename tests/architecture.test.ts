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

/** Every module a file imports, statically or dynamically, relative ones resolved to a path under the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g),
  ].map((m) => m[1] as string);
  return specs.map((spec) => (spec.startsWith('.') ? relative(root, join(file, '..', spec)) : spec));
}

/** `FROM imports TO` for each import of a file under `from` that lands under `to`. */
function crossings(from: string, to: string): string[] {
  const sources = files(join(root, from)).filter((f) => /\.(ts|svelte)$/.test(f));
  return sources.flatMap((file) =>
    importsOf(file)
      .filter((target) => target === to || target.startsWith(`${to}/`))
      .map((target) => `${relative(root, file)} imports ${target}`),
  );
}

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

  // The adapters implement the core's ports; what they exchange with the screens is defined there, so
  // an adapter never reaches up into the UI for a type.
  it('keeps src/adapters from importing src/ui', () => {
    expect(crossings('src/adapters', 'src/ui')).toEqual([]);
  });

  // The screens are handed their adapters by src/main.ts (Svelte context) and know them only by the
  // core's port types, so a test can hand in fakes and the first page loads no adapter it does not use.
  it('keeps src/ui from importing src/adapters: it uses the ports in src/core/ports', () => {
    expect(crossings('src/ui', 'src/adapters')).toEqual([]);
  });

  // House style 1: a .svelte.ts file holds reactive state (classes with rune fields); plain logic lives
  // in .ts files, where it can be imported without the Svelte compiler and tested as plain functions.
  it('keeps plain exported functions out of .svelte.ts files', () => {
    const runeModules = files(join(root, 'src')).filter((f) => f.endsWith('.svelte.ts'));
    const plain =
      /^export\s+(?:async\s+)?function\b|^export\s+const\s+\w+\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*(?::[^=]+)?=>|\w+\s*=>)/gm;
    const offending = runeModules.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(plain)].map((m) => `${relative(root, file)}: ${m[0]}`),
    );
    expect(offending).toEqual([]);
  });

  it('never renders HTML from data in components', () => {
    const svelte = files(join(root, 'src')).filter((f) => f.endsWith('.svelte'));
    expect(svelte.filter((f) => readFileSync(f, 'utf8').includes('{@html'))).toEqual([]);
  });
});
