import { describe, expect, it } from 'vitest';
import {
  displayTextProblem,
  hasVisibleCharacter,
  stripControlCharacters,
} from '../../../src/core/text/visible.ts';

describe('visible text', () => {
  it.each(['\u200b\u200b', ' \t\n', '\u2066\u2069', '\u00ad', '\ufeff', '\u{E0041}'])(
    'finds nothing visible in %j',
    (s) => expect(hasVisibleCharacter(s)).toBe(false),
  );
  it.each(['Sam', 'Zoë', 'محمد', '李'])('finds %s visible', (s) => expect(hasVisibleCharacter(s)).toBe(true));
  it('refuses direction overrides and control characters in names', () => {
    expect(displayTextProblem('pack \u202Eeroc-smc')).toMatch(/direction/);
    expect(displayTextProblem('Sam\u0007')).toMatch(/control/);
    expect(displayTextProblem('Sam Jones')).toBeNull();
  });
  it('strips ESC and BEL but keeps new lines', () => {
    expect(stripControlCharacters('a\u001b[31mb\u0007\nc')).toBe('a[31mb\nc');
  });
});
