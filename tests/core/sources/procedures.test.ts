import { describe, expect, it } from 'vitest';
import { SEED_DOCUMENTS } from '../../../src/core/sources/seed-documents.ts';
import {
  PROCEDURES,
  groupByPackAndProcedure,
  groupByProcedure,
  procedure,
  procedureCoverage,
} from '../../../src/core/sources/procedures.ts';
import { loadSmall, shippedPacks, smallPack } from '../packs/fixtures.ts';

/** The procedures of the domain research, by its section (DOMAIN.md sections 0 to 5.8). */
const DOMAIN_SECTIONS: Record<string, string> = {
  '0': 'order-of-call',
  '1': 'security-check',
  '2': 'call-recording',
  '3': 'representatives',
  '4': 'suicide-threats',
  '5.1': 'confidentiality-statement',
  '5.2': 'false-information-warning',
  '5.3': 'unsafe-behaviour',
  '5.4': 'freedom-of-information',
  '5.5': 'subject-access',
  '5.6': 'complaints',
  '5.7': 'interpreters',
  '5.8 sensitive cases': 'sensitive-cases',
  '5.8 unauthorised disclosure': 'unauthorised-disclosure',
  'seeds: facilitating parental contact': 'parental-contact',
};

describe('procedures', () => {
  it('lists every procedure of the domain research, each citing a seed document', () => {
    for (const id of Object.values(DOMAIN_SECTIONS)) expect(procedure(id)?.id, id).toBe(id);
    const seeds = new Set(SEED_DOCUMENTS.map((d) => d.file));
    for (const p of PROCEDURES) {
      expect(p.sources.length, p.id).toBeGreaterThan(0);
      for (const s of p.sources) expect(seeds.has(s.source), `${p.id}: ${s.source}`).toBe(true);
    }
  });

  it('is trained, for every procedure of the domain research, by a built-in scenario', () => {
    const scenarios = shippedPacks().flatMap((pack) =>
      pack.spec.scenarios.map((s) => ({
        packId: pack.id,
        id: s.id,
        title: s.title,
        procedures: s.procedures,
      })),
    );
    const rows = procedureCoverage(scenarios);
    expect(rows.map((r) => r.procedure.id)).toEqual(PROCEDURES.map((p) => p.id));
    for (const id of Object.values(DOMAIN_SECTIONS)) {
      const row = rows.find((r) => r.procedure.id === id)!;
      expect(row.scenarios.length, id).toBeGreaterThan(0);
    }
    expect(rows.find((r) => r.procedure.id === 'unsafe-behaviour')!.scenarios.map((s) => s.id)).toEqual([
      'abusive-caller',
    ]);
    // Topics of the seeds that no scenario trains yet stay in the table, with no scenarios.
    expect(rows.find((r) => r.procedure.id === 'special-payments')!.scenarios).toEqual([]);
    // Compiling both built-in packs takes a few seconds on a busy two-core machine.
  }, 30_000);

  it('groups scenarios by the first procedure each trains, in procedure order, the rest last', () => {
    const groups = groupByProcedure([
      { id: 'a', procedures: ['complaints'] },
      { id: 'b', procedures: ['security-check', 'complaints'] },
      { id: 'c' },
      { id: 'd', procedures: ['nonsense'] },
      { id: 'e', procedures: ['complaints'] },
    ]);
    expect(groups.map((g) => [g.procedure?.id ?? null, g.scenarios.map((s) => s.id)])).toEqual([
      ['security-check', ['b']],
      ['complaints', ['a', 'e']],
      [null, ['c', 'd']],
    ]);
  });

  it('refuses a pack naming a procedure that is not in the table, saying where', () => {
    const raw = smallPack();
    raw.scenarios[0].procedures = ['complaints', 'tea-making'];
    const r = loadSmall(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['scenarios[0].procedures[1]']);
    expect(r.errors[0]!.message).toContain('complaints');
  });

  it('groups the start page by pack first, in the order the packs come', () => {
    const packs = groupByPackAndProcedure([
      { packId: 'p2', packTitle: 'Two', id: 'x', procedures: ['complaints'] },
      { packId: 'p1', packTitle: 'One', id: 'y' },
      { packId: 'p2', packTitle: 'Two', id: 'z', procedures: ['call-recording'] },
    ]);
    expect(packs.map((p) => [p.id, p.groups.map((g) => g.scenarios.map((s) => s.id))])).toEqual([
      ['p2', [['z'], ['x']]],
      ['p1', [['y']]],
    ]);
  });
});
