import { describe, expect, it } from 'vitest';
import { buildExport, EXPORT_VERSION, parseExport } from '../../../src/core/review/index.ts';
import { attempt } from './fixtures.ts';

const exportedAt = '2026-02-01T10:00:00.000Z';

describe('export format', () => {
  it('round-trips every field of every attempt, note and dispute exactly', () => {
    const a = attempt({
      notes: [{ id: 'n1', author: 'Coach', text: 'Good pace', at: '2026-01-02T10:00:00.000Z' }],
      disputes: [
        {
          id: 'd1',
          target: { kind: 'statement', scriptId: 'call-recording' },
          original: 'fail',
          comment: 'I said it',
          raisedBy: 'Sam Jones',
          raisedAt: '2026-01-02T11:00:00.000Z',
          resolution: {
            kind: 'overridden',
            by: 'Coach',
            at: '2026-01-03T09:00:00.000Z',
            reason: 'Mishear',
            verdict: 'minor',
          },
        },
      ],
      turns: [
        {
          text: 'hi',
          silenceBefore: 2,
          alternatives: [{ text: 'high', confidence: 0.4 }],
          source: 'voice',
          at: '2026-01-01T09:00:01.000Z',
          flaggedForCoach: true,
        },
        { silenceBefore: 9, at: '2026-01-01T09:00:11.000Z' },
      ],
    });
    const b = attempt({ summary: null, status: 'in-progress' });
    const text = buildExport([a, b], { exportedAt });
    const parsed = parseExport(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.version).toBe(EXPORT_VERSION);
    expect(parsed.file.attempts).toEqual([a, b].sort((x, y) => (x.startedAt < y.startedAt ? -1 : 1)));
    expect(buildExport(parsed.file.attempts, { exportedAt })).toBe(text);
  });

  it('refuses text that is not JSON, naming the problem', () => {
    const r = parseExport('{not json');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0]).toMatch(/not valid JSON/);
  });

  it('refuses a file that is not a Verbatim export', () => {
    const r = parseExport(JSON.stringify({ hello: 1 }));
    expect(!r.ok && r.errors[0]).toMatch(/not a Verbatim attempts export/);
  });

  it('refuses a file from a newer version and says so plainly', () => {
    const r = parseExport(
      JSON.stringify({ format: 'verbatim-attempts', version: 2, exportedAt, attempts: [] }),
    );
    expect(!r.ok && r.errors[0]).toMatch(/newer version of Verbatim \(format version 2\)/);
  });

  it('names the attempt and field of every problem', () => {
    const good = attempt();
    const bad = { ...attempt({ id: 'bad-1' }), mode: 'karaoke', startedAt: 'yesterday' };
    const r = parseExport(
      JSON.stringify({ format: 'verbatim-attempts', version: 1, exportedAt, attempts: [good, bad] }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(2);
    expect(r.errors.join('\n')).toContain('Attempt 2 (id "bad-1"), field "mode"');
    expect(r.errors.join('\n')).toContain('Attempt 2 (id "bad-1"), field "startedAt"');
  });

  it('refuses a file holding the same attempt id twice', () => {
    const a = attempt();
    const r = parseExport(
      JSON.stringify({ format: 'verbatim-attempts', version: 1, exportedAt, attempts: [a, a] }),
    );
    expect(!r.ok && r.errors[0]).toMatch(/appears more than once/);
  });

  it('keeps hostile text as plain data', () => {
    const a = attempt({ trainee: '<img src=x onerror=alert(1)>' });
    const r = parseExport(buildExport([a], { exportedAt }));
    expect(r.ok && r.file.attempts[0]?.trainee).toBe('<img src=x onerror=alert(1)>');
  });
});
