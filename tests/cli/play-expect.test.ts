// `play` on a labelled transcript: the pack found from the scenario, the scenario read from the file, the
// line saying whether the call went as expected (and the exit code), and words alone when the language
// model cannot load.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlay, type PlayDeps } from '../../src/cli/play.ts';
import type { CallReport } from '../../src/core/session/index.ts';

async function play(args: string[], deps?: PlayDeps) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), stdin: async () => '' };
  const code = await (deps ? runPlay(args, io, deps) : runPlay(args, io));
  return { code, out: out.join('\n'), err: err.join('\n'), lines: out };
}

const dir = mkdtempSync(join(tmpdir(), 'verbatim-play-expect-'));
// A calibration call as it is (handled well, passed), and the same call expecting an ending it does not reach.
const right = join(dir, 'bogus-caller-good.json');
copyFileSync('tests/fixtures/calibration/transcripts/bogus-caller-good.json', right);
const call = JSON.parse(readFileSync(right, 'utf8')) as { scenario: string; expect: object };
const wrong = join(dir, 'wrong.json');
writeFileSync(wrong, JSON.stringify({ ...call, expect: { ending: 'caller-hung-up', passed: true } }));
const unlabelled = join(dir, 'unlabelled.json');
writeFileSync(unlabelled, JSON.stringify([{ text: 'Hello, Child Maintenance Service.' }]));

const modelFails: PlayDeps = {
  vectors: () => Promise.reject(new Error('no weights\nin node_modules')),
};

describe('play with a labelled transcript', () => {
  it('finds the pack and the scenario from the file, and says the call went as expected', async () => {
    expect(call.scenario).toBe('bogus-caller');
    const r = await play(['--transcript', right, '--lexical']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.lines[0]).toBe('Matcher: lexical (words alone)');
    expect(r.lines[1]).toBe('Scenario: A caller fishing for an address (bogus-caller)');
    expect(r.lines.at(-1)).toBe('As expected: ending handled-well, passed.');
  });

  it('says NOT AS EXPECTED, with what it got, and exits 1', async () => {
    const r = await play(['--transcript', wrong, '--lexical']);
    expect(r.code).toBe(1);
    expect(r.lines.at(-1)).toBe(
      'NOT AS EXPECTED: expected ending caller-hung-up, passed; got ending handled-well, passed.',
    );
  });

  it('adds matcher, expected and asExpected to the JSON report, with the same exit code', async () => {
    const ok = await play(['--transcript', right, '--lexical', '--json']);
    expect(ok.code).toBe(0);
    const report = JSON.parse(ok.out) as CallReport & Record<string, unknown>;
    expect(report.ending?.id).toBe('handled-well');
    expect(report.scenario.id).toBe('bogus-caller');
    expect(report).toMatchObject({
      matcher: 'lexical (words alone)',
      expected: { ending: 'handled-well', passed: true },
      asExpected: true,
    });
    const missed = await play(['--transcript', wrong, '--lexical', '--json']);
    expect(missed.code).toBe(1);
    expect(JSON.parse(missed.out)).toMatchObject({
      expected: { ending: 'caller-hung-up', passed: true },
      asExpected: false,
    });
  });

  it('prints no expectation for a transcript without one', async () => {
    const r = await play(['--scenario', 'bogus-caller', '--transcript', unlabelled, '--lexical', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as Record<string, unknown>;
    expect(report.matcher).toBe('lexical (words alone)');
    expect(report).not.toHaveProperty('expected');
    expect(report).not.toHaveProperty('asExpected');
  });

  it('plays the scenario given by --scenario over the one the file names', async () => {
    const r = await play(['scenarios', '--scenario', 'first-contact', '--transcript', right, '--lexical']);
    expect(r.lines[1]).toMatch(/^Scenario: .* \(first-contact\)$/);
    expect(r.lines.at(-1)).toMatch(/^NOT AS EXPECTED: expected ending handled-well, passed; got /);
    expect(r.code).toBe(1);
  });
});

describe('play when the language model cannot load', () => {
  it('says so in one line and replays the call on words alone', async () => {
    const r = await play(['--transcript', right], modelFails);
    expect(r.err).toBe(
      'The language model could not load (no weights in node_modules); this call is replayed on words alone, as with --lexical.',
    );
    expect(r.code).toBe(0);
    expect(r.out).toBe((await play(['--transcript', right, '--lexical'])).out);
    const json = await play(['--transcript', right, '--json'], modelFails);
    expect(JSON.parse(json.out)).toMatchObject({ matcher: 'lexical (words alone)', asExpected: true });
  });

  it('names the hybrid matcher and its model when the vectors load', async () => {
    const r = await play(['--transcript', right], {
      vectors: async () => ({ model: 'test-model', get: () => undefined }),
    });
    expect(r.err).toBe('');
    expect(r.lines[0]).toBe('Matcher: hybrid (test-model)');
  });
});

describe('play finds no scenario', () => {
  it('names the scenario and every scenario the packs have', async () => {
    const r = await play(['--scenario', 'nope', '--transcript', right, '--lexical']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^scenarios: no pack has a scenario "nope"; the packs have bogus-caller, /);
    // Both built-in packs are searched.
    expect(r.err).toContain('suicide-threat');
    expect(r.err).toContain('parental-contact');
  });

  it('looks only in the folder given', async () => {
    const packs = join(dir, 'packs');
    mkdirSync(packs);
    cpSync('scenarios/cms-more.yaml', join(packs, 'more.yaml'));
    const r = await play([packs, '--transcript', right, '--lexical']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no pack has a scenario "bogus-caller"; the packs have /);
    expect(r.err).toContain('parental-contact');
    expect(r.err).not.toContain('suicide-threat');
  });

  it('gives the usage when neither --scenario nor the transcript names one', async () => {
    const r = await play(['--transcript', unlabelled, '--lexical']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^Usage: play \[PACK\] \[--scenario ID\] --transcript FILE/);
  });
});
