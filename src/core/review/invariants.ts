// What the review pages rely on beyond the shape of a record: ids unique where they key a list,
// disputes pointing at a verdict the attempt has, verdicts of the right kind. An import checks every
// record here and refuses the whole file on any problem, so no page is ever the first to find one.
import type { Dispute, DisputedVerdict, ReviewAttempt } from './schema.ts';

const STATEMENT_VERDICTS: readonly DisputedVerdict[] = ['exact', 'minor', 'fail', null];
const MOVE_VERDICTS: readonly DisputedVerdict[] = ['made', 'not-made'];

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const v of values) (seen.has(v) ? twice : seen).add(v);
  return [...twice];
}

function disputeProblems(attempt: ReviewAttempt, d: Dispute): string[] {
  const out: string[] = [];
  const where = `dispute ${JSON.stringify(d.id)}`;
  const s = attempt.summary;
  const allowed = d.target.kind === 'statement' ? STATEMENT_VERDICTS : MOVE_VERDICTS;
  if (d.target.kind === 'statement') {
    const scriptId = d.target.scriptId;
    if (!s?.statements.some((x) => x.scriptId === scriptId))
      out.push(
        `${where} is about statement ${JSON.stringify(scriptId)}, which this attempt has no verdict for`,
      );
  } else {
    const intentId = d.target.intentId;
    if (!s?.moves.some((x) => x.intentId === intentId))
      out.push(`${where} is about move ${JSON.stringify(intentId)}, which this attempt has no verdict for`);
  }
  if (!allowed.includes(d.original)) out.push(`${where} has an original verdict of the wrong kind`);
  const r = d.resolution;
  if (
    r?.kind === 'overridden' &&
    (r.verdict === undefined || !allowed.includes(r.verdict) || r.verdict === d.original)
  )
    out.push(`${where} is overridden without a different verdict of the right kind`);
  if (r?.kind === 'upheld' && r.verdict !== undefined) out.push(`${where} is upheld but gives a new verdict`);
  return out;
}

/** Every broken invariant of one attempt, in plain words; empty when the views can show it. */
export function attemptProblems(attempt: ReviewAttempt): string[] {
  const out: string[] = [];
  const s = attempt.summary;
  // Each list the views key their rows by, named as a reader would name it.
  const keyed: [string, readonly string[]][] = [
    ['notes', attempt.notes.map((n) => n.id)],
    ['disputes', attempt.disputes.map((d) => d.id)],
    ['critical errors', s?.criticalErrors.map((c) => c.id) ?? []],
    ['statement results', s?.statements.map((x) => x.scriptId) ?? []],
    ['move results', s?.moves.map((x) => x.intentId) ?? []],
  ];
  for (const [what, ids] of keyed)
    for (const v of duplicates(ids)) out.push(`two ${what} have the id ${JSON.stringify(v)}`);
  for (const d of attempt.disputes) out.push(...disputeProblems(attempt, d));
  const open = attempt.disputes.filter((d) => d.resolution === null).map((d) => JSON.stringify(d.target));
  if (duplicates(open).length) out.push('one verdict has two open disputes');
  if (attempt.status === 'completed' && s === null) out.push('it is marked completed but has no result');
  if (attempt.status === 'in-progress' && s !== null) out.push('it is marked in progress but has a result');
  if (Date.parse(attempt.updatedAt) < Date.parse(attempt.startedAt))
    out.push('it was last changed before it started');
  return out;
}
