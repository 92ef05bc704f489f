import { describe, expect, it } from 'vitest';
import {
  askedPinPositions,
  asDefaultPinPositions,
  fillPinPlaceholders,
  PIN_LENGTH,
  pinPositionsFor,
  seedOf,
  unknownPlaceholders,
} from '../../../src/core/packs/pin-digits.ts';

describe('PIN digit positions', () => {
  it('picks two distinct positions within the PIN from a seed, the same every time for one seed', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed++) {
      const [a, b] = pinPositionsFor(seed);
      expect(a).toBeGreaterThanOrEqual(1);
      expect(b).toBeLessThanOrEqual(PIN_LENGTH);
      expect(a).toBeLessThan(b);
      expect(pinPositionsFor(seed)).toEqual([a, b]);
      seen.add(`${a},${b}`);
    }
    // Every one of the 21 pairs turns up: calls do not all ask for the same digits.
    expect(seen.size).toBe((PIN_LENGTH * (PIN_LENGTH - 1)) / 2);
  });

  it('seeds differ between attempt ids', () => {
    const ids = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'].map((id) => pinPositionsFor(seedOf(id)).join());
    expect(new Set(ids).size).toBeGreaterThan(1);
  });

  it('reads the positions a trainee asks for, in any of the usual wordings', () => {
    expect(askedPinPositions('Could you tell me the second and fifth digits of your PIN?')).toEqual([2, 5]);
    expect(askedPinPositions('can I have the 6th and the 3rd digit of your pin')).toEqual([3, 6]);
    expect(askedPinPositions('digits 1 and 4 of your PIN please')).toEqual([1, 4]);
    expect(askedPinPositions('First of all, the fourth and last digits of your PIN')).toEqual([4, 7]);
    expect(askedPinPositions('Can you give me two digits from your PIN')).toBeNull();
    expect(askedPinPositions('the second and fifth of May')).toBeNull();
  });

  it('fills a caller line, and names placeholders that are not known', () => {
    expect(fillPinPlaceholders('The {pin.first} is 7 and the {pin.second} a 4', [3, 6])).toBe(
      'The third is 7 and the sixth a 4',
    );
    expect(unknownPlaceholders('The {pin.first} and {pin.third} and {name}')).toEqual([
      '{pin.third}',
      '{name}',
    ]);
  });
});

describe('judging PIN positions alike', () => {
  it('reads any two named positions as the pack’s own, and keeps what each replaced', () => {
    const r = asDefaultPinPositions("The third digit's right but the sixth one isn't, that's for your PIN");
    expect(r.text).toBe("The second digit's right but the fifth one isn't, that's for your PIN");
    expect([...r.replaced]).toEqual([
      ['second', 'third'],
      ['fifth', 'sixth'],
    ]);
    expect(asDefaultPinPositions('First of all, the third and sixth digits').text).toBe(
      'First of all, the second and fifth digits',
    );
    expect(asDefaultPinPositions('the third time this week').replaced.size).toBe(0);
  });
});
