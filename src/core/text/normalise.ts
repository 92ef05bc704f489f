/**
 * The normaliser of the scoring standard, section 2. Script and attempt go through the same code, so every
 * difference it removes costs nothing. Each token keeps the words it came from, for display.
 */
import type { Token } from '../scoring/types.ts';
import {
  FILLERS,
  IRREGULAR_CONTRACTIONS,
  IS_CONTRACTION_HEADS,
  NOT_FRAGMENTS,
  SOUND_ALIKES,
} from './lexicon.ts';
import { isNumberWord, readNumber } from './numbers.ts';
import { spellingKey } from './spelling.ts';

export interface NormaliseOptions {
  /** Extra sound-alike pairs (a pack may add them): [word, sameAs]. */
  soundAlikes?: readonly (readonly [string, string])[];
}

const BASE_SOUNDS = buildSoundMap([]);

function buildSoundMap(extra: readonly (readonly [string, string])[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of SOUND_ALIKES) {
    const head = group[0] as string;
    for (const w of group) map.set(w, head);
  }
  for (const [a, b] of extra) {
    const ka = a.toLowerCase();
    const kb = b.toLowerCase();
    const head = map.get(kb) ?? map.get(ka) ?? kb;
    map.set(ka, head);
    map.set(kb, head);
  }
  return map;
}

const soundMapCache = new WeakMap<object, Map<string, string>>();
function soundMapFor(options: NormaliseOptions | undefined): Map<string, string> {
  const extra = options?.soundAlikes;
  if (extra === undefined || extra.length === 0) return BASE_SOUNDS;
  let map = soundMapCache.get(extra);
  if (map === undefined) {
    map = buildSoundMap(extra);
    soundMapCache.set(extra, map);
  }
  return map;
}

function expandContraction(word: string): readonly string[] | null {
  const irregular = IRREGULAR_CONTRACTIONS.get(word);
  if (irregular) return irregular;
  const apos = word.indexOf("'");
  if (apos <= 0) return null;
  const head = word.slice(0, apos);
  const tail = word.slice(apos + 1);
  switch (tail) {
    case 't':
      return head.endsWith('n') ? [head.slice(0, -1), 'not'] : null;
    case 're':
      return [head, 'are'];
    case 'll':
      return [head, 'will'];
    case 've':
      return [head, 'have'];
    case 'm':
      return [head, 'am'];
    case 'd':
      return [head, 'would'];
    case 's':
      return IS_CONTRACTION_HEADS.has(head) ? [head, 'is'] : null;
    default:
      return null;
  }
}

