import { describe, expect, it } from 'vitest';
import { singleSignOnFailure } from '../../src/ui/state/sso-words.ts';

describe('singleSignOnFailure', () => {
  // Every code the server's callback sends the browser back with (src/server/auth/oidc.ts).
  it.each(['cancelled', 'expired', 'refused', 'unavailable', 'no-name', 'taken'])(
    'says in words why "%s" left the person signed out',
    (code) => {
      const words = singleSignOnFailure(code);
      expect(words).not.toBe(singleSignOnFailure('some-new-code'));
      expect(words).toMatch(/\.$/);
    },
  );

  it('still says something for a code it does not know', () => {
    expect(singleSignOnFailure('some-new-code')).toContain('did not work');
  });
});
