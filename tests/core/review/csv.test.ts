import { describe, expect, it } from 'vitest';
import { attemptsCsv, csvCell, neutralise, statementsCsv } from '../../../src/core/review/index.ts';
import { attempt, overriddenStatement } from './fixtures.ts';

describe('csv', () => {
  it.each(['=1+1', '+44 7700', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises a cell starting %j', (v) => {
    expect(neutralise(v)).toBe(`'${v}`);
  });

  it('leaves ordinary text alone and quotes commas, quotes and line breaks', () => {
    expect(csvCell('Sam')).toBe('Sam');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(-5)).toBe('-5');
  });

  it('writes one row per attempt with a neutralised hostile trainee name', () => {
    const csv = attemptsCsv([
      attempt({ id: 'x1', trainee: '=HYPERLINK("http://evil")' }),
      attempt({ id: 'x2', summary: null }),
    ]);
    expect(csv.startsWith('\uFEFFattempt_id,')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^attempt_id,trainee,/);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lines[1]).toContain(',80,true,');
  });

  it('writes one row per statement result, with the coach verdict where overridden', () => {
    const a = attempt({
      id: 's1',
      disputes: [overriddenStatement('Sam', 'minor')],
    });
    const lines = statementsCsv([a]).slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/,dpa-intro,exact,100,$/);
    expect(lines[2]).toMatch(/,call-recording,fail,40,minor$/);
  });
});
