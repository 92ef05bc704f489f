import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaText, SCHEMA_PATH } from '../../../src/cli/gen-schema.ts';
import { PackSchema } from '../../../src/core/packs/index.ts';
import { PACK_LIMITS } from '../../../src/core/packs/pack-limits.ts';
import { smallPack } from './fixtures.ts';

describe('the pack schema', () => {
  it('matches the committed JSON Schema file (run `npx tsx src/cli/gen-schema.ts` after changing it)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(schemaText());
  });

  it('describes fields for editors and forbids unknown ones', () => {
    const schema = JSON.parse(schemaText()) as {
      additionalProperties: boolean;
      properties: Record<string, { description?: string }>;
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties['passMark']!.description).toMatch(/pass/);
  });

  it('is the schema every default pack file points to', () => {
    const text = readFileSync('scenarios/cms-core.yaml', 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/scenario-pack\.schema\.json$/m);
    expect(text).toMatch(/^\$schema: \.\/scenario-pack\.schema\.json$/m);
  });

  it.each([
    [
      'a debrief point with neither a source nor the inference mark',
      (p: any) => delete p.scenarios[0].endings.done.procedure[0].source,
      'cite a source',
    ],
    [
      'a reply on a rule that moves the call',
      (p: any) => (p.scenarios[0].states.security.on[0].reply = ['x']),
      'only for staying',
    ],
    [
      'a critical error on "otherwise"',
      (p: any) => (p.scenarios[0].critical[0].when = { otherwise: true }),
      'real condition',
    ],
    [
      'a state id with capitals',
      (p: any) => (p.scenarios[0].states.Open = p.scenarios[0].states.open),
      'Invalid key',
    ],
  ])('refuses %s', (_, change, message) => {
    const raw = smallPack();
    change(raw);
    const r = PackSchema.safeParse(raw);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain(message);
  });

  it('takes up to PACK_LIMITS.examplesPerIntent examples for a move, and names the list when there are more', () => {
    const phrasings = (n: number) => Array.from({ length: n }, (_, i) => `example number ${i}`);
    const raw = smallPack() as any;
    raw.intents[0].examples = phrasings(PACK_LIMITS.examplesPerIntent);
    expect(PackSchema.safeParse(raw).success).toBe(true);
    raw.intents[0].examples = phrasings(PACK_LIMITS.examplesPerIntent + 1);
    const r = PackSchema.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['intents', 0, 'examples']);
  });
});
