// The hybrid matcher (sentence vectors and words) on what it is judged by: the shared calibration calls
// (tests/fixtures/calibration/transcripts, each with the ending a QA officer expects) and utterances held
// out from tuning (tests/fixtures/understanding/held-out.jsonl). The figures guard against regressions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeVectors } from '../../../src/adapters/understanding/node-vectors.ts';
import { packTexts, turnTexts } from '../../../src/cli/understanding.ts';
import { runCall, type TraineeTurn, type VectorTable } from '../../../src/core/index.ts';
import { defaultPack } from '../packs/fixtures.ts';

const pack = defaultPack();
const DIR = 'tests/fixtures/calibration/transcripts';
const calls = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({
    file: f,
    ...(JSON.parse(readFileSync(join(DIR, f), 'utf8')) as {
      scenario: string;
      turns: TraineeTurn[];
      expect: { ending: string; passed: boolean };
    }),
  }));
const heldOut = readFileSync('tests/fixtures/understanding/held-out.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as { scenario: string; state: string; text: string; intent: string | null });
/** Measured 0.960 (169 of 176) with the thresholds in intent-decide.ts; the lexical matcher alone: 0.926. */
const HELD_OUT_ACCURACY = 0.95;

let vectors: VectorTable;
beforeAll(async () => {
  vectors = await nodeVectors([
    ...packTexts(pack),
    ...calls.flatMap((c) => turnTexts(c.turns)),
    ...heldOut.map((r) => r.text),
  ]);
}, 600_000);

describe('the shared calibration calls', () => {
  it.each(calls)('$file reaches its expected ending and verdict', (call) => {
    const report = runCall(pack, call.scenario, call.turns, { vectors });
    expect({ ending: report.ending?.id, passed: report.passed }).toEqual(call.expect);
    // A correct call never raises a critical error.
    if (call.expect.passed) expect(report.criticalErrors).toEqual([]);
  });

  it('decides every turn with the hybrid matcher, with evidence', () => {
    const report = runCall(pack, calls[0]!.scenario, calls[0]!.turns, { vectors });
    const decided = report.transcript.flatMap((e) =>
      e.speaker === 'trainee' && e.feedback.intent ? [e] : [],
    );
    expect(decided.length).toBeGreaterThan(0);
    for (const e of decided) expect(e.feedback.intent?.evidence?.matcher).toBe('hybrid');
  });
});

describe('utterances held out from tuning', () => {
  it(`puts back at least ${HELD_OUT_ACCURACY * 100}% (the right intent, or none)`, () => {
    const misses = heldOut.filter((r) => {
      const judge = pack.scenarios.get(r.scenario)!.judge;
      return judge.understanding(vectors, () => judge.intentAt(r.state, r.text)?.intent ?? null) !== r.intent;
    });
    expect(1 - misses.length / heldOut.length).toBeGreaterThanOrEqual(HELD_OUT_ACCURACY);
  });

  it('without vectors the lexical matcher decides, and says so', () => {
    const judge = pack.scenarios.get('suicide-threat')!.judge;
    expect(judge.intentAt('trigger', 'are you thinking about suicide')?.evidence?.matcher).toBe('lexical');
  });
});
