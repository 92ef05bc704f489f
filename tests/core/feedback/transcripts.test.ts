// Over every golden and calibration transcript: no turn shows a verdict for a statement it did not
// attempt (by the scorer's attempt rule, checked here independently of the session), every statement a
// turn did attempt is shown, and every "Not passed" and "Not acceptable" says why.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callFeedback } from '../../../src/core/feedback/index.ts';
import { isAttempt } from '../../../src/core/packs/judge.ts';
import { scoreStatement } from '../../../src/core/scoring/verbatim.ts';
import { runCall, type TraineeTurn } from '../../../src/core/session/index.ts';
import { loadPack, parsePackText, type LoadedPack } from '../../../src/core/packs/index.ts';
import { shippedScripts } from '../packs/fixtures.ts';

interface Transcript {
  scenario: string;
  turns: TraineeTurn[];
}

const golden = readdirSync('tests/golden', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join('tests/golden', d.name)).map((f) => join('tests/golden', d.name, f)));
const calibration = readdirSync('tests/fixtures/calibration/transcripts').map((f) =>
  join('tests/fixtures/calibration/transcripts', f),
);
const files = [...golden, ...calibration].filter((f) => f.endsWith('.json')).sort();

/** Every shipped pack, by the scenarios it holds. */
const packs = new Map<string, LoadedPack>();
function packFor(scenarioId: string): LoadedPack {
  if (packs.size === 0) {
    for (const name of readdirSync('scenarios').filter((f) => f.endsWith('.yaml'))) {
      const file = join('scenarios', name);
      const text = readFileSync(file, 'utf8');
      const parsed = parsePackText(text, file);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const r = loadPack(parsed.data, { file, scripts: shippedScripts(), source: text });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      for (const id of r.pack.scenarios.keys()) packs.set(id, r.pack);
    }
  }
  const pack = packs.get(scenarioId);
  if (pack === undefined) throw new Error(`no shipped pack has scenario ${scenarioId}`);
  return pack;
}

describe('feedback over every golden and calibration transcript', () => {
  it('has transcripts to check', () => {
    expect(golden.length).toBeGreaterThan(40);
    expect(calibration.length).toBe(18);
  });

  it.each(files)(
    '%s: verdicts only where attempted, and every fail says why',
    (file) => {
      const t = JSON.parse(readFileSync(file, 'utf8')) as Transcript;
      const pack = packFor(t.scenario);
      const sc = pack.scenarios.get(t.scenario)!;
      for (const mode of ['practice', 'assessment'] as const) {
        const report = runCall(pack, t.scenario, t.turns, { mode });
        for (const entry of report.transcript) {
          if (entry.speaker !== 'trainee') continue;
          for (const [scriptId, st] of sc.judge.statements) {
            const r = scoreStatement(
              st.script,
              entry.text,
              st.tolerance === undefined ? {} : { tolerance: st.tolerance },
            );
            const attempted = isAttempt(r, st.script.keyElements.length);
            const shown = entry.feedback.statements.find((s) => s.scriptId === scriptId);
            if (attempted) {
              expect(shown, `turn ${entry.turnIndex + 1} attempted ${scriptId}`).toMatchObject({
                attempted: true,
                verdict: r.verdict,
                score: r.score,
              });
            } else if (shown) {
              expect(shown.attempted, `turn ${entry.turnIndex + 1}: ${scriptId} was not attempted`).toBe(
                false,
              );
              expect(shown).not.toHaveProperty('verdict');
              expect(shown).not.toHaveProperty('score');
              expect(shown).not.toHaveProperty('result');
              expect(shown.explanation).toMatch(/was expected here and not said\.$/);
            }
          }
          for (const s of entry.feedback.statements)
            if (s.attempted && s.verdict === 'fail')
              expect(s.explanation).toMatch(/^Not acceptable.*because .*scoring standard 4\.\d/);
        }
        const fb = callFeedback(report);
        expect(fb.outcome.label).toBe(report.passed ? 'Passed' : 'Not passed');
        expect(fb.outcome.reasons.length, 'every result says why').toBeGreaterThan(0);
        for (const s of fb.statements) {
          if (s.verdict === 'fail') expect(s.explanation).toMatch(/because .*scoring standard 4\.\d/);
          if (s.verdict === null) expect(s.label).toBe('Not said');
        }
      }
    },
    60_000,
  ); // the first case compiles every shipped pack: slow on a busy machine
});
