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
  const r: Reading = { total: 0, current: 0, sawAny: false, lastWasTens: false, lastWasUnit: false };
  let used = 0;
  for (let i = start; i < words.length; i++) {
    const taken = take(r, words, i, isDigits);
    if (taken === 'stop') break;
    if (taken === 'took') used = i + 1 - start;
  }
  if (!r.sawAny) return null;
  return { value: r.total + r.current, length: used };
}

interface Reading {
  total: number;
  current: number;
  sawAny: boolean;
  lastWasTens: boolean;
  lastWasUnit: boolean;
}

/** Takes word `i` into the number being read: 'took' it, 'joined' ("and", not counted), or 'stop'. */
function take(
  r: Reading,
  words: readonly string[],
  i: number,
  isDigits: (i: number) => number | null,
): 'took' | 'joined' | 'stop' {
  const w = words[i] as string;
  if (!r.sawAny && isMultiplier(words[i + 1] ?? '')) {
    const digits = w === 'a' || w === 'an' ? 1 : isDigits(i);
    if (digits !== null) {
      r.current = digits;
      r.sawAny = true;
      return 'took';
    }
  }
  const unit = UNITS.get(w);
  if (unit !== undefined) {
    const isTens = unit >= 20;
    // "twenty four" joins; "four four" or "twenty thirty" are separate numbers.
    if (r.sawAny && (r.lastWasUnit || (r.lastWasTens && isTens) || (r.lastWasTens && unit >= 10)))
      return 'stop';
    r.current += unit;
    r.sawAny = true;
    r.lastWasTens = isTens;
    r.lastWasUnit = !isTens;
    return 'took';
  }
  const mult = MULTIPLIERS.get(w);
  if (mult !== undefined && r.sawAny) {
    if (mult === 100) r.current = (r.current === 0 ? 1 : r.current) * 100;
    else {
      r.total += (r.current === 0 ? 1 : r.current) * mult;
      r.current = 0;
    }
    r.lastWasTens = false;
    r.lastWasUnit = false;
    return 'took';
  }
  const joins = w === 'and' && r.sawAny && !r.lastWasUnit && !r.lastWasTens && UNITS.has(words[i + 1] ?? '');
  return joins ? 'joined' : 'stop';
}
