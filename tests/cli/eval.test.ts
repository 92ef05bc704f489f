// `eval`: whole calls and labelled utterances replayed through the built-in packs, with the counts,
// the confusions and each miss with its evidence. The labels here are deliberately right and wrong,
// so the figures do not depend on how good the matcher is today.
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { runEval } from '../../src/cli/eval.ts';

function io(): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), stdin: async () => '' };
}

const dir = mkdtempSync(join(tmpdir(), 'verbatim-eval-'));
const calls = join(dir, 'calls');
mkdirSync(calls);
// A golden call as it is, and the same turns labelled with an ending they do not reach.
copyFileSync('tests/golden/bogus-caller/confirms-address.json', join(calls, 'right.json'));
writeFileSync(
  join(calls, 'wrong.json'),
  JSON.stringify({
    scenario: 'bogus-caller',
    turns: [{ text: 'Yes, he lives at 22 Mill Lane.' }],
    expect: { ending: 'handled-well', passed: true },
  }),
);
const utterances = join(dir, 'utterances.jsonl');
writeFileSync(
  utterances,
  [
    {
      scenario: 'suicide-threat',
      state: 'trigger',
      text: 'are you thinking about suicide',
      intent: 'ask-directly',
    },
    { scenario: 'suicide-threat', state: 'trigger', text: 'are you thinking about suicide', intent: null },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n'),
);

describe('eval', () => {
  it('counts calls and utterances, lists the confusions, and shows each miss with its evidence', async () => {
    const out = io();
    const code = await runEval(['--transcripts', calls, '--utterances', utterances, '--lexical'], out);
    const text = out.lines.join('\n');
    expect(code).toBe(0);
    expect(text).toContain('Matcher: lexical (words alone)');
    expect(text).toContain('Calls: 1 of 2 reach the expected ending and verdict (50.0%)');
    expect(text).toContain('Utterances: 1 of 2 read as labelled (50.0%)');
    expect(text).toMatch(
      /MISSED CALL .*wrong\.json \(bogus-caller\)\n {2}expected handled-well, passed; got /,
    );
    expect(text).toMatch(/turn 1: "Yes, he lives at 22 Mill Lane\."\n {4}read as \S+ by lexical/);
    expect(text).toContain('(none) -> ask-directly: 1');
    expect(text).toMatch(/MISSED .*utterances\.jsonl:2 \(suicide-threat, state trigger\)/);
    expect(text).toContain('expected none; read as ask-directly by lexical');
  });

  it('decides with sentence vectors unless told --lexical, and gives the evidence as JSON', async () => {
    const out = io();
    expect(await runEval(['--utterances', utterances, '--json'], out)).toBe(0);
    const report = JSON.parse(out.lines.join('\n')) as {
      matcher: string;
      utterances: { ok: boolean; match: { evidence: { matcher: string; nearestExample: string | null } } }[];
    };
    expect(report.matcher).toMatch(/^hybrid/);
    expect(report.utterances.map((u) => u.ok)).toEqual([true, false]);
    expect(report.utterances[0]!.match.evidence.matcher).toBe('hybrid');
    expect(report.utterances[0]!.match.evidence.nearestExample).toEqual(expect.any(String));
  }, 120_000);

  it('names the line of a labelled file that is not usable, and refuses unknown options', async () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"scenario":"suicide-threat","text":"hello"}\n');
    await expect(runEval(['--utterances', bad, '--lexical'], io())).rejects.toThrow(
      `${bad}:1: each line needs "scenario", "state", "text"`,
    );
    const out = io();
    expect(await runEval(['--frobnicate'], out)).toBe(2);
    expect(out.errors.join('\n')).toContain('Unexpected argument "--frobnicate"');
  });
});
