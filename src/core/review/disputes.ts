// Disputes: a trainee flags a verdict, a coach upholds or overrides it. The original verdict is
// kept in the dispute and the summary is never rewritten: the effective verdict is derived.
import type { Dispute, DisputedVerdict, DisputeTarget, ReviewAttempt } from './schema.ts';

export interface FlagInput {
  target: DisputeTarget;
  comment: string;
  raisedBy: string;
}

export interface ResolveInput {
  kind: 'upheld' | 'overridden';
  by: string;
  reason: string;
  /** Required for an override. */
  verdict?: DisputedVerdict;
}

export interface Stamp {
  now: string;
  id: string;
}

export type DisputeResult = { ok: true; attempt: ReviewAttempt } | { ok: false; error: string };

const sameTarget = (a: DisputeTarget, b: DisputeTarget) =>
  a.kind === b.kind &&
  (a.kind === 'statement'
    ? a.scriptId === (b as typeof a).scriptId
    : a.intentId === (b as { intentId: string }).intentId);

export function currentVerdict(attempt: ReviewAttempt, target: DisputeTarget): DisputedVerdict | undefined {
  const s = attempt.summary;
  if (!s) return undefined;
  if (target.kind === 'statement') {
    const st = s.statements.find((x) => x.scriptId === target.scriptId);
    return st ? st.verdict : undefined;
  }
  const mv = s.moves.find((x) => x.intentId === target.intentId);
  return mv ? (mv.made ? 'made' : 'not-made') : undefined;
}

export function flagDispute(attempt: ReviewAttempt, input: FlagInput, stamp: Stamp): DisputeResult {
  const original = currentVerdict(attempt, input.target);
  if (original === undefined) return { ok: false, error: 'That verdict is not part of this attempt.' };
  if (!input.comment.trim()) return { ok: false, error: 'Say why you think the verdict is wrong.' };
  if (attempt.disputes.some((d) => d.resolution === null && sameTarget(d.target, input.target))) {
    return { ok: false, error: 'This verdict is already disputed and waiting for a coach.' };
  }
  const dispute: Dispute = {
    id: stamp.id,
    target: input.target,
    original,
    comment: input.comment.trim(),
    raisedBy: input.raisedBy.trim(),
    raisedAt: stamp.now,
    resolution: null,
  };
  return { ok: true, attempt: { ...attempt, disputes: [...attempt.disputes, dispute] } };
}

export function resolveDispute(
  attempt: ReviewAttempt,
  disputeId: string,
  input: ResolveInput,
  now: string,
): DisputeResult {
  const dispute = attempt.disputes.find((d) => d.id === disputeId);
  if (!dispute) return { ok: false, error: 'No such dispute.' };
  if (dispute.resolution)
    return { ok: false, error: 'This dispute is already resolved; its resolution is kept as made.' };
  if (!input.by.trim()) return { ok: false, error: 'Give the coach’s name.' };
  if (!input.reason.trim()) return { ok: false, error: 'Give a reason.' };
  if (input.kind === 'overridden' && (input.verdict === undefined || input.verdict === dispute.original)) {
    return { ok: false, error: 'An override needs a verdict different from the original.' };
  }
  const resolution =
    input.kind === 'overridden'
      ? {
          kind: input.kind,
          by: input.by.trim(),
          at: now,
          reason: input.reason.trim(),
          verdict: input.verdict,
        }
      : { kind: input.kind, by: input.by.trim(), at: now, reason: input.reason.trim() };
  return {
    ok: true,
    attempt: {
      ...attempt,
      disputes: attempt.disputes.map((d) => (d.id === disputeId ? { ...d, resolution } : d)),
    },
  };
}

/** The verdict to show: the coach's override when there is one, with the original kept beside it. */
export function effectiveVerdict(
  attempt: ReviewAttempt,
  target: DisputeTarget,
): {
  verdict: DisputedVerdict | undefined;
  original: DisputedVerdict | undefined;
  overridden: boolean;
  dispute?: Dispute;
} {
  const original = currentVerdict(attempt, target);
  const over = [...attempt.disputes]
    .reverse()
    .find((d) => sameTarget(d.target, target) && d.resolution?.kind === 'overridden');
  if (over?.resolution?.verdict !== undefined) {
    return { verdict: over.resolution.verdict, original, overridden: true, dispute: over };
  }
  return { verdict: original, original, overridden: false };
}

export const effectiveStatementVerdict = (attempt: ReviewAttempt, scriptId: string) =>
  effectiveVerdict(attempt, { kind: 'statement', scriptId });

export const openDisputes = (attempts: readonly ReviewAttempt[]) =>
  attempts.flatMap((a) =>
    a.disputes.filter((d) => d.resolution === null).map((d) => ({ attempt: a, dispute: d })),
  );
