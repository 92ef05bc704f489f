// Reading an attempts file for import: its size, its shape (export-format.ts), then every invariant
// the review pages rely on (invariants.ts). Any problem refuses the whole file. What passes is
// marked as imported (which file, who imported it, when), down to each coach's note and decision,
// so a file can add decisions but never pass them off as made on this machine.
import { parseExport, type ParseResult } from './export-format.ts';
import { attemptProblems } from './invariants.ts';
import { REVIEW_LIMITS } from './limits.ts';
import type { ImportMark, ReviewAttempt } from './schema.ts';

/** Problems listed before the rest are only counted: enough to see what is wrong with a file. */
export const MAX_LISTED = 50;

/** Parses and checks an attempts file; every problem, each naming its attempt. */
export function readAttemptsFile(text: string): ParseResult {
  if (text.length > REVIEW_LIMITS.maxFileBytes) {
    return { ok: false, errors: [tooBig(text.length)] };
  }
  const parsed = parseExport(text);
  if (!parsed.ok) return parsed;
  const errors: string[] = [];
  parsed.file.attempts.forEach((a, i) => {
    for (const p of attemptProblems(a)) errors.push(`Attempt ${i + 1} (id ${JSON.stringify(a.id)}): ${p}.`);
  });
  if (errors.length > MAX_LISTED)
    return {
      ok: false,
      errors: [...errors.slice(0, MAX_LISTED), `…and ${errors.length - MAX_LISTED} more.`],
    };
  return errors.length ? { ok: false, errors } : parsed;
}

export function tooBig(size: number): string {
  const mb = (n: number) => `${Math.round(n / 1_000_000)} MB`;
  return `The file is ${mb(size)}; an attempts file can be at most ${mb(REVIEW_LIMITS.maxFileBytes)}. Export fewer attempts (filter by trainee or dates) and import them in parts.`;
}

/** Marks an attempt from a file, its notes and its coaches' decisions, as imported under `mark`. */
export function markImported(attempt: ReviewAttempt, mark: ImportMark): ReviewAttempt {
  return {
    ...attempt,
    imported: mark,
    notes: attempt.notes.map((n) => ({ ...n, imported: mark })),
    disputes: attempt.disputes.map((d) =>
      d.resolution ? { ...d, resolution: { ...d.resolution, imported: mark } } : d,
    ),
  };
}
