import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScriptLibrary } from '../../../src/core/index.ts';
import { SCRIPT_SCHEMA_PATH, scriptSchemaText } from '../../../src/cli/gen-script-schema.ts';
import { library } from '../../helpers/library.ts';

const seeds = new URL('../../fixtures/seeds/', import.meta.url);

describe('the verbatim library', () => {
  it('holds the three required statements, with both versions of the recording notice', () => {
    expect(
      library
        .list()
        .map((s) => s.id)
        .sort(),
    ).toEqual(['call-recording-notice', 'confidentiality-statement', 'false-information-warning']);
    expect(library.get('call-recording-notice')?.versions).toEqual(['cmg', 'cms']);
    expect(library.get('call-recording-notice', 'cmg')?.wording).toContain('quality and / or training');
    expect(library.get('call-recording-notice', 'cms')?.wording).toContain('quality and or training');
    expect(library.get('call-recording-notice', 'nope')).toBeUndefined();
  });

  it('keeps the committed JSON Schema in step with the statement schema', () => {
    expect(readFileSync(SCRIPT_SCHEMA_PATH, 'utf8')).toBe(scriptSchemaText());
  });

  it('reports every problem of a broken statement file with its file and path', () => {
    const r = loadScriptLibrary([
      { file: 'a.json', data: { id: 'Bad Id', title: '', keyElements: 'x', versions: [] } },
      { file: 'b.json', data: null },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.file}: ${e.path}`)).toEqual(
      expect.arrayContaining([
        'a.json: id',
        'a.json: title',
        'a.json: keyElements',
        'a.json: versions',
        'b.json: (top)',
      ]),
    );
  });

  it('refuses a default version that does not exist and a duplicated id', () => {
    const spec = {
      id: 'x',
      title: 'X',
      keyElements: [],
      defaultVersion: 'b',
      versions: [{ id: 'a', label: 'A', wording: 'w', source: { seed: 's', section: 't' } }],
    };
    const r = loadScriptLibrary([{ file: 'x.json', data: spec }]);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual(['defaultVersion']);
    const dup = loadScriptLibrary([
      { file: 'x.json', data: { ...spec, defaultVersion: 'a' } },
      { file: 'y.json', data: { ...spec, defaultVersion: 'a' } },
    ]);
    expect(dup.ok ? [] : dup.errors.map((e) => `${e.file}: ${e.message}`)).toEqual([
      'y.json: statement "x" is defined twice',
    ]);
  });

  it('takes each wording from its seed, word for word once OCR marks are set aside', () => {
    const words = (t: string): string =>
      t
        .replace(/[«•]|\be\b|\bo\b/g, ' ')
        .replace(/[^A-Za-z0-9£]+/g, ' ')
        .trim();
    for (const s of library.specs) {
      for (const v of s.versions) {
        const seed = readFileSync(new URL(v.source.seed, seeds), 'utf8');
        const fixed = words(
          seed.replace('about.you', 'about you').replace('Data/Controller', 'Data Controller'),
        );
        expect(fixed).toContain(words(v.wording));
      }
    }
  });
});
