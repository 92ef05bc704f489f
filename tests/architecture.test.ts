import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Parsing every source file takes seconds on a busy two-core machine: a bound, not a speed check. */
const PARSE_ALL_TIMEOUT_MS = 120_000;

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

  // House style: no file in src/ over 300 lines, no function over 60 lines unless the comment just above
  // it says why, starting `// long:`.
  it('keeps every file in src/ within 300 lines', () => {
    const long = files(join(root, 'src'))
      .filter((f) => /\.(ts|svelte)$/.test(f))
      .map((f) => ({ file: relative(root, f), lines: readFileSync(f, 'utf8').trimEnd().split('\n').length }))
      .filter((f) => f.lines > MAX_FILE_LINES);
    expect(long).toEqual([]);
  });

  it(
    'keeps every function in src/ within 60 lines unless a `// long:` comment says why',
    () => {
      const offending = files(join(root, 'src'))
        .filter((f) => /\.(ts|svelte)$/.test(f))
        .flatMap((f) => longFunctions(relative(root, f), readFileSync(f, 'utf8')));
      expect(offending).toEqual([]);
    },
    PARSE_ALL_TIMEOUT_MS,
  );

  it('finds a long function without its reason, and accepts one with it', () => {
    const body = Array.from({ length: MAX_FUNCTION_LINES + 1 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const source = `function big() {\n${body}\n}\n`;
    expect(longFunctions('x.ts', source)).toEqual([`x.ts:1 big (${MAX_FUNCTION_LINES + 3} lines)`]);
    expect(longFunctions('x.ts', `// long: a table of cases reads best in one place\n${source}`)).toEqual([]);
    const svelte = `<script lang="ts">\n  const f = () => {\n${body}\n  };\n</script>\n<p>x</p>\n`;
    expect(longFunctions('x.svelte', svelte)).toEqual([`x.svelte:2 f (${MAX_FUNCTION_LINES + 3} lines)`]);
  });
});

/** House style limits (/work/shared/ARCHITECTURE.md, "Code"). */
const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 60;

/** The script of a .svelte file with every other line blanked, so line numbers stay the file's own. */
function scriptOf(path: string, text: string): string {
  if (!path.endsWith('.svelte')) return text;
  const lines = text.split('\n');
  let inside = false;
  return lines
    .map((line) => {
      if (/^<script\b/.test(line)) {
        inside = true;
        return '';
      }
      if (/^<\/script>/.test(line)) inside = false;
      return inside ? line : '';
    })
    .join('\n');
}

/** `path:line name (N lines)` for each function over the limit with no `// long:` comment just above it. */
function longFunctions(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, scriptOf(path, text), ts.ScriptTarget.Latest, true);
  const lines = source.text.split('\n');
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const length = end - start + 1;
      if (length > MAX_FUNCTION_LINES && !justified(lines, start)) {
        found.push(`${path}:${start + 1} ${nameOf(node)} (${length} lines)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Whether the run of comment lines just above line `start` (or the statement it opens) holds `long:`. */
function justified(lines: readonly string[], start: number): boolean {
  for (let i = start - 1; i >= 0 && /^\s*(\/\/|\/\*|\*)/.test(lines[i] ?? ''); i--) {
    if ((lines[i] ?? '').includes('long:')) return true;
  }
  return false;
}

function nameOf(node: ts.Node): string {
  const own = (node as { name?: ts.Node }).name;
  if (own && ts.isIdentifier(own)) return own.text;
  const parent = node.parent as { name?: ts.Node } | undefined;
  if (parent?.name && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}
