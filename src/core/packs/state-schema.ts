// The pack format, part two: one state of a call (what the caller says, what the trainee's answer
// leads to, critical errors, never-say phrases and dead air). Part of pack-schema.ts.
import { z } from '../zod.ts';
import { PACK_LIMITS as L } from './pack-limits.ts';
import { IdSchema, lines, text } from './schema-parts.ts';

export const ConditionSchema = z
  .strictObject({
    intent: z
      .union([IdSchema, z.array(IdSchema).min(1).max(10)])
      .optional()
      .describe('The trainee makes this move (an intent id of the pack), or any of these moves'),
    statement: IdSchema.optional().describe(
      'The trainee says this required statement (a script id listed in the scenario statements) without failing',
    ),
    attempt: IdSchema.optional().describe(
      'The trainee attempts this statement (a script id listed in the scenario statements), even if the wording fails: the caller cannot tell',
    ),
    phrase: z
      .array(text(200))
      .min(1)
      .max(20)
      .optional()
      .describe('The trainee says any of these phrases (case and punctuation ignored)'),
    otherwise: z
      .literal(true)
      .optional()
      .describe('Anything else the trainee says: the fallback, listed last'),
  })
  .superRefine((c, ctx) => {
    const set = (['intent', 'statement', 'attempt', 'phrase', 'otherwise'] as const).filter(
      (k) => c[k] !== undefined,
    );
    if (set.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `give exactly one of intent, statement, attempt, phrase or otherwise${set.length ? ` (found ${set.join(', ')})` : ''}`,
      });
    }
  })
  .describe('What the trainee must say for this to apply');

export const TransitionSchema = z
  .strictObject({
    when: ConditionSchema,
    to: IdSchema.optional().describe('The state or ending the call goes to; leave out to stay in this state'),
    reply: lines('What the caller says back when the call stays in this state').optional(),
  })
  .superRefine((t, ctx) => {
    if (t.to !== undefined && t.reply !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['reply'],
        message: 'a reply is only for staying in the state; when moving, the target state says its own line',
      });
    }
  });

export const CriticalRuleSchema = z
  .strictObject({
    id: IdSchema.describe('Identifies the critical error in reports'),
    when: ConditionSchema,
    message: text(500).describe('Plain-English statement of the error, shown to the trainee'),
    to: IdSchema.optional().describe('Where the call goes (usually a fail ending); leave out to carry on'),
    reply: lines('What the caller says back when the call carries on').optional(),
  })
  .superRefine((r, ctx) => {
    if (r.when.otherwise)
      ctx.addIssue({
        code: 'custom',
        path: ['when'],
        message: 'a critical error needs a real condition, not otherwise',
      });
    if (r.to !== undefined && r.reply !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['reply'],
        message: 'a reply is only for carrying on in the same state',
      });
    }
  })
  .describe('A critical error: it fails the call whatever else happens');

export const NeverSaySchema = z
  .strictObject({
    id: IdSchema,
    phrases: z
      .array(text(200))
      .min(1)
      .max(50)
      .describe('Phrases that must never be said (case and punctuation ignored)'),
    message: text(500).describe('Why: shown to the trainee when one is said'),
  })
  .describe('Phrases that must never be said: saying one is a critical error');

export const DeadAirSchema = z
  .strictObject({
    after: z.number().min(2).max(120).describe('Seconds of silence before the caller reacts'),
    prompts: lines('What the caller says after each silence, in order').max(5),
    then: IdSchema.describe(
      'Where the call goes when the caller gives up after the last prompt (a state or an ending)',
    ),
  })
  .describe('Dead air: the caller prompts after a silence, then gives up');

export const StateSchema = z.strictObject({
  caller: lines('What the caller says on arriving in this state'),
  expects: text(500).describe(
    'What the trainee should do here, in plain words: shown as feedback in practice mode',
  ),
  on: z
    .array(TransitionSchema)
    .max(L.transitions)
    .default([])
    .describe('What each kind of answer leads to, checked in order'),
  critical: z
    .array(CriticalRuleSchema)
    .max(L.transitions)
    .default([])
    .describe('Critical errors checked in this state, before `on`'),
  hangsUp: z
    .literal(true)
    .optional()
    .describe(
      "The caller hangs up in this state's line but the call goes on for the trainee: the screen says so and asks what they do next",
    ),
  deadAir: DeadAirSchema.optional().describe('Overrides the scenario dead-air handling in this state'),
  clarify: lines(
    'What the caller says when two expected moves fit the answer about equally well: asks for it another way',
  ).optional(),
});

export type StateSpec = z.output<typeof StateSchema>;
export type ConditionSpec = z.output<typeof ConditionSchema>;
export type TransitionSpec = z.output<typeof TransitionSchema>;
export type CriticalRuleSpec = z.output<typeof CriticalRuleSchema>;
export type NeverSaySpec = z.output<typeof NeverSaySchema>;
