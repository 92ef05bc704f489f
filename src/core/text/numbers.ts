/** Spelled-out numbers to digits (scoring standard 2.4): "one thousand", "a thousand", "twenty" -> 1000, 1000, 20. */

const UNITS = new Map<string, number>(
  Object.entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fourty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  }),
);

const MULTIPLIERS = new Map<string, number>([
  ['hundred', 100],
  ['thousand', 1000],
  ['million', 1_000_000],
]);

export function isNumberWord(word: string): boolean {
  return UNITS.has(word) || MULTIPLIERS.has(word);
}

export function isMultiplier(word: string): boolean {
  return MULTIPLIERS.has(word);
}

/**
 * Reads a number starting at `start` of `words` (lower case). Returns the value and how many words it used,
 * or null when no number starts there. "a"/"an" count as one before a multiplier; "and" joins parts
 * after "hundred" or "thousand" ("one hundred and five").
 */
export function readNumber(
  words: readonly string[],
  start: number,
  isDigits: (i: number) => number | null,
): { value: number; length: number } | null {
  let total = 0;
  let current = 0;
  let used = 0;
  let sawAny = false;
  let lastWasTens = false;
  let lastWasUnit = false;
  let i = start;
  while (i < words.length) {
    const w = words[i] as string;
    const digits = isDigits(i);
    if ((w === 'a' || w === 'an') && !sawAny && isMultiplier(words[i + 1] ?? '')) {
      current = 1;
      sawAny = true;
      i += 1;
      used = i - start;
      continue;
    }
    if (digits !== null && !sawAny && isMultiplier(words[i + 1] ?? '')) {
      current = digits;
      sawAny = true;
      i += 1;
      used = i - start;
      continue;
    }
    const unit = UNITS.get(w);
    if (unit !== undefined) {
      const isTens = unit >= 20;
      // "twenty four" joins; "four four" or "twenty thirty" are separate numbers.
      if (sawAny && (lastWasUnit || (lastWasTens && isTens) || (lastWasTens && unit >= 10))) break;
      current += unit;
      sawAny = true;
      lastWasTens = isTens;
      lastWasUnit = !isTens;
      i += 1;
      used = i - start;
      continue;
    }
    const mult = MULTIPLIERS.get(w);
    if (mult !== undefined && sawAny) {
      if (mult === 100) current = (current === 0 ? 1 : current) * 100;
      else {
        total += (current === 0 ? 1 : current) * mult;
        current = 0;
      }
      lastWasTens = false;
      lastWasUnit = false;
      i += 1;
      used = i - start;
      continue;
    }
    if (
      w === 'and' &&
      sawAny &&
      lastWasUnit === false &&
      lastWasTens === false &&
      UNITS.has(words[i + 1] ?? '')
    ) {
      i += 1;
      continue;
    }
    break;
  }
  if (!sawAny) return null;
  return { value: total + current, length: used };
}
