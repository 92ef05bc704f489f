// The CLI's limits and its output: a .txt transcript has the same turn limit as a JSON one, control
// characters never reach the terminal, an over-long text is scored with a reason, and an unknown
// version of a statement is named as such.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printable, type CliIo } from '../../src/cli/io.ts';
import { MAX_TURN_CHARS, MAX_TURNS, runPlay } from '../../src/cli/play.ts';
import { runScore } from '../../src/cli/score.ts';

function io(stdin = ''): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), stdin: async () => stdin };
}

const dir = mkdtempSync(join(tmpdir(), 'verbatim-limits-'));
const write = (name: string, content: string) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};
const play = (file: string, fake: CliIo) =>
  runPlay(['scenarios/cms-core.yaml', '--scenario', 'bogus-caller', '--transcript', file, '--lexical'], fake);
const NOTICE = 'I should tell you that this call may be recorded for quality and or training purposes';

describe('play with a .txt transcript', () => {
  it(`refuses more than ${MAX_TURNS} turns, as for JSON`, async () => {
    const fake = io();
    expect(await play(write('long.txt', 'Hello there.\n'.repeat(MAX_TURNS + 1)), fake)).toBe(1);
    expect(fake.errors.join('\n')).toMatch(/has 501 turns; a transcript can have at most 500/);
    expect(fake.lines).toEqual([]);
  });

  it(`refuses a turn over ${MAX_TURN_CHARS} characters`, async () => {
    const fake = io();
    expect(await play(write('wide.txt', `Hello.\n${'word '.repeat(MAX_TURN_CHARS)}\n`), fake)).toBe(1);
    expect(fake.errors.join('\n')).toMatch(/turn 2 is over 5000 characters/);
  });
});

describe('output', () => {
  it('drops terminal control characters and bidi overrides, keeping tabs and newlines', () => {
    expect(printable('a\u001b]0;owned\u0007b\u001b[2Jc\u202Ed\u009be\tf\ng')).toBe('a]0;ownedb[2Jcde\tf\ng');
  });

  it('never passes ESC or BEL from a transcript to the terminal', () => {
    const file = write(
      'esc.txt',
      'Hello \u001b[2J\u001b]0;owned\u0007there, this is the Child Maintenance Service.\n',
    );
    const stdout = execFileSync(
      'npx',
      ['tsx', 'src/cli/main.ts', 'play', 'scenarios/cms-core.yaml', '--scenario', 'bogus-caller'].concat([
        '--transcript',
        file,
        '--lexical',
      ]),
      { encoding: 'utf8' },
    );
    expect(stdout).toContain('Hello [2J]0;ownedthere');
    expect(stdout).not.toContain('\u0007');
    expect(stdout).not.toContain('\u001b');
    // Starting npx and tsx takes seconds on a busy two-core machine, as in validate.test.ts.
  }, 60_000);
});

describe('score', () => {
  it('gives the reason with the verdict in JSON Lines, "too long to score" for an over-long text', async () => {
    const fake = io(
      [
        JSON.stringify({ id: 'long', script: 'call-recording-notice', text: `${NOTICE} `.repeat(1500) }),
        JSON.stringify({ id: 'fine', script: 'call-recording-notice', text: NOTICE }),
      ].join('\n'),
    );
    expect(await runScore(['--jsonl'], fake)).toBe(0);
    const [long, fine] = fake.lines.map((l) => JSON.parse(l) as { verdict: string; reasons: string[] });
    expect(long).toMatchObject({ verdict: 'fail', score: 0 });
    expect(long!.reasons.join(' ')).toMatch(/too long to score/);
    expect(fine).toMatchObject({ verdict: 'exact', reasons: expect.any(Array) });
  });

  it('names an unknown version of a known statement, not an unknown statement', async () => {
    const line = JSON.stringify({ id: 'v', script: 'call-recording-notice', version: '9.9', text: NOTICE });
    const fake = io(line);
    await runScore(['--jsonl'], fake);
    const out = JSON.parse(fake.lines[0]!) as { error: string };
    expect(out.error).toMatch(
      /^statement "call-recording-notice" has no version "9\.9"; its versions are \S/,
    );
    expect(out.error).toContain('cmg');

    const readable = io();
    expect(await runScore(['--script', 'call-recording-notice', '--version', '9.9', NOTICE], readable)).toBe(
      2,
    );
    expect(readable.errors.join('\n')).toMatch(/has no version "9\.9"/);
    expect(readable.errors.join('\n')).not.toMatch(/Unknown script/);
  });
});
