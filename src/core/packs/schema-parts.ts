// The building blocks every part of the pack format uses: ids, bounded text, caller lines, turn
// windows and bounded records. The limits come from pack-limits.ts.
import { hasVisibleCharacter } from '../text/visible.ts';
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

export const text = (max: number = L.textChars) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(hasVisibleCharacter, 'has no visible character')
    .refine((s) => !/[\u202A-\u202E\u2066-\u2069]/u.test(s), 'contains a text-direction override');
export const lines = (what: string) =>
  z
    .array(text())
    .min(1)
    .max(L.variants)
    .describe(`${what}. Several lines are variants: the caller uses the next one each time`);

export const within = z
  .strictObject({
    turns: z
      .int()
      .min(1)
      .max(50)
      .describe('Counts only if done within this many trainee turns from the start of the call'),
  })
  .describe('A window: for example the recording notice within the first two turns of an outbound call');

export const boundedRecord = <T extends z.ZodType>(value: T, max: number, what: string) =>
  z.record(IdSchema, value).refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= max, {
    message: `give between 1 and ${max} ${what}`,
  });
