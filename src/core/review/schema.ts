// The review data as it crosses a boundary (an imported file): validated here, then trusted.
// The shapes match the attempt store's records so an exported record round-trips field for field.
import { z } from '../zod.ts';

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'is not a date' });
const verdict = z.enum(['exact', 'minor', 'fail']);

export const TurnSchema = z.object({
  text: z.string().optional(),
  silenceBefore: z.number().nonnegative().optional(),
  alternatives: z.array(z.object({ text: z.string(), confidence: z.number().optional() })).optional(),
  source: z.enum(['typed', 'voice']).optional(),
  at: isoDate,
  flaggedForCoach: z.boolean().optional(),
});

export const SummarySchema = z.object({
  ending: z.object({ id: z.string(), title: z.string(), outcome: z.enum(['pass', 'fail']) }),
  score: z.number().min(0).max(100),
  passed: z.boolean(),
  criticalErrors: z.array(z.object({ id: z.string(), message: z.string() })),
  statements: z.array(
    z.object({ scriptId: z.string(), verdict: verdict.nullable(), score: z.number().nullable() }),
  ),
  moves: z.array(z.object({ intentId: z.string(), made: z.boolean() })),
});

export const NoteSchema = z.object({
  id: z.string().min(1),
  author: z.string(),
  text: z.string(),
  at: isoDate,
});

export const DisputeTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('statement'), scriptId: z.string() }),
  z.object({ kind: z.literal('move'), intentId: z.string() }),
]);

/** What the verdict was when it was disputed: a statement's verdict, or whether a move was made. */
export const DisputedVerdictSchema = z.union([verdict, z.literal('made'), z.literal('not-made'), z.null()]);

export const ResolutionSchema = z.object({
  kind: z.enum(['upheld', 'overridden']),
  by: z.string().min(1),
  at: isoDate,
  reason: z.string(),
  /** Only for an override: the verdict the coach gives instead. */
  verdict: DisputedVerdictSchema.optional(),
});

export const DisputeSchema = z.object({
  id: z.string().min(1),
  target: DisputeTargetSchema,
  original: DisputedVerdictSchema,
  comment: z.string(),
  raisedBy: z.string(),
  raisedAt: isoDate,
  resolution: ResolutionSchema.nullable(),
});

export const AttemptSchema = z.object({
  id: z.string().min(1),
  trainee: z.string(),
  packId: z.string(),
  packVersion: z.string(),
  scenarioId: z.string(),
  scenarioTitle: z.string(),
  mode: z.enum(['practice', 'assessment']),
  startedAt: isoDate,
  updatedAt: isoDate,
  status: z.enum(['in-progress', 'completed', 'abandoned']),
  turns: z.array(TurnSchema),
  summary: SummarySchema.nullable(),
  notes: z.array(NoteSchema),
  disputes: z.array(DisputeSchema),
});

export type ReviewTurn = z.infer<typeof TurnSchema>;
export type ReviewSummary = z.infer<typeof SummarySchema>;
export type ReviewNote = z.infer<typeof NoteSchema>;
export type Dispute = z.infer<typeof DisputeSchema>;
export type DisputeTarget = z.infer<typeof DisputeTargetSchema>;
export type DisputedVerdict = z.infer<typeof DisputedVerdictSchema>;
export type DisputeResolution = z.infer<typeof ResolutionSchema>;
export type ReviewAttempt = z.infer<typeof AttemptSchema>;
