// The scenario pack format: the single source of truth. scenarios/scenario-pack.schema.json is generated
// from PackSchema (src/cli/gen-schema.ts) so editors autocomplete and flag mistakes as authors type.
// Strict objects everywhere: a typo such as `requried:` is an error, never silently ignored.
import { z } from '../zod.ts';
import { PACK_LIMITS as L } from './pack-limits.ts';
import { IdSchema, text } from './schema-parts.ts';
import { NeverSaySchema } from './state-schema.ts';
import { ScenarioSchema } from './scenario-schema.ts';

// The format is split by part: building blocks, a state, a scenario; this module is the whole pack.
export * from './schema-parts.ts';
export * from './state-schema.ts';
export * from './scenario-schema.ts';

export const IntentSpecSchema = z.strictObject({
  id: IdSchema,
  label: text(120).describe('How the move is named in feedback'),
  examples: z.array(text(300)).min(1).max(L.examplesPerIntent).describe('Example phrasings the trainee might use'),
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
    .max(64)
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
export type IntentSpec = z.output<typeof IntentSpecSchema>;

/** The JSON Schema that packs point to with `$schema`; committed in scenarios/ and checked for staleness. */
export function packJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PackSchema, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://verbatim.invalid/scenario-pack.schema.json',
    title: 'Verbatim scenario pack',
  };
}
