// A pack of 100 scenarios (the default pack's scenarios repeated under new ids, about 1.2 MB), loaded
// and validated. Goal: under 100 ms. The YAML case is reported beside it: the YAML parser itself takes
// most of that time on a file this size.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadPack, parsePackText } from '../../src/core/packs/index.ts';
import { loadScriptLibrary } from '../../src/core/scripts/script-library.ts';

const lib = loadScriptLibrary(
  readdirSync('scripts-verbatim')
    .filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json'))
    .map((n) => ({
      file: n,
      data: JSON.parse(readFileSync(join('scripts-verbatim', n), 'utf8')) as unknown,
    })),
);
if (!lib.ok) throw new Error('statements did not load');
const scripts = lib.library;
const base = parse(readFileSync('scenarios/cms-core.yaml', 'utf8')) as { scenarios: { id: string }[] };
const scenarios = Array.from({ length: 100 }, (_, i) => ({
  ...structuredClone(base.scenarios[i % base.scenarios.length]!),
  id: `scenario-${i + 1}`,
}));
const pack = { ...base, id: 'bench-100', scenarios };
const jsonText = JSON.stringify(pack, null, 2);
const yamlText = stringify(pack, { aliasDuplicateObjects: false });

function load(text: string, file: string): void {
  const parsed = parsePackText(text, file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  const r = loadPack(parsed.data, { file, scripts, source: text });
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
}

describe('loading a 100-scenario pack', () => {
  bench('JSON text: parse, validate, check and compile', () => load(jsonText, 'bench.json'));
  bench('parsed data: validate, check and compile', () => {
    const r = loadPack(pack, { file: 'bench', scripts });
    if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  });
  bench('YAML text: parse, validate, check and compile', () => load(yamlText, 'bench.yaml'), {
    iterations: 5,
  });
});
