import { describe, expect, it } from 'vitest';
import {
  buildExport,
  countsInRates,
  isRealIsoDateTime,
  markImported,
  planMerge,
  readAttemptsFile,
  REVIEW_LIMITS,
  traineeOverviews,
  type Dispute,
  type ReviewAttempt,
} from '../../../src/core/review/index.ts';
import { attempt } from './fixtures.ts';

const file = (attempts: unknown[]) =>
  JSON.stringify({ format: 'verbatim-attempts', version: 1, exportedAt: '2026-01-01T00:00:00Z', attempts });
const note = (id: string) => ({ id, author: 'Coach', text: 'Good', at: '2026-01-01T10:00:00.000Z' });
const dispute = (id: string, over: Partial<Dispute> = {}): Dispute => ({
  id,
  target: { kind: 'statement', scriptId: 'dpa-intro' },
  original: 'exact',
  comment: 'Wrong',
  raisedBy: 'Sam',
  raisedAt: '2026-01-01T10:00:00.000Z',
  resolution: null,
  ...over,
});
const refused = (attempts: unknown[]) => {
  const r = readAttemptsFile(file(attempts));
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors.join('\n');
};

describe('readAttemptsFile refuses what would break a review page', () => {
  it('two notes with one id in an attempt', () => {
    expect(refused([attempt({ notes: [note('n1'), note('n1')] })])).toMatch(/two notes have the id "n1"/);
  });

  it('two disputes with one id', () => {
    const d = dispute('d1', {
      resolution: { kind: 'upheld', by: 'C', at: '2026-01-02T00:00:00Z', reason: 'r' },
    });
    expect(refused([attempt({ disputes: [d, d] })])).toMatch(/two disputes have the id "d1"/);
  });

  it('repeated critical-error ids', () => {
    const a = attempt();
    const c = { id: 'disclosed', message: 'Disclosed the address' };
    expect(refused([{ ...a, summary: { ...a.summary!, criticalErrors: [c, c] } }])).toMatch(
      /two critical errors have the id "disclosed"/,
    );
  });

  it('a dispute about a verdict the attempt does not have', () => {
    const d = dispute('d1', { target: { kind: 'statement', scriptId: 'nowhere' } });
    expect(refused([attempt({ disputes: [d] })])).toMatch(
      /statement "nowhere", which this attempt has no verdict/,
    );
  });

  it('a move dispute overridden to a statement verdict', () => {
    const d = dispute('d1', {
      target: { kind: 'move', intentId: 'ask-dob' },
      original: 'made',
      resolution: { kind: 'overridden', by: 'C', at: '2026-01-02T00:00:00Z', reason: 'r', verdict: 'exact' },
    });
    expect(refused([attempt({ disputes: [d] })])).toMatch(
      /overridden without a different verdict of the right kind/,
    );
  });

  it.each(['2026-02-30T10:00:00Z', 'March 7', '0', '2026-13-01T00:00:00Z', '2026-01-01'])(
    'a date that does not exist or is not ISO: %s',
    (when) => {
      expect(refused([attempt({ startedAt: when })])).toMatch(
        /startedAt.*is not a date and time that exists/,
      );
    },
  );

  it('a 100,000-character trainee name, and a name of zero-width spaces', () => {
    expect(refused([attempt({ trainee: 'x'.repeat(100_000) })])).toMatch(/trainee/);
    expect(refused([attempt({ trainee: '\u200b\u200b\u200b' })])).toMatch(/trainee.*no visible character/);
  });

  it('a title with a right-to-left override', () => {
    expect(refused([attempt({ scenarioTitle: 'Bogus \u202Ecaller' })])).toMatch(/text-direction override/);
  });

  it('a file over the size limit, before parsing it', () => {
    const r = readAttemptsFile(' '.repeat(REVIEW_LIMITS.maxFileBytes + 1));
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.errors[0]).toMatch(/at most 32 MB/);
  });

  it('accepts what the app exports', () => {
    const a = attempt({ notes: [note('n1')], disputes: [dispute('d1')] });
    const r = readAttemptsFile(buildExport([a], { exportedAt: '2026-01-01T00:00:00.000Z' }));
    expect(r.ok).toBe(true);
  });
});

describe('isRealIsoDateTime', () => {
  it.each([
    ['2026-02-28T23:59:59.999Z', true],
    ['2024-02-29T00:00:00Z', true],
    ['2026-03-07T09:30+01:00', true],
    ['2025-02-29T00:00:00Z', false],
    ['2026-04-31T00:00:00Z', false],
    ['2026-01-01T24:00:00Z', false],
    ['2026-01-01T00:00:00', false],
  ])('%s: %s', (text, ok) => expect(isRealIsoDateTime(text)).toBe(ok));
});

describe('imported coach decisions', () => {
  const mark = { file: 'forged.json', by: 'Pat Importer', at: '2026-02-01T00:00:00.000Z' };

  it('a file closing an open dispute here brings its decision marked as imported, with the file and who', () => {
    const open = dispute('d1');
    const here = attempt({ disputes: [open] });
    const forged = markImported(
      {
        ...here,
        disputes: [
          { ...open, resolution: { kind: 'upheld', by: 'Forger', at: '2026-01-05T00:00:00Z', reason: 'no' } },
        ],
        notes: [{ ...note('n9'), author: 'Head of QA', text: 'Overridden by Head of QA' }],
      },
      mark,
    );
    const plan = planMerge([here], [forged]);
    const merged = plan.writes[0] as ReviewAttempt;
    expect(merged.disputes[0]?.resolution?.imported).toEqual(mark);
    expect(merged.notes[0]?.imported).toEqual(mark);
  });

  it('results not re-checked are left out of pass rates until a coach accepts them', () => {
    const ok = attempt({ trainee: 'T' });
    const forged: ReviewAttempt = {
      ...attempt({ trainee: 'T' }),
      summary: { ...ok.summary!, score: 100, passed: true },
      notRechecked: { reason: 'not installed' },
    };
    expect(countsInRates(forged)).toBe(false);
    const failing = { ...ok, summary: { ...ok.summary!, score: 40, passed: false } };
    expect(traineeOverviews([failing, forged])[0]).toMatchObject({ passes: 0, averageScore: 40 });
    const accepted = {
      ...forged,
      notRechecked: { reason: 'x', accepted: { by: 'Coach', at: '2026-02-02T00:00:00Z' } },
    };
    expect(traineeOverviews([failing, accepted])[0]).toMatchObject({ passes: 1, averageScore: 70 });
  });
});