// Money, numbers with separators, words with inner apostrophes, and the ampersand. Everything else
// (punctuation, hyphens, slashes, bullets, emoji, control characters) separates words.
const TOKEN = /£\s?\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?|[a-z]+(?:'[a-z]+)*|&/gi;

interface Raw {
  word: string;
  display: string;
  digits: number | null;
  money: boolean;
  contraction?: number;
}

function digitValue(text: string): number | null {
  const cleaned = text.replace(/[£\s,]/g, '');
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

function numberKey(value: number): string {
  return String(value);
}

/** Normalise a text into comparison tokens. Never throws; unknown characters separate words. */
export function normalise(text: string, options?: NormaliseOptions): Token[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'");
  const raws = lexicalTokens(folded);
  const tokens = unifyNumbers(raws, soundMapFor(options));
  return joinInitials(tokens);
}

/** Step 1: lexical tokens, contractions expanded, fillers dropped. */
function lexicalTokens(folded: string): Raw[] {
  const raws: Raw[] = [];
  let group = 0;
  for (const m of folded.matchAll(TOKEN)) {
    const shown = m[0];
    const t = shown.toLowerCase();
    const first = t.charCodeAt(0);
    if (t === '&') {
      raws.push({ word: 'and', display: '&', digits: null, money: false });
    } else if (t.startsWith('£') || (first >= 48 && first <= 57)) {
      raws.push({ word: t, display: shown, digits: digitValue(t), money: t.startsWith('£') });
    } else if (!FILLERS.has(t)) {
      const expanded = expandContraction(t);
      if (expanded) {
        group += 1;
        for (const w of expanded) {
          raws.push({ word: w, display: shown, digits: null, money: false, contraction: group });
        }
      } else {
        const word = t.replace(/'s$/, 's').replace(/'/g, '');
        raws.push({ word, display: shown, digits: null, money: false });
      }
    }
  }
  return raws;
}

const isPound = (word: string | undefined): boolean => word === 'pound' || word === 'pounds';

/** Step 2: numbers and money to one form: "£1,000", "one thousand pounds", "a thousand pound" -> "1000 pounds". */
function unifyNumbers(raws: readonly Raw[], sounds: Map<string, string>): Token[] {
  const words = raws.map((r) => r.word);
  const digitsAt = (i: number): number | null => raws[i]?.digits ?? null;
  const tokens: Token[] = [];
  const poundsAt = (i: number): number => {
    if (!isPound(words[i])) return 0;
    tokens.push({ key: 'pounds', display: raws[i]?.display ?? 'pounds' });
    return 1;
  };
  for (let i = 0; i < raws.length;) {
    const r = raws[i] as Raw;
    if (r.digits !== null && !/^(hundred|thousand|million)$/.test(words[i + 1] ?? '')) {
      tokens.push({ key: numberKey(r.digits), display: r.display, ...soundOfDigit(r.digits) });
      if (r.money) tokens.push({ key: 'pounds', display: r.display });
      else i += poundsAt(i + 1);
      i += 1;
      continue;
    }
    const num =
      r.contraction === undefined && (isNumberWord(r.word) || r.word === 'a' || r.word === 'an')
        ? readNumber(words, i, digitsAt)
        : null;
    if (num !== null) {
      const display = raws
        .slice(i, i + num.length)
        .map((x) => x.display)
        .join(' ');
      const single = num.length === 1 ? sounds.get(r.word) : undefined;
      const token: Token = { key: numberKey(num.value), display };
      tokens.push(single === undefined ? token : { ...token, sound: single });
      i += num.length;
      if (r.money) tokens.push({ key: 'pounds', display });
      i += poundsAt(i);
      continue;
    }
    tokens.push(wordToken(r, sounds));
    i += 1;
  }
  return tokens;
}

function wordToken(r: Raw, sounds: Map<string, string>): Token {
  const token: Token = { key: spellingKey(r.word), display: r.display };
  const sound = sounds.get(r.word);
  if (sound !== undefined) token.sound = sound;
  if (r.contraction !== undefined) token.contraction = r.contraction;
  return token;
}

function soundOfDigit(value: number): { sound?: string } {
  if (value === 2) return { sound: 'to' };
  if (value === 4) return { sound: 'for' };
  return {};
}

function isLetter(t: Token): boolean {
  return t.key.length === 1 && t.key >= 'a' && t.key <= 'z' && t.contraction === undefined;
}

function joinInitials(tokens: Token[]): Token[] {
  let out: Token[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    if (isLetter(t) && next !== undefined && isLetter(next)) {
      out ??= tokens.slice(0, i);
      let j = i;
      let key = '';
      const shown: string[] = [];
      while (j < tokens.length && isLetter(tokens[j] as Token)) {
        key += (tokens[j] as Token).key;
        shown.push((tokens[j] as Token).display);
        j += 1;
      }
      out.push({ key: spellingKey(key), display: shown.join(' ') });
      i = j - 1;
    } else if (out) {
      out.push(t);
    }
  }
  return out ?? tokens;
}

/** The identity two tokens share when they count as the same word. */
export function canonical(t: Token): string {
  return t.sound ?? t.key;
}

/**
 * Drops what the standard says costs nothing in speech: a word said twice in a row ("the the") and a cut-off
 * false start that the next word completes ("rec recorded").
 */
export function dropRepeatsAndFalseStarts(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const prev = out[out.length - 1];
    if (
      prev !== undefined &&
      canonical(prev) === canonical(t) &&
      prev.contraction === undefined &&
      t.contraction === undefined
    ) {
      continue;
    }
    const next = tokens[i + 1];
    if (
      next !== undefined &&
      t.contraction === undefined &&
      t.key.length < next.key.length &&
      next.key.startsWith(t.key) &&
      !NOT_FRAGMENTS.has(t.key) &&
      !/^\d/.test(t.key)
    ) {
      continue;
    }
    out.push(t);
  }
  return out;
}
