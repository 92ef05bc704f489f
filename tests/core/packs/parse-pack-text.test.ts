import { describe, expect, it } from 'vitest';
import { parsePackText } from '../../../src/core/packs/parse-pack-text.ts';
import { PACK_LIMITS } from '../../../src/core/packs/pack-limits.ts';

function refused(text: string) {
  const r = parsePackText(text, 'packs/x.yaml');
  if (r.ok) throw new Error('expected the text to be refused');
  return r.errors;
}

describe('parsePackText', () => {
  it('reads YAML and JSON to the same data', () => {
    const yaml = parsePackText('id: demo\nlist:\n  - 1\n  - two\n', 'a.yaml');
    const json = parsePackText('{\n\t"id": "demo",\n\t"list": [1, "two"]\n}', 'a.json');
    expect(yaml).toEqual({ ok: true, data: { id: 'demo', list: [1, 'two'] } });
    expect(json).toEqual(yaml);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const errors = refused('a: 1\n' + '#'.repeat(PACK_LIMITS.maxBytes));
    expect(errors[0]!.message).toMatch(/too large/);
    expect(errors[0]!.file).toBe('packs/x.yaml');
  });

  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '  \n\n'],
    ['a file holding only a comment', '# nothing here\n'],
  ])('refuses %s', (_, text) => {
    expect(refused(text)[0]!.message).toMatch(/empty/);
  });

  it('refuses binary junk', () => {
    expect(refused('id: x\u0000\u0001\u0002')[0]!.message).toMatch(/not text/);
    expect(refused('id: \u0007\u0008 x')[0]!.message).toMatch(/control character/);
    expect(refused('id: caf\uFFFD')[0]!.message).toMatch(/UTF-8/);
  });

  it('refuses a YAML alias bomb without expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
      .concat(
        'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
      )
      .join('\n');
    const started = performance.now();
    const errors = refused(bomb);
    expect(performance.now() - started).toBeLessThan(500);
    expect(errors[0]!.message).toMatch(/alias/i);
    expect(errors[0]!.line).toBe(2);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s, with its line', (key) => {
    const errors = refused(`id: x\nscenarios:\n  - ${key}:\n      polluted: true\n`);
    expect(errors[0]!.message).toContain(`"${key}"`);
    expect(errors[0]!).toMatchObject({ line: 3, column: 5 });
  });

  it('refuses a dangerous key in JSON too', () => {
    expect(refused('{"a": {"__proto__": {"admin": true}}}')[0]!.message).toContain('__proto__');
    expect(({} as Record<string, unknown>)['admin']).toBeUndefined();
  });

  it('refuses more than one YAML document, pointing at the second', () => {
    const errors = refused('id: a\n---\nid: b\n');
    expect(errors[0]!.message).toMatch(/2 YAML documents/);
    expect(errors[0]!.line).toBe(2);
  });

  it('reports syntax errors and duplicate keys with line and column', () => {
    expect(refused('id: a\nid: b\n')[0]).toMatchObject({ line: 2, message: expect.stringMatching(/unique/) });
    expect(refused('id: [1, 2\ntitle: x')[0]!.line).toBeGreaterThanOrEqual(1);
  });

  it('refuses custom tags such as !!js/function', () => {
    expect(refused('id: !!js/function "return 1"')[0]!.message).toMatch(/tag/i);
  });

  it('does not treat "<<" as a merge key', () => {
    const r = parsePackText('base: {a: 1}\nx:\n  "<<": {b: 2}\n', 'm.yaml');
    expect(r).toEqual({ ok: true, data: { base: { a: 1 }, x: { '<<': { b: 2 } } } });
  });

  it('refuses absurdly deep nesting', () => {
    const deep = '['.repeat(PACK_LIMITS.maxDepth + 5) + ']'.repeat(PACK_LIMITS.maxDepth + 5);
    expect(refused(deep)[0]!.message).toMatch(/nested/);
  });

  it('finds binary junk and bad UTF-8 anywhere in the file, not only in its first 64 KB', () => {
    const padding = `description: ${'x'.repeat(70_000)}\n`;
    expect(refused(`${padding}id: \u001b[2J\n`)[0]!.message).toMatch(/control character/);
    expect(refused(`${padding}id: caf\uFFFD\n`)[0]!.message).toMatch(/UTF-8/);
  });

  it('reports an unclosed quote where the quote opens', () => {
    expect(refused('id: "abc\nversion: 1.0.0\ntitle: x\n')[0]).toMatchObject({ line: 1, column: 5 });
    expect(refused('a: \'it\'\'s\'\nb: "x\\""\nc: "open\nd: 1\n')[0]).toMatchObject({ line: 3, column: 4 });
  });

  it('refuses a .json file that is not JSON in JSON terms, with the place when it can be found', () => {
    const r = parsePackText('{\n  "id": "x",\n  "version": "1.0.0\n}', 'packs/x.json');
    expect(r.ok).toBe(false);
    const [e] = r.ok ? [] : r.errors;
    expect(e!.message).toMatch(/^the file is not valid JSON \(/);
    expect(e).toMatchObject({ line: 4 });
    const empty = parsePackText('{"id": "x", "version": }', 'packs/x.json');
    expect(!empty.ok && empty.errors[0]!.message).toMatch(/^the file is not valid JSON/);
  });
});
