import { describe, expect, it } from 'vitest';
import { MAX_SCRYPT_COST, MIN_SCRYPT_COST, readConfig } from '../../src/server/config.ts';
import { DEFAULT_SCRYPT_COST } from '../../src/server/auth/password.ts';

describe('server settings', () => {
  it('hashes new passwords at the OWASP cost unless SCRYPT_COST says otherwise', () => {
    expect(readConfig({}).passwordCost).toBe(DEFAULT_SCRYPT_COST);
    expect(readConfig({ SCRYPT_COST: String(2 ** 15) }).passwordCost).toBe(2 ** 15);
    expect(readConfig({ SCRYPT_COST: String(MIN_SCRYPT_COST) }).passwordCost).toBe(MIN_SCRYPT_COST);
  });

  it.each([
    '1000',
    String(MIN_SCRYPT_COST / 2),
    String(MIN_SCRYPT_COST + 1),
    'fast',
    '1e9',
    String(MAX_SCRYPT_COST * 2),
  ])('refuses SCRYPT_COST=%s, saying what it must be', (value) => {
    expect(() => readConfig({ SCRYPT_COST: value })).toThrow(
      `SCRYPT_COST must be a power of two from ${MIN_SCRYPT_COST} to ${MAX_SCRYPT_COST}, not "${value}"`,
    );
  });
});
