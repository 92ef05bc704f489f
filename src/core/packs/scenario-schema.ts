// The pack format, part three: one scenario (persona, what is judged, its states and its endings
// with their debriefs). Part of pack-schema.ts.
import { z } from '../zod.ts';
import { PROCEDURE_IDS } from '../sources/procedures.ts';
import { PACK_LIMITS as L } from './pack-limits.ts';
import { boundedRecord, IdSchema, lines, text, within } from './schema-parts.ts';
import { CriticalRuleSchema, DeadAirSchema, NeverSaySchema, StateSchema } from './state-schema.ts';

export const DebriefConditionSchema = z
  .strictObject({
    state: IdSchema.optional().describe('Applies only when the call reached this state'),
    move: IdSchema.optional().describe(
      'Applies only when the trainee made this move (an intent in the scenario moves), in time or late',
    ),
  })
  .superRefine((c, ctx) => {
    if ((c.state === undefined) === (c.move === undefined))
      ctx.addIssue({ code: 'custom', message: 'give exactly one of state or move' });
  })
  .describe('What must have happened on the call for this point to be shown');

const DebriefPointSchema = z.strictObject({
  text: text(1000).describe('A debrief sentence about something that happened on the call'),
  onlyIf: DebriefConditionSchema.optional(),
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
    onlyIf: DebriefConditionSchema.optional(),
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
  points: z
    .array(DebriefPointSchema)
    .max(10)
    .default([])
    .describe('Further debrief points, each shown only when what it names happened on the call'),
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
  procedures: z
    .array(z.enum(PROCEDURE_IDS))
    .max(PROCEDURE_IDS.length)
    .default([])
    .describe(
      'The procedures this scenario trains, the main one first: the start page groups scenarios by it and #/packs shows the coverage',
    ),
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
  clarify: lines(
    'What the caller says, in every state without its own, when an answer fits two expected moves about equally well',
  ).optional(),
  initial: IdSchema.describe('The state the call starts in'),
  states: boundedRecord(StateSchema, L.statesPerScenario, 'states'),
  endings: boundedRecord(EndingSchema, L.endingsPerScenario, 'endings').describe(
    'Final states: every way the call can end',
  ),
});

export type ScenarioSpec = z.output<typeof ScenarioSchema>;
export type EndingSpec = z.output<typeof EndingSchema>;
export type DebriefConditionSpec = z.output<typeof DebriefConditionSchema>;
export type StatementRequirement = z.output<typeof StatementRequirementSchema>;
export type MoveRequirement = z.output<typeof MoveRequirementSchema>;
