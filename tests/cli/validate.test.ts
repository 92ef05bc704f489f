import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runValidate } from '../../src/cli/validate.ts';
import { PACK_LIMITS } from '../../src/core/packs/index.ts';
import { smallPack } from '../core/packs/fixtures.ts';

async function validate(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runValidate(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdin: async () => '',
  });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'verbatim-validate-'));
const write = (name: string, content: string | Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe('validate', () => {
  it('accepts the default scenarios folder, skipping the JSON Schema kept there', async () => {
    const r = await validate('scenarios');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      'scenarios/cms-core.yaml: ok (5 scenarios)',
      'scenarios/cms-more.yaml: ok (7 scenarios)',
    ]);
    // Both built-in packs are compiled: a few seconds on a busy two-core machine.
  }, 30_000);

  it.each([
    ['an oversize file', 'big.yaml', 'a: 1\n' + '#'.repeat(PACK_LIMITS.maxBytes + 10), /too large/],
    ['an empty file', 'empty.yaml', '', /empty/],
    [
      'binary junk',
      'junk.yaml',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
      /not text/,
    ],
    ['a YAML alias bomb', 'bomb.yaml', 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n', /alias/i],
    [
      'a __proto__ key',
      'proto.json',
      '{"id": "x", "__proto__": {"polluted": true}}',
      /"__proto__" is not allowed/,
    ],
    ['a constructor key', 'ctor.yaml', 'id: x\nconstructor: 1\n', /"constructor" is not allowed/],
    ['a prototype key', 'proto2.yaml', 'id: x\nprototype: 1\n', /"prototype" is not allowed/],
    ['two documents', 'two.yaml', 'id: a\n---\nid: b\n', /documents/],
    ['broken YAML', 'broken.yaml', 'id: [unclosed\n', /./],
    ['broken JSON', 'broken.json', '{"id": "x",,}', /./],
  ])('refuses %s with one line naming the file and no stack trace', async (_, name, content, message) => {
    const file = write(name, content);
    const r = await validate(file);
    expect(r.code).toBe(1);
    expect(r.err.length).toBeGreaterThanOrEqual(1);
    expect(r.err[0]!.startsWith(`${file}: `)).toBe(true);
    expect(r.err.join('\n')).toMatch(message);
    expect(r.err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('prints one line per problem as FILE: path: message, with the line', async () => {
    const raw = smallPack();
    raw.scenarios[0].states.open.on[0].to = 'nowhere';
    raw.scenarios[0].moves[0].intent = 'no-such-move';
    const file = write('refs.yaml', stringify(raw));
    const r = await validate(file);
    expect(r.code).toBe(1);
    expect(r.err).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${file}: scenarios\\[0\\]\\.moves\\[0\\]\\.intent: no intent "no-such-move" in this pack \\(line \\d+, column \\d+\\)$`,
        ),
      ),
      expect.stringMatching(
        new RegExp(
          `^${file}: scenarios\\[0\\]\\.states\\.open\\.on\\[0\\]\\.to: no state or ending "nowhere" \\(line \\d+, column \\d+\\)$`,
        ),
      ),
    ]);
  });

  it('prints warnings without failing', async () => {
    const raw = smallPack();
    raw.intents.push({ id: 'spare', label: 'Spare', examples: ['spare words'] });
    const file = write('warn.json', JSON.stringify(raw));
    const r = await validate(file);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(
      /^.*warn\.json: intents\[3\]\.id: warning: intent "spare" is never used by any scenario \(line 1, column \d+\)$/,
    );
  });

  it('fails for a missing path and explains its usage with no paths', async () => {
    expect((await validate(join(dir, 'missing.yaml'))).code).toBe(1);
    const none = await validate();
    expect(none.code).toBe(2);
    expect(none.err[0]).toMatch(/^Usage/);
  });

  it('exits 0 from the real command line for the shipped packs', () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/main.ts', 'validate', 'scenarios'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toContain('scenarios/cms-core.yaml: ok (5 scenarios)');
  }, 30_000);

  it('exits 1 from the real command line for a malformed pack, without a stack trace', () => {
    const file = write('cli-bad.yaml', 'id: x\n__proto__: 1\n');
    let status = 0;
    let stderr = '';
    try {
      execFileSync('npx', ['tsx', 'src/cli/main.ts', 'validate', file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      const e = error as { status: number; stderr: string };
      status = e.status;
      stderr = e.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toContain(`${file}: (file): the key "__proto__" is not allowed`);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
