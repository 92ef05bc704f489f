import { z } from '../zod.ts';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens')
  .max(64);

export const ScriptVersionSchema = z.strictObject({
  id: id.describe('Version id, for example "cmg" or "cms"'),
  label: z.string().min(1).max(80).describe('How the version is named to people'),
  wording: z
    .string()
    .min(1)
    .max(5000)
    .describe('The statement, character for character from the source document'),
  source: z.strictObject({
    seed: z.string().min(1).max(200).describe('The source document file name'),
    section: z.string().min(1).max(200).describe('The section of the source document'),
  }),
});

export const ScriptSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: id.describe('Fixed identifier that packs and tools use'),
    title: z.string().min(1).max(120),
    summary: z.string().max(500).optional(),
    keyElements: z
      .array(z.string().min(1).max(200))
      .max(50)
      .describe('Phrases that carry the legal or procedural meaning; each must be said as consecutive words'),
    tolerance: z
      .number()
      .min(0)
      .max(1)
      .default(0.15)
      .describe('Share of the script words that may deviate before the attempt fails'),
    defaultVersion: id.optional(),
    versions: z.array(ScriptVersionSchema).min(1).max(10),
    notes: z.array(z.string().max(1000)).max(20).default([]).describe('Notes for coaches'),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.versions.forEach((v, i) => {
      if (seen.has(v.id))
        ctx.addIssue({ code: 'custom', path: ['versions', i, 'id'], message: `duplicate version "${v.id}"` });
      seen.add(v.id);
    });
    if (s.defaultVersion !== undefined && !seen.has(s.defaultVersion)) {
      ctx.addIssue({ code: 'custom', path: ['defaultVersion'], message: `no version "${s.defaultVersion}"` });
    }
  });

export type ScriptSpec = z.output<typeof ScriptSchema>;
