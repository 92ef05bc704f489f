// The review data as it crosses a boundary (an imported file): validated here, then trusted.
// The shapes match the attempt store's records so an exported record round-trips field for field.
// Every field has a maximum length (limits.ts); what the views rely on beyond shapes (unique ids,
// references that resolve) is checked by invariants.ts.
import { z } from '../zod.ts';
import type { IntentMatch } from '../scoring/types.ts';
import { displayTextProblem } from '../text/visible.ts';
import { REVIEW_LIMITS as L } from './limits.ts';
import { isRealIsoDateTime } from './dates.ts';

const isoDate = z
  .string()
  .max(40)
  .refine(isRealIsoDateTime, { message: 'is not a date and time that exists (like 2026-03-07T09:30:00Z)' });
const verdict = z.enum(['exact', 'minor', 'fail']);
const id = z.string().min(1).max(L.idChars);
const text = (max: number) => z.string().max(max);
/** A name or title shown to others: something visible, and nothing that reorders the text around it. */
const shown = (max: number) =>
  z
    .string()
    .max(max)
    .superRefine((s, ctx) => {
      const problem = displayTextProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

/** Who brought a coach's decision in from a file, and which file: shown beside the decision. */
export const ImportMarkSchema = z.object({
  file: text(L.titleChars),
  by: text(L.nameChars),
  at: isoDate,
});

/**
 * What was decided on a turn when it was made (attempts saved before decisions were kept have none): the
 * matcher and the move read. The move's evidence is kept as it was saved, so an export round-trips exactly.
 */
export const DecisionSchema = z.object({
  matcher: z.enum(['hybrid', 'words only']),
  /** The matcher's version (MATCHER_VERSION); absent on turns saved before it was kept. */
  version: z.string().max(L.versionChars).optional(),
  /** The moves this turn was credited with, so the debrief reads as it did then. */
  credited: z.array(id).max(L.judged).optional(),
  // The fields read here are checked; the rest of the saved match (its evidence) is kept as it came.
  intent: (
    z.looseObject({
      intent: id.nullable(),
      confidence: z.number().min(0).max(1),
    }) as unknown as z.ZodType<IntentMatch>
  ).nullable(),
});

export const TurnSchema = z.object({
  text: text(L.turnChars).optional(),
  silenceBefore: z.number().nonnegative().max(L.silenceSeconds).optional(),
  alternatives: z
    .array(z.object({ text: text(L.turnChars), confidence: z.number().min(0).max(1).optional() }))
    .max(L.alternatives)
    .optional(),
  source: z.enum(['typed', 'voice']).optional(),
  at: isoDate,
  flaggedForCoach: z.boolean().optional(),
  decision: DecisionSchema.optional(),
  /** The trainee said the caller misunderstood this turn: for the coach, and for QA to improve the pack. */
  misunderstood: z.object({ at: isoDate, stateId: id.optional() }).optional(),
});

export const SummarySchema = z.object({
  ending: z.object({ id, title: shown(L.titleChars), outcome: z.enum(['pass', 'fail']) }),
  score: z.number().min(0).max(100),
  passed: z.boolean(),
  criticalErrors: z.array(z.object({ id, message: text(L.noteChars) })).max(L.judged),
  statements: z
    .array(
      z.object({ scriptId: id, verdict: verdict.nullable(), score: z.number().min(0).max(100).nullable() }),
    )
    .max(L.judged),
  moves: z.array(z.object({ intentId: id, made: z.boolean() })).max(L.judged),
});

export const NoteSchema = z.object({
  id,
  author: text(L.nameChars),
  text: text(L.noteChars),
  at: isoDate,
  /** Present when the note came from an imported file. */
  imported: ImportMarkSchema.optional(),
});

export const DisputeTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('statement'), scriptId: id }),
  z.object({ kind: z.literal('move'), intentId: id }),
]);

/** What the verdict was when it was disputed: a statement's verdict, or whether a move was made. */
export const DisputedVerdictSchema = z.union([verdict, z.literal('made'), z.literal('not-made'), z.null()]);

export const ResolutionSchema = z.object({
  kind: z.enum(['upheld', 'overridden']),
  by: z.string().min(1).max(L.nameChars),
  at: isoDate,
  reason: text(L.noteChars),
  /** Only for an override: the verdict the coach gives instead. */
  verdict: DisputedVerdictSchema.optional(),
  /** Present when the decision came from an imported file. */
  imported: ImportMarkSchema.optional(),
});

export const DisputeSchema = z.object({
  id,
  target: DisputeTargetSchema,
  original: DisputedVerdictSchema,
  comment: text(L.noteChars),
  raisedBy: text(L.nameChars),
  raisedAt: isoDate,
  resolution: ResolutionSchema.nullable(),
});

/**
 * Set on an imported attempt whose result could not be checked here (its pack version is not
 * installed): the stored result is the file's, shown marked, and left out of pass rates until a
 * coach on this machine accepts it.
 */
export const NotRecheckedSchema = z.object({
  reason: text(L.noteChars),
  accepted: z.object({ by: text(L.nameChars), at: isoDate }).optional(),
});

export const AttemptSchema = z.object({
  id,
  trainee: shown(L.nameChars),
  packId: id,
  packVersion: z.string().min(1).max(L.versionChars),
  scenarioId: id,
  scenarioTitle: shown(L.titleChars),
  mode: z.enum(['practice', 'assessment']),
  startedAt: isoDate,
  updatedAt: isoDate,
  status: z.enum(['in-progress', 'completed', 'abandoned']),
  turns: z.array(TurnSchema).max(L.turns),
  summary: SummarySchema.nullable(),
  notes: z.array(NoteSchema).max(L.notes),
  disputes: z.array(DisputeSchema).max(L.disputes),
  /** Present when the attempt came from an imported file. */
  imported: ImportMarkSchema.optional(),
  notRechecked: NotRecheckedSchema.optional(),
});

export type ReviewSummary = z.infer<typeof SummarySchema>;
export type Dispute = z.infer<typeof DisputeSchema>;
export type DisputeTarget = z.infer<typeof DisputeTargetSchema>;
export type DisputedVerdict = z.infer<typeof DisputedVerdictSchema>;
export type ImportMark = z.infer<typeof ImportMarkSchema>;
export type NotRechecked = z.infer<typeof NotRecheckedSchema>;
export type ReviewAttempt = z.infer<typeof AttemptSchema>;
