import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/core/parse-json.ts';

describe('parseJson', () => {
  it('gives the value of JSON text', () => {
    expect(parseJson('{"a":[1,null]}')).toEqual({ ok: true, value: { a: [1, null] } });
  });

  it("gives JSON.parse's own reason for text that is not JSON", () => {
    const read = parseJson('{"a":');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.reason).toMatch(/JSON/);
  });
});
