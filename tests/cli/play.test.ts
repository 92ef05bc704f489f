import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlay } from '../../src/cli/play.ts';
import type { CallReport } from '../../src/core/session/index.ts';

async function play(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlay(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    stdin: async () => '',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const dir = mkdtempSync(join(tmpdir(), 'verbatim-play-'));
const write = (name: string, content: string) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

// `play` decides moves with sentence vectors: on a machine with no vector cache yet (a clean clone), the first
// call loads the encoder and encodes the pack's examples, which takes several seconds.
const ENCODER_COLD_START_MS = 120_000;

describe('play', { timeout: ENCODER_COLD_START_MS }, () => {
  it('prints the conversation, feedback, ending, score and critical errors', async () => {
    const file = write('t.json', JSON.stringify([{ text: 'Let me transfer you to someone who can help.' }]));
    const r = await play('scenarios/cms-core.yaml', '--scenario', 'suicide-threat', '--transcript', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain("CALLER: You've taken six hundred pounds");
    expect(r.out).toContain('YOU [turn 1]: Let me transfer you to someone who can help.');
    expect(r.out).toContain('CRITICAL: You tried to transfer the caller.');
    expect(r.out).toContain('Ending: The caller was transferred (fail)');
    expect(r.out).toMatch(/NOT PASSED: Score \d+% \(pass mark 80%\)/);
    expect(r.out).toContain('A critical error fails the call whatever the score');
    expect(r.out).toContain('Content note:');
  });

  it('gives the same report as one JSON document with --json', async () => {
    const file = write('t2.json', JSON.stringify({ turns: [{ text: "Don't be silly, it's only money." }] }));
    const r = await play(
      'scenarios/cms-core.yaml',
      '--scenario',
      'suicide-threat',
      '--transcript',
      file,
      '--json',
    );
    const report = JSON.parse(r.out) as CallReport;
    expect(report.ending?.id).toBe('dismissed');
    expect(report.criticalErrors.map((c) => c.id)).toEqual(['dismissed']);
  });

  it('reads a plain-text transcript, one turn a line, "..." for dead air', async () => {
    const file = write('t.txt', '...\n...\n...\n');
    const r = await play(
      'scenarios/cms-core.yaml',
      '--scenario',
      'bogus-caller',
      '--transcript',
      file,
      '--json',
    );
    const report = JSON.parse(r.out) as CallReport;
    expect(report.ending?.id).toBe('caller-hung-up');
  });

  it.each([
    [['scenarios/cms-core.yaml', '--scenario', 'nope', '--transcript', 'x.json'], /no scenario "nope"/],
    [
      ['scenarios/cms-core.yaml', '--scenario', 'bogus-caller', '--transcript', '/no/such/file.json'],
      /could not be read/,
    ],
    [['scenarios/cms-core.yaml', '--scenario', 'bogus-caller'], /^Usage/],
  ])('refuses bad input with a plain message: %j', async (args, message) => {
    const r = await play(...args);
    expect(r.code).toBeGreaterThan(0);
    expect(r.err).toMatch(message);
  });

  it('refuses a transcript that is not a list of turns', async () => {
    const file = write('bad.json', JSON.stringify([{ txt: 'typo' }]));
    const r = await play('scenarios/cms-core.yaml', '--scenario', 'bogus-caller', '--transcript', file);
    expect(r.code).toBe(1);
    expect(r.err).toContain('not a transcript');
  });
});
