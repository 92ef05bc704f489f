// Natural transcripts: calls in plain caseworker words (not the packs' example phrasings), each played
// through the `play` command to the ending it must reach. tests/natural/<pack id>/ holds a pack's calls.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPlay } from '../../src/cli/play.ts';
import type { CallReport } from '../../src/core/session/index.ts';

// Compiling the built-in packs takes a few seconds on a busy two-core machine: the first test pays for it.
const LOAD_TIMEOUT = 30_000;

interface Natural {
  scenario: string;
  description: string;
  turns: { text?: string }[];
  expect: { ending: string; passed: boolean };
}

const ROOT = 'tests/natural';
const files = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(ROOT, d.name))
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ pack: `scenarios/${d.name}.yaml`, file: join(ROOT, d.name, f) })),
  )
  .sort((a, b) => a.file.localeCompare(b.file));

describe('natural transcripts', () => {
  it('give every scenario of the second pack at least three calls, one of them passing', () => {
    const calls = files
      .filter((f) => f.pack === 'scenarios/cms-more.yaml')
      .map((f) => JSON.parse(readFileSync(f.file, 'utf8')) as Natural);
    const pack = readFileSync('scenarios/cms-more.yaml', 'utf8');
    const ids = [...pack.slice(pack.indexOf('\nscenarios:')).matchAll(/^ {2}- id: ([a-z0-9-]+)$/gm)].map(
      (m) => m[1]!,
    );
    expect(ids.length).toBe(7);
    for (const id of ids) {
      const mine = calls.filter((c) => c.scenario === id);
      expect(mine.length, id).toBeGreaterThanOrEqual(3);
      expect(
        mine.some((c) => c.expect.passed),
        id,
      ).toBe(true);
    }
  });

  it.each(files)(
    '$file reaches its expected ending',
    async ({ pack, file }) => {
      const call = JSON.parse(readFileSync(file, 'utf8')) as Natural;
      const out: string[] = [];
      const err: string[] = [];
      // Words alone, as the app decides today; the hybrid matcher's figures are guarded on the shared
      // calibration calls in tests/core/scoring/understanding.test.ts.
      const args = [pack, '--scenario', call.scenario, '--transcript', file, '--json', '--lexical'];
      const code = await runPlay(args, {
        out: (l) => out.push(l),
        err: (l) => err.push(l),
        stdin: async () => '',
      });
      expect(err.join('\n')).toBe('');
      expect(code).toBe(0);
      const report = JSON.parse(out.join('\n')) as CallReport;
      expect({ ending: report.ending?.id ?? null, passed: report.passed }, call.description).toEqual(
        call.expect,
      );
    },
    LOAD_TIMEOUT,
  );
});
