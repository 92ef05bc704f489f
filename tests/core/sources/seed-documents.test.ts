import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_DOCUMENTS, citation, sourceTitle } from '../../../src/core/sources/seed-documents.ts';

describe('seed documents', () => {
  it('has a title for every seed document the project is built from', () => {
    const seeds = readdirSync(join(import.meta.dirname, '../../fixtures/seeds')).filter((f) =>
      f.endsWith('.txt'),
    );
    const known = SEED_DOCUMENTS.map((d) => d.file);
    for (const seed of seeds) expect(known).toContain(seed);
  });

  it('cites a seed document by its title and section, never its file name', () => {
    expect(citation('002_9c5d5f2d24450167.txt', 'Call recording')).toBe(
      'Client Contact Overview, Call recording',
    );
    expect(citation(' 001_43724bad90100c4e.txt ')).toBe('Annex A - Client contact');
    expect(citation('001_43724bad90100c4e.txt', 'Annex A - Client contact, Bogus calls')).toBe(
      'Annex A - Client contact, Bogus calls',
    );
    expect(citation('002_9c5d5f2d24450167.txt', 'Client Contact Overview (security)')).toBe(
      'Client Contact Overview, security',
    );
    expect(citation('004_7f0967dfaf3d60eb.txt', 'How we collect and use your information')).toBe(
      'How we collect and use your information',
    );
    expect(citation('https://www.gov.uk/x', 'https://www.gov.uk/x page')).toBe(
      'https://www.gov.uk/x, https://www.gov.uk/x page',
    );
  });

  it('shows any other source as written', () => {
    expect(sourceTitle('https://www.gov.uk/x')).toBe('https://www.gov.uk/x');
  });
});
