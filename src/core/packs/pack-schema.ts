// The scenario pack format: the single source of truth. scenarios/scenario-pack.schema.json is generated
// from PackSchema (src/cli/gen-schema.ts) so editors autocomplete and flag mistakes as authors type.
// Strict objects everywhere: a typo such as `requried:` is an error, never silently ignored.
import { z } from '../zod.ts';
import { PACK_LIMITS as L } from './pack-limits.ts';

export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'use lower-case letters, digits and single hyphens, at most 64 characters',
  );

const text = (max: number = L.textChars) => z.string().trim().min(1).max(max);
const lines = (what: string) =>
  z
    .array(text())
    .min(1)
    .max(L.variants)
    .describe(`${what}. Several lines are variants: the caller uses the next one each time`);

const within = z
  .strictObject({
    turns: z
      .int()
      .min(1)
      .max(50)
      .describe('Counts only if done within this many trainee turns from the start of the call'),
  })
  .describe('A window: for example the recording notice within the first two turns of an outbound call');

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
  deadAir: DeadAirSchema.optional().describe('Overrides the scenario dead-air handling in this state'),
});

const CitationSchema = z
  .strictObject({
    point: text(500).describe('The procedural point'),
    source: text(300)
      .optional()
      .describe(
        'Where it is published: a seed file name such as 001_43724bad90100c4e.txt, or an https address',
      ),
    section: text(300).optional().describe('The section or heading in that source'),
    inference: z
      .boolean()
      .default(false)
      .describe('True when this is good practice or judgement, not quoted CMS procedure'),
  })
  .superRefine((c, ctx) => {
    if (!c.inference && (c.source === undefined || c.section === undefined)) {
      ctx.addIssue({
        code: 'custom',
        message: 'cite a source and section, or mark the point as inference: true',
      });
    }
  });

export const EndingSchema = z.strictObject({
  title: text(120),
  outcome: z.enum(['pass', 'fail']),
  caller: text().optional().describe("The caller's last words as the call ends"),
  debrief: text(4000).describe('What happened and why it matters'),
  procedure: z
    .array(CitationSchema)
    .min(1)
    .max(20)
    .describe('The procedure this ending rests on, with its source'),
  support: z.array(text(500)).max(10).optional().describe('Support for the trainee after a difficult call'),
});

export const StatementRequirementSchema = z.strictObject({
  script: IdSchema.describe('A statement id from scripts-verbatim/'),
  version: IdSchema.optional().describe(
    'Which wording, for example "cmg" or "cms"; the default version if left out',
  ),
  tolerance: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Share of the words that may deviate (the standard is 0.15)'),
  required: z.boolean().default(true),
  within: within.optional(),
  note: text(300).optional().describe('Shown on the briefing screen'),
});

export const MoveRequirementSchema = z.strictObject({
  intent: IdSchema.describe('An intent id of the pack'),
  required: z.boolean().default(true),
  within: within.optional(),
  note: text(300).optional(),
});

export const PersonaSchema = z.strictObject({
  name: text(80),
  role: text(120).describe('Who the caller is, for example "says she is the receiving parent"'),
  voice: z
    .strictObject({
      lang: z
        .string()
        .regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, 'a language tag such as en-GB')
        .default('en-GB'),
      rate: z.number().min(0.5).max(2).default(1),
      pitch: z.number().min(0).max(2).default(1),
    })
    .optional()
    .describe('Hints for the speech synthesiser'),
});

const boundedRecord = <T extends z.ZodType>(value: T, max: number, what: string) =>
  z.record(IdSchema, value).refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= max, {
    message: `give between 1 and ${max} ${what}`,
  });

export const ScenarioSchema = z.strictObject({
  id: IdSchema,
  title: text(120),
  summary: text(600),
  contentNote: text(600)
    .optional()
    .describe('Shown before the call when the scenario deals with distressing matters'),
  direction: z
    .enum(['inbound', 'outbound'])
    .describe('Inbound: the client rang CMS. Outbound: the caseworker rang'),
  firstContact: z.boolean().describe('True when this is the first contact with the client'),
  persona: PersonaSchema,
  briefing: z.array(text(500)).max(10).default([]).describe('Notes for the trainee before the call'),
  passMark: z.number().min(0).max(100).optional().describe("Overrides the pack's pass mark"),
  statements: z
    .array(StatementRequirementSchema)
    .max(10)
    .default([])
    .describe('Statements judged word for word'),
  moves: z
    .array(MoveRequirementSchema)
    .max(30)
    .default([])
    .describe('Procedural moves judged by intent, in order'),
  neverSay: z.array(NeverSaySchema).max(20).default([]),
  critical: z
    .array(CriticalRuleSchema)
    .max(20)
    .default([])
    .describe('Critical errors checked in every state'),
  deadAir: DeadAirSchema.describe('Dead-air handling for every state without its own'),
  initial: IdSchema.describe('The state the call starts in'),
  states: boundedRecord(StateSchema, L.statesPerScenario, 'states'),
  endings: boundedRecord(EndingSchema, L.endingsPerScenario, 'endings').describe(
    'Final states: every way the call can end',
  ),
});

export const IntentSpecSchema = z.strictObject({
  id: IdSchema,
  label: text(120).describe('How the move is named in feedback'),
  examples: z.array(text(300)).min(1).max(60).describe('Example phrasings the trainee might use'),
  requires: z
    .array(z.array(text(60)).min(1).max(30))
    .max(10)
    .optional()
    .describe('Word groups that must all be present; each group lists alternatives'),
  form: z.enum(['question', 'statement', 'any']).optional(),
  excludes: z.array(text(200)).max(30).optional().describe('Phrases that rule this move out'),
});

export const PackSchema = z.strictObject({
  $schema: z.string().max(300).optional().describe('Path to scenario-pack.schema.json, for editors'),
  id: IdSchema,
  version: z
    .string()
    .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'use a semantic version such as 1.0.0')
    .describe('Semantic version of the pack'),
  title: text(120),
  description: text(2000),
  author: text(200),
  passMark: z.number().min(0).max(100).describe('Score out of 100 needed to pass a call'),
  intents: z.array(IntentSpecSchema).max(L.intents).describe('The procedural moves the trainee can make'),
  neverSay: z
    .array(NeverSaySchema)
    .max(50)
    .default([])
    .describe('Phrases that must never be said in any scenario'),
  scenarios: z.array(ScenarioSchema).min(1).max(L.scenarios),
});

export type PackSpec = z.output<typeof PackSchema>;
export type ScenarioSpec = z.output<typeof ScenarioSchema>;
export type StateSpec = z.output<typeof StateSchema>;
export type EndingSpec = z.output<typeof EndingSchema>;
export type ConditionSpec = z.output<typeof ConditionSchema>;
export type TransitionSpec = z.output<typeof TransitionSchema>;
export type CriticalRuleSpec = z.output<typeof CriticalRuleSchema>;
export type NeverSaySpec = z.output<typeof NeverSaySchema>;
export type DeadAirSpec = z.output<typeof DeadAirSchema>;
export type IntentSpec = z.output<typeof IntentSpecSchema>;
export type StatementRequirement = z.output<typeof StatementRequirementSchema>;
export type MoveRequirement = z.output<typeof MoveRequirementSchema>;

/** The JSON Schema that packs point to with `$schema`; committed in scenarios/ and checked for staleness. */
export function packJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PackSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://verbatim.invalid/scenario-pack.schema.json',
    title: 'Verbatim scenario pack',
  };
}
