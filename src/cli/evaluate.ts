// What `eval` measures, apart from files and printing: whole calls against the ending and verdict a QA
// officer expects, and labelled utterances against the move (or none) they should be read as. Each
// miss keeps the matcher's evidence so that a reader can see why it was read the way it was.
import { runCall, type CallReport, type TraineeTurn } from '../core/session/index.ts';
import type { LoadedPack } from '../core/packs/index.ts';
import type { VectorTable } from '../core/scoring/intent.ts';
import type { IntentMatch } from '../core/scoring/types.ts';

export interface LabelledCall {
  file: string;
  scenario: string;
  turns: TraineeTurn[];
  expect: { ending: string; passed: boolean };
}

export interface LabelledUtterance {
  /** Where it came from: "file:line". */
  at: string;
  scenario: string;
  state: string;
  text: string;
  /** The move it should be read as; null for none. */
  intent: string | null;
}

export interface TurnRead {
  turn: number;
  text: string;
  intent: string | null;
  match: IntentMatch | null;
}

export interface CallResult {
  file: string;
  scenario: string;
  ok: boolean;
  expected: { ending: string; passed: boolean };
  got: { ending: string | null; passed: boolean };
  /** Critical errors raised on a call that should pass: never right. */
  falseCritical: string[];
  turns: TurnRead[];
}

export interface UtteranceResult extends LabelledUtterance {
  ok: boolean;
  got: string | null;
  match: IntentMatch | null;
}

/** Every built-in scenario id names one pack; the first pack that has it wins. */
export function scenarioIndex(packs: readonly LoadedPack[]): Map<string, LoadedPack> {
  const index = new Map<string, LoadedPack>();
  for (const pack of packs) for (const id of pack.scenarios.keys()) if (!index.has(id)) index.set(id, pack);
  return index;
}

function turnsRead(report: CallReport): TurnRead[] {
  return report.transcript.flatMap((e) =>
    e.speaker === 'trainee'
      ? [
          {
            turn: e.turnIndex + 1,
            text: e.text,
            intent: e.feedback.intent?.intent ?? null,
            match: e.feedback.intent ?? null,
          },
        ]
      : [],
  );
}

/** A call's ending and verdict against those expected: the one comparison `eval` and `play` make. */
export function meetsExpectation(
  report: CallReport,
  expect: { ending: string; passed: boolean },
): Pick<CallResult, 'ok' | 'got' | 'falseCritical'> {
  const got = { ending: report.ending?.id ?? null, passed: report.passed };
  const falseCritical = expect.passed ? report.criticalErrors.map((c) => c.id) : [];
  return {
    ok: got.ending === expect.ending && got.passed === expect.passed && falseCritical.length === 0,
    got,
    falseCritical,
  };
}

export function evaluateCall(pack: LoadedPack, call: LabelledCall, vectors?: VectorTable): CallResult {
  const report = runCall(pack, call.scenario, call.turns, vectors ? { vectors } : {});
  const { ok, got, falseCritical } = meetsExpectation(report, call.expect);
  return {
    file: call.file,
    scenario: call.scenario,
    ok,
    expected: call.expect,
    got,
    falseCritical,
    turns: turnsRead(report),
  };
}

export function evaluateUtterance(
  pack: LoadedPack,
  row: LabelledUtterance,
  vectors?: VectorTable,
): UtteranceResult {
  const judge = pack.scenarios.get(row.scenario)!.judge;
  const match = judge.understanding(vectors, () => judge.intentAt(row.state, row.text));
  const got = match?.intent ?? null;
  return { ...row, ok: got === row.intent, got, match };
}

/** Expected → read as, with how often, most frequent first; only the misses. */
export function confusions(
  results: readonly UtteranceResult[],
): { expected: string; got: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of results) {
    if (r.ok) continue;
    const key = `${r.intent ?? '(none)'}\u0000${r.got ?? '(none)'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, count]) => {
      const [expected, got] = key.split('\u0000') as [string, string];
      return { expected, got, count };
    })
    .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected));
}

/** One line of evidence: how the matcher got to what it read. */
export function evidenceLine(match: IntentMatch | null): string {
  if (match === null) return 'no move expected in this state';
  const e = match.evidence;
  const read = match.intent ?? (match.unclear ? 'unclear (asked again)' : 'none');
  const best = match.best ? `best ${match.best.id} ${match.best.score.toFixed(2)}` : 'no candidate';
  const refused = match.best?.refusedBecause ? ` (${match.best.refusedBecause})` : '';
  if (e === undefined) return `read as ${read}; ${best}${refused}`;
  const similarity = e.similarity === null ? '' : `, similarity ${e.similarity.toFixed(2)}`;
  const runner = e.runnerUp ? `, runner-up ${e.runnerUp.id} ${e.runnerUp.score.toFixed(2)}` : '';
  const near =
    (e.nearestExample === null ? '' : `; nearest example "${e.nearestExample}"`) +
    (e.part === undefined ? '' : ` (to the words "${e.part}")`);
  const words = e.words.length ? `; words ${e.words.join(' ')}` : '';
  return `read as ${read} by ${e.matcher}; ${best}${refused}${similarity}${runner}${near}${words}`;
}
