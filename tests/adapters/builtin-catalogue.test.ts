// The start page lists the built-in scenarios from src/adapters/builtin-catalogue.json, so the first
// page needs no pack loader. This keeps that file in step with scenarios/ and scripts-verbatim/.
// To regenerate it: UPDATE_CATALOGUE=1 npx vitest run tests/adapters/builtin-catalogue.test.ts
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueOf, loadLibrary, type SourceFile } from '../../src/core/library/index.ts';

// Compiling the built-in packs takes a few seconds on a busy two-core machine: the first test pays for it.
const LOAD_TIMEOUT = 30_000;

const root = join(import.meta.dirname, '../..');
const read = (dir: string, pattern: RegExp): SourceFile[] =>
  readdirSync(join(root, dir))
    .filter((f) => pattern.test(f))
    .sort()
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join(root, dir, f), 'utf8') }));

describe('built-in catalogue', () => {
  it(
    'lists exactly the scenarios of the shipped packs',
    () => {
      const library = loadLibrary(read('scripts-verbatim', /\.json$/), read('scenarios', /\.(ya?ml|json)$/));
      const expected = catalogueOf(library);
      const path = join(root, 'src/adapters/builtin-catalogue.json');
      if (process.env['UPDATE_CATALOGUE']) writeFileSync(path, `${JSON.stringify(expected, null, 2)}\n`);
      const actual: unknown = JSON.parse(readFileSync(path, 'utf8'));
      expect(
        actual,
        'run: UPDATE_CATALOGUE=1 npx vitest run tests/adapters/builtin-catalogue.test.ts',
      ).toEqual(expected);
      expect(library.problems).toEqual([]);
    },
    LOAD_TIMEOUT,
  );
});
