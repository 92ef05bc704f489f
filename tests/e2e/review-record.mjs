// The stored attempts the review benchmarks open by the thousand: the Vitest bench writes them into an
// in-memory IndexedDB, the browser benchmark (review.e2e.mjs) into Chromium's. Plain JavaScript so
// both can use it; the browser test hands the function's source to the page, so it refers to
// nothing outside itself.

/** The `i`th finished attempt, like the ones the app stores: six turns, a summary, no notes. */
export function reviewRecord(i) {
  const day = String((i % 28) + 1).padStart(2, '0');
  const minute = String(i % 60).padStart(2, '0');
  return {
    id: `bench-${i}`,
    trainee: `Trainee ${i % 40}`,
    packId: 'cms-core',
    packVersion: '1.0.0',
    scenarioId: `scenario-${i % 8}`,
    scenarioTitle: `Scenario ${i % 8}`,
    mode: i % 3 ? 'practice' : 'assessment',
    startedAt: `2026-02-${day}T09:${minute}:${String(i % 59).padStart(2, '0')}.000Z`,
    updatedAt: `2026-02-${day}T09:59:00.000Z`,
    status: 'completed',
    turns: Array.from({ length: 6 }, (_, t) => ({
      text: `turn ${t} of attempt ${i} with some words`,
      source: 'typed',
      at: `2026-02-${day}T09:0${t}:00.000Z`,
    })),
    summary: {
      ending: {
        id: i % 4 ? 'handled-well' : 'disclosed',
        title: i % 4 ? 'Handled well' : 'Disclosed',
        outcome: i % 4 ? 'pass' : 'fail',
      },
      score: i % 101,
      passed: i % 4 !== 0,
      criticalErrors: i % 4 ? [] : [{ id: 'disclosure', message: 'Disclosed case details' }],
      statements: [
        { scriptId: 'security', verdict: 'exact', score: 100 },
        { scriptId: 'recording', verdict: i % 2 ? 'fail' : 'minor', score: 60 },
      ],
      moves: [{ intentId: 'ask-name', made: i % 5 !== 0 }],
    },
    notes: [],
    disputes: [],
  };
}
