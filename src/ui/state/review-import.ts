// Importing an attempts file: read and check it whole (nothing is written if any of it is wrong),
// mark what came from it, re-check each result against the exact pack version it was made with, then
// merge in one transaction. Reading, checking and re-scoring are done in slices that hand the page
// back to the browser, so a large file never freezes the page for more than about one frame budget
// at a time, and the screen shows how far the reading has got.
import type { AttemptHead, AttemptRecord, AttemptStore, ImportMark } from '../../core/ports/index.ts';
import { headOf } from '../../core/review/attempt-head.ts';
import {
  attemptProblems,
  markImported,
  REVIEW_LIMITS,
  readAttemptsFileSliced,
  replayProblem,
  rescoreOne,
  type RescoreOutcome,
  type Rescorer,
  type ReviewAttempt,
  type ScoreDifference,
  type TextSource,
} from '../../core/review/index.ts';
import type { PracticeLibrary, TraineeTurn } from '../../core/ports/index.ts';
import { summariseCall } from '../../core/session/attempts.ts';

export interface ImportReport {
  added: number;
  updated: number;
  unchanged: number;
  differences: ScoreDifference[];
  /** Ids of attempts whose results could not be re-checked here, with the reason. */
  unverified: { id: string; reason: string }[];
}

export type ImportOutcome =
  /**
   * `added`: the heads of the attempts new here, as stored (the others' heads are unchanged: calls
   * are kept as stored), made in slices like the rest of the import.
   */
  { ok: true; report: ImportReport; added: AttemptHead[] } | { ok: false; errors: string[] };

/**
 * How long one slice of work may hold the page: a quarter of the 100 ms a response may take before
 * it feels sluggish (RAIL model). Slices of 50 ms made tasks of 60-180 ms on a busy two-core
 * machine, as a garbage collection or a slow attempt lands on top of a slice.
 */
export const SLICE_MS = 25;

/**
 * How many of a refused file's problems are listed: enough to see the pattern and fix the file; a
 * file broken throughout would otherwise bury the page in thousands of lines.
 */
const MAX_LISTED_PROBLEMS = 50;

/** Hands the page back to the browser (input, drawing) before the next slice. */
export const yieldToPage = (): Promise<void> => new Promise((done) => setTimeout(done, 0));

export const toTraineeTurns = (r: Pick<AttemptRecord, 'turns'>): TraineeTurn[] =>
  r.turns.map(({ text, silenceBefore, alternatives, source }) => ({
    text,
    silenceBefore,
    alternatives,
    source,
  }));

/** Replays an attempt through the scenario of the same pack id and version, or says why it cannot. */
export function rescorerFor(library: PracticeLibrary | null): Rescorer {
  return (attempt) => {
    const scenario = library?.find(attempt.scenarioId, attempt.packId);
    const problem = library ? replayProblem(attempt, scenario) : 'the installed packs could not be loaded';
    if (problem !== null || !library || !scenario) return { notRechecked: problem ?? 'no scenario' };
    return { summary: summariseCall(library.run(scenario, toTraineeTurns(attempt), attempt.mode)) };
  };
}

export interface ImportInput {
  /** The file's text: a string, or the pieces it was read in. */
  text: TextSource;
  mark: ImportMark;
  library: PracticeLibrary | null;
  store: AttemptStore;
  now?: () => number;
  /** Told how far the file's reading has got: attempts checked, out of how many. */
  progress?: (done: number, total: number) => void;
}

/** Re-scores each attempt, then checks it again (disputes must still point at verdicts it has). */
async function rescoreAll(
  attempts: readonly ReviewAttempt[],
  mark: ImportMark,
  rescore: Rescorer,
  pause: () => Promise<void>,
): Promise<{ outcome: RescoreOutcome; broken: string[] }> {
  const outcome: RescoreOutcome = { attempts: [], differences: [], unverified: [] };
  for (const attempt of attempts) {
    rescoreOne(markImported(attempt, mark), rescore, outcome);
    await pause();
  }
  const broken: string[] = [];
  for (const a of outcome.attempts) {
    for (const p of attemptProblems(a))
      broken.push(`Attempt ${JSON.stringify(a.id)}, once re-scored here: ${p}.`);
    await pause();
  }
  return { outcome, broken };
}

export async function importAttempts(input: ImportInput): Promise<ImportOutcome> {
  const by = input.mark.by.trim();
  if (!by)
    return {
      ok: false,
      errors: ['Give your name first: it is shown beside every note and decision the file brings.'],
    };
  if (by.length > REVIEW_LIMITS.nameChars) return { ok: false, errors: ['Your name is too long.'] };
  const mark = { ...input.mark, by, file: input.mark.file.slice(0, REVIEW_LIMITS.titleChars) };
  const now = input.now ?? (() => performance.now());
  let sliceStart = now();
  const parsed = await readAttemptsFileSliced(input.text, {
    due: () => now() - sliceStart > SLICE_MS,
    pause: async () => {
      await yieldToPage();
      sliceStart = now();
    },
    progress: input.progress,
  });
  if (!parsed.ok) return parsed;
  const pause = async () => {
    if (now() - sliceStart <= SLICE_MS) return;
    await yieldToPage();
    sliceStart = now();
  };
  const { outcome, broken } = await rescoreAll(parsed.file.attempts, mark, rescorerFor(input.library), pause);
  if (broken.length) return { ok: false, errors: broken.slice(0, MAX_LISTED_PROBLEMS) };
  let result;
  try {
    result = await input.store.importAttempts(outcome.attempts as AttemptRecord[]);
  } catch (e) {
    // The store names each problem; it throws nothing else that is not a failed write.
    const problems = (e as { problems?: unknown }).problems;
    if (Array.isArray(problems)) return { ok: false, errors: problems.map(String) };
    throw e;
  }
  const byId = new Map<string, ReviewAttempt>(outcome.attempts.map((a) => [a.id, a]));
  const added: AttemptHead[] = [];
  for (const id of result.added) {
    added.push(headOf(byId.get(id) as AttemptRecord));
    await pause();
  }
  return {
    ok: true,
    added,
    report: {
      added: result.added.length,
      updated: result.updated.length,
      unchanged: result.unchanged.length,
      differences: outcome.differences,
      unverified: outcome.unverified.map((id) => ({ id, reason: byId.get(id)?.notRechecked?.reason ?? '' })),
    },
  };
}
