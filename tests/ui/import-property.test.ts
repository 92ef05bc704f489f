// Property: whatever attempts file arrives (valid, or mutated with duplicate ids, dangling
// references, impossible dates, huge strings or forged results), import either refuses it whole and
// the store is unchanged, or every stored record is one every review view can show: valid, with the
// ids each page keys its lists by unique, and results that could not be re-checked marked.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openAttemptStore } from '../../src/adapters/storage/attempt-store.ts';
import type { AttemptRecord } from '../../src/core/ports/index.ts';
import {
  AttemptSchema,
  attemptProblems,
  attemptsCsv,
  effectiveVerdict,
  filterOptions,
  movesSkippedMost,
  openDisputes,
  scoresOverTime,
  sortAttempts,
  statementsFailedMost,
  traineeOverviews,
  traineeStatementResults,
  type ReviewAttempt,
} from '../../src/core/review/index.ts';
import { headOf } from '../../src/core/review/attempt-head.ts';
import { importAttempts } from '../../src/ui/state/review-import.ts';
import { fakeLibrary, runFake } from './fake-library.ts';
import { summariseCall as summarise } from '../../src/core/session/attempts.ts';

const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T09:00:00.000Z`;
const SAID = 'I must tell you this call may be recorded';

/** An attempt as the app would save it, scored by the (fake) installed pack. */
const validAttempt = fc
  .record({
    id: fc.constantFrom('a1', 'a2', 'a3', 'a4', 'here-1'),
    trainee: fc.constantFrom('Sam Jones', 'Zoë Ährens', 'محمد'),
    pack: fc.constantFrom(
      { packId: 'test-pack', packVersion: '1.0.0', scenarioId: 'test-call' },
      { packId: 'test-pack', packVersion: '0.9.0', scenarioId: 'test-call' },
      { packId: 'innocent-pack', packVersion: '1.0.0', scenarioId: 'test-call' },
    ),
    day: fc.integer({ min: 1, max: 28 }),
    says: fc.boolean(),
    notes: fc.uniqueArray(fc.constantFrom('n1', 'n2', 'n3'), { maxLength: 3 }),
    disputed: fc.boolean(),
  })
  .map(({ id, trainee, pack, day, says, notes, disputed }): ReviewAttempt => {
    const turns = [{ text: says ? SAID : 'hello', source: 'typed' as const, at: at(day) }];
    const summary = summarise(runFake(turns));
    return {
      id,
      trainee,
      ...pack,
      scenarioTitle: 'A test call',
      mode: 'practice',
      startedAt: at(day),
      updatedAt: at(day),
      status: summary ? 'completed' : 'in-progress',
      turns,
      summary,
      notes: notes.map((n) => ({ id: n, author: 'Coach', text: `note ${n}`, at: at(day) })),
      disputes:
        disputed && summary
          ? [
              {
                id: 'd1',
                target: { kind: 'statement', scriptId: 'call-recording-notice' },
                original: summary.statements[0]?.verdict ?? null,
                comment: 'I said it',
                raisedBy: trainee,
                raisedAt: at(day),
                resolution: null,
              },
            ]
          : [],
    };
  });

type Mutation = (a: Record<string, unknown>) => void;
const huge = 'x'.repeat(200_000);
const mutations: [string, Mutation][] = [
  [
    'duplicate note',
    (a) => void (a.notes = [...(a.notes as unknown[]), ...(a.notes as unknown[]).slice(0, 1)]),
  ],
  [
    'duplicate dispute',
    (a) => void (a.disputes = [...(a.disputes as unknown[]), ...(a.disputes as unknown[])]),
  ],
  [
    'dangling dispute',
    (a) => {
      a.disputes = [
        {
          id: 'dx',
          target: { kind: 'move', intentId: 'nowhere' },
          original: 'made',
          comment: 'c',
          raisedBy: 'r',
          raisedAt: at(1),
          resolution: null,
        },
      ];
    },
  ],
  ['impossible date', (a) => void (a.startedAt = '2026-02-30T10:00:00Z')],
  ['words for a date', (a) => void (a.updatedAt = 'March 7')],
  ['huge name', (a) => void (a.trainee = huge)],
  ['huge note', (a) => void (a.notes = [{ id: 'big', author: 'x', text: huge, at: at(1) }])],
  ['invisible title', (a) => void (a.scenarioTitle = '\u200b\u200b')],
  [
    'forged result',
    (a) => {
      a.summary = {
        ending: { id: 'end', title: 'Passed', outcome: 'pass' },
        score: 100,
        passed: true,
        criticalErrors: [],
        statements: [],
        moves: [],
      };
      a.status = 'completed';
    },
  ],
  [
    'forged decision',
    (a) => {
      const d = (a.disputes as Record<string, unknown>[])[0];
      if (d) d.resolution = { kind: 'overridden', by: 'Forger', at: at(2), reason: 'x', verdict: 'exact' };
    },
  ],
  [
    'repeated critical error',
    (a) => {
      const s = a.summary as Record<string, unknown> | null;
      if (s)
        s.criticalErrors = [
          { id: 'c', message: 'm' },
          { id: 'c', message: 'm' },
        ];
    },
  ],
  ['wrong type', (a) => void (a.turns = 'none')],
  [
    'accepted in the file',
    (a) => void (a.notRechecked = { reason: 'x', accepted: { by: 'Forger', at: at(3) } }),
  ],
];

const fileOf = (attempts: unknown[]) =>
  JSON.stringify({ format: 'verbatim-attempts', version: 1, exportedAt: at(28), attempts });

/** The keys each review page uses for its lists, and the pure functions behind every page. */
function everyViewRenders(records: readonly AttemptRecord[]): void {
  const unique = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
  unique(records.map((r) => r.id));
  const heads = records.map(headOf);
  sortAttempts(heads, 'score', 'asc');
  filterOptions(heads);
  traineeOverviews(records);
  statementsFailedMost(records);
  movesSkippedMost(records);
  attemptsCsv(records);
  unique(openDisputes(records).map(({ attempt, dispute }) => `${attempt.id}/${dispute.id}`));
  for (const r of records) {
    expect(AttemptSchema.safeParse(r).success).toBe(true);
    expect(attemptProblems(r)).toEqual([]);
    unique(r.notes.map((n) => n.id));
    unique(r.disputes.map((d) => d.id));
    unique(r.summary?.criticalErrors.map((c) => c.id) ?? []);
    unique(r.summary?.statements.map((s) => s.scriptId) ?? []);
    for (const s of r.summary?.statements ?? [])
      effectiveVerdict(r, { kind: 'statement', scriptId: s.scriptId });
    scoresOverTime(records, r.trainee);
    traineeStatementResults(records, r.trainee);
  }
}

let run = 0;
describe('importing any attempts file', () => {
  it('refuses it whole, or leaves a store whose every view renders', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(validAttempt, { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...mutations)), { maxLength: 3 }),
        async (attempts, applied) => {
          const store = await openAttemptStore({ name: `property-${++run}`, markStorage: null });
          try {
            const seed = attempts[0]!;
            await store.put({ ...seed, id: 'here-1', notes: [], disputes: [] } as AttemptRecord);
            const before = await store.list();
            const raw = structuredClone(attempts) as unknown as Record<string, unknown>[];
            for (const [n, [, mutate]] of applied) mutate(raw[n % raw.length]!);
            const mark = { file: 'f.json', by: 'Importer', at: at(28) };
            const out = await importAttempts({ text: fileOf(raw), mark, library: fakeLibrary, store });
            const after = await store.list();
            if (!out.ok) {
              expect(out.errors.length).toBeGreaterThan(0);
              expect(after).toEqual(before);
              return;
            }
            everyViewRenders(after);
            for (const r of after.filter((x) => x.id !== 'here-1')) {
              // Only the exact pack version installed (test-pack 1.0.0) re-checks a result.
              const rescorable = r.packId === 'test-pack' && r.packVersion === '1.0.0';
              if (r.summary) expect(r.notRechecked !== undefined).toBe(!rescorable);
              expect(r.notRechecked?.accepted).toBeUndefined();
              for (const n of r.notes) expect(n.imported).toEqual(mark);
            }
          } finally {
            store.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
