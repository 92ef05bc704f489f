// Golden transcripts: one per branch, critical error and listed mistake of each built-in scenario, each
// played through the `play` command to the ending it must reach.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlay } from '../../src/cli/play.ts';
import type { CallReport } from '../../src/core/session/index.ts';

// Compiling the built-in packs takes a few seconds on a busy two-core machine: the first test pays for it.
const LOAD_TIMEOUT = 30_000;

interface Golden {
  scenario: string;
  description: string;
  expect: {
    ending: string;
    passed: boolean;
    criticalErrors: string[];
    /** Verdict per statement; null for a statement that must not have been said. */
    statements?: Record<string, string | null>;
  };
}

const ROOT = 'tests/golden';
const PACKS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `scenarios/${f}`);
/** Each built-in scenario's pack file, and the pack's text from that scenario on. */
const packOf = new Map<string, { file: string; block: string }>();
for (const file of PACKS) {
  const text = readFileSync(file, 'utf8');
  const scenarios = text.slice(text.indexOf('\nscenarios:'));
  for (const m of scenarios.matchAll(/^ {2}- id: ([a-z0-9-]+)$/gm))
    packOf.set(m[1]!, { file, block: scenarios.slice(m.index) });
}
const files = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, d.name))
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(ROOT, d.name, f)),
  )
  .sort();

async function play(
  file: string,
  scenario: string,
  extra: string[] = [],
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlay(
    // The lexical matcher: what the app runs when the sentence encoder is not available. The hybrid
    // matcher is guarded on the calibration calls in tests/core/scoring/understanding.test.ts.
    [packOf.get(scenario)!.file, '--scenario', scenario, '--transcript', file, '--lexical', ...extra],
    {
      out: (l) => out.push(l),
      err: (l) => err.push(l),
      stdin: async () => '',
    },
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('golden transcripts', () => {
  it('cover every ending of every built-in scenario', () => {
    const goldens = files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as Golden);
    expect([...packOf.keys()].length).toBeGreaterThanOrEqual(12);
    for (const [scenario, { block }] of packOf) {
      const reached = new Set(goldens.filter((g) => g.scenario === scenario).map((g) => g.expect.ending));
      const next = block.indexOf('\n  - id: ', 10);
      const endings = block.slice(block.indexOf('    endings:'), next === -1 ? undefined : next);
      const ids = [...endings.matchAll(/^ {6}([a-z0-9-]+):$/gm)].map((m) => m[1]!);
      expect(ids.length, scenario).toBeGreaterThanOrEqual(3);
      for (const id of ids) expect(reached.has(id), `${scenario}: ${id}`).toBe(true);
    }
  });

  it.each(files)(
    '%s reaches its expected ending',
    async (file) => {
      const golden = JSON.parse(readFileSync(file, 'utf8')) as Golden;
      const { code, out, err } = await play(file, golden.scenario, ['--json']);
      expect(err).toBe('');
      expect(code).toBe(0);
      const report = JSON.parse(out) as CallReport;
      const summary = {
        ending: report.ending?.id ?? null,
        passed: report.passed,
        criticalErrors: report.criticalErrors.map((c) => c.id),
      };
      expect(summary, golden.description).toEqual({
        ending: golden.expect.ending,
        passed: golden.expect.passed,
        criticalErrors: golden.expect.criticalErrors,
      });
      for (const [scriptId, verdict] of Object.entries(golden.expect.statements ?? {})) {
        const got = report.statements.find((s) => s.scriptId === scriptId);
        expect(got?.result?.verdict ?? null, `${scriptId}`).toBe(verdict);
      }
    },
    LOAD_TIMEOUT,
  );

  it('gives the same readable report twice for the same transcript', async () => {
    const file = files.find((f) => f.includes('suicide-threat/immediate-risk'))!;
    const first = await play(file, 'suicide-threat');
    expect(first.out).toContain('Ending: Emergency help arranged, caller kept on the line (pass)');
    expect(first.out).toContain('Support:');
    expect((await play(file, 'suicide-threat')).out).toBe(first.out);
  });
});
