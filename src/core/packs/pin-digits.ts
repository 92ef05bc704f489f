// The two PIN digits a security check asks for. The system picks them at random on every call (seed
// document 002, "Client Contact Overview": "The system will generate questions and pin randomly"), so
// a call's positions come from its seed, which the adapter that starts the call supplies: the core has
// no randomness. A caller answers the positions the trainee actually asked for, when the trainee names
// them; a pack's caller line says `{pin.first}` and `{pin.second}` where those positions go.

/** A client's PIN has seven digits (seed document 002, "Client Contact Overview"). */
export const PIN_LENGTH = 7;

/** Two distinct positions, 1-based, in ascending order. */
export type PinPositions = readonly [number, number];

/** The positions of a call with no seed (a replay from the command line, a re-check): the pack's first. */
export const DEFAULT_PIN_POSITIONS: PinPositions = [2, 5];

/** The placeholders a caller line may hold, with the position each stands for. */
export const PIN_PLACEHOLDERS = ['{pin.first}', '{pin.second}'] as const;
const PLACEHOLDER = /\{[^{}\s]{1,40}\}/g;

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'] as const;
const ORDINAL_AT = new Map<string, number>(ORDINALS.map((w, i) => [w, i + 1]));
for (let i = 1; i <= PIN_LENGTH; i++)
  ORDINAL_AT.set(`${i}${i === 1 ? 'st' : i === 2 ? 'nd' : i === 3 ? 'rd' : 'th'}`, i);

/** A whole-number seed from any text (an attempt id): FNV-1a, 32 bits. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The two positions a call's seed picks, every pair equally likely. */
export function pinPositionsFor(seed: number): PinPositions {
  const pairs = (PIN_LENGTH * (PIN_LENGTH - 1)) / 2;
  let n = (Math.abs(Math.trunc(seed)) >>> 0) % pairs;
  for (let a = 1; a < PIN_LENGTH; a++) {
    const after = PIN_LENGTH - a;
    if (n < after) return [a, a + 1 + n];
    n -= after;
  }
  return DEFAULT_PIN_POSITIONS;
}

/**
 * The positions a trainee asks for, when the words name two digits of the PIN: "the third and sixth
 * digits", "digits 1 and 4", "the 2nd and the last". Null when they name fewer than two.
 */
export function askedPinPositions(text: string): PinPositions | null {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  if (
    !words.some((w) => w === 'digit' || w === 'digits' || w === 'pin' || w === 'number' || w === 'numbers')
  ) {
    return null;
  }
  const found: number[] = [];
  words.forEach((w, i) => {
    const before = words[i - 1];
    if (w === 'first' && words[i + 1] === 'of' && words[i + 2] === 'all') return;
    const position =
      ORDINAL_AT.get(w) ??
      (w === 'last' ? PIN_LENGTH : undefined) ??
      (/^[1-7]$/.test(w) &&
      (before === 'digit' || before === 'digits' || before === 'and' || before === 'number')
        ? Number(w)
        : undefined);
    if (position !== undefined && !found.includes(position)) found.push(position);
  });
  if (found.length < 2) return null;
  const [a, b] = [found[0]!, found[1]!].sort((x, y) => x - y) as [number, number];
  return [a, b];
}

/**
 * The words with each PIN position the trainee names read as the default positions, in the order
 * named ("the third and sixth digits" -> "the second and fifth digits"), and what each replaced. A
 * pack's examples are written for the default positions; which two digits were asked for does not
 * change what move was made, so every call's digits are judged alike.
 */
export function asDefaultPinPositions(text: string): { text: string; replaced: Map<string, string> } {
  const replaced = new Map<string, string>();
  if (!/\b(digits?|pin)\b/i.test(text)) return { text, replaced };
  const order: number[] = [];
  const out = text.replace(/\b[a-z0-9]+\b/gi, (word, offset: number) => {
    const position = ORDINAL_AT.get(word.toLowerCase());
    if (position === undefined || /^first\s+of\s+all\b/i.test(text.slice(offset))) return word;
    if (!order.includes(position)) order.push(position);
    const target = DEFAULT_PIN_POSITIONS[order.indexOf(position)];
    if (target === undefined) return word;
    const said = ordinal(target);
    if (said !== word.toLowerCase()) replaced.set(said, word);
    return said;
  });
  return { text: out, replaced };
}

/** The ordinal word for a position: 3 -> "third". */
export function ordinal(position: number): string {
  return ORDINALS[position - 1] ?? `${position}th`;
}

/** A caller line with its PIN placeholders filled in. */
export function fillPinPlaceholders(line: string, positions: PinPositions): string {
  return line
    .replaceAll(PIN_PLACEHOLDERS[0], ordinal(positions[0]))
    .replaceAll(PIN_PLACEHOLDERS[1], ordinal(positions[1]));
}

/** Placeholders in a line that are not PIN placeholders: a pack mistake the checker reports. */
export function unknownPlaceholders(line: string): string[] {
  return (line.match(PLACEHOLDER) ?? []).filter((p) => !(PIN_PLACEHOLDERS as readonly string[]).includes(p));
}
