/**
 * Segments: a turn often makes its move after some other talk ("morning, you're speaking with Hannah, can I
 * start with your security please"). Read whole, the greeting dilutes the question; so a turn of several
 * clauses is also embedded a clause at a time, and a move the state expects may be carried by one clause.
 * Clauses end at sentence punctuation, before a question's inverted auxiliary ("... can i start") and before
 * a subject with its verb ("... i'll pass that on"), as a recogniser writes speech without punctuation.
 * The segments are embedded in the same batch as the whole turn, which costs little: a batch is as slow as
 * its longest text (measured with the 8-bit encoder in Node: 21.0 ms for a turn and its two clauses,
 * 20.9 ms for the turn alone).
 */
import { CLAUSE_VERBS, SUBJECTS } from '../text/lexicon.ts';
import { plainText } from './intent-analyse.ts';

/**
 * A clause shorter than this joins its neighbour: "sorry", "okay then" carry no move of their own. Set on the
 * labelled sets in tests/fixtures/understanding with the calibration and golden calls (3 and 4 tried).
 */
export const MIN_SEGMENT_WORDS = 3;
/** At most this many clauses are embedded apart (the shortest neighbours are joined first). */
export const MAX_SEGMENTS = 4;

/** Verbs that, after a subject, start a clause: the shared ones ("i can", "we will") and a few more ("you must"). */
const VERBS = new Set([...CLAUSE_VERBS, 'must', 'should', "can't", 'cannot', "won't", "don't"]);
/** Subjects contracted with their verb: "i'll", "you're", "we've", "i'm". */
const CONTRACTED = /^(?:i|we|you|he|she|they)'(?:ll|re|ve|m|d|s)$/;
/** Auxiliaries that open a question when a pronoun follows ("can i", "are you", "is there"). */
const AUXILIARIES = new Set([
  'can',
  'could',
  'would',
  'will',
  'may',
  'are',
  'is',
  'do',
  'does',
  'did',
  'have',
  'has',
]);
const ASKED = new Set(['i', 'you', 'we', 'there', 'anyone', 'anybody', 'he', 'she', 'they']);
/** Words before an auxiliary that make it part of the clause rather than a new one ("what can i", "if you"). */
const BOUND = new Set([
  'what',
  'where',
  'when',
  'who',
  'why',
  'how',
  'which',
  'whether',
  'if',
  'that',
  'so',
  'before',
  'after',
  'until',
  'unless',
  'because',
  'once',
  'while',
  'since',
  'as',
  'than',
]);

/** Words that join clauses: dropped from a clause's end. */
const JOINING = new Set(['and', 'but', 'so', 'or', 'then']);

/** After "how", these words still bind what follows to the question ("how much you're paying back"). */
const HOW_WHAT = new Set(['much', 'many', 'long', 'often', 'far', 'soon']);

function startsClause(words: readonly string[], i: number): boolean {
  const w = words[i]!;
  const next = words[i + 1] ?? '';
  const before = words[i - 1] ?? '';
  if (i === 0 || BOUND.has(before) || SUBJECTS.has(before) || CONTRACTED.test(before)) return false;
  if (HOW_WHAT.has(before) && words[i - 2] === 'how') return false;
  if (AUXILIARIES.has(w) && ASKED.has(next)) return true;
  return (SUBJECTS.has(w) && VERBS.has(next)) || CONTRACTED.test(w);
}

/** Joins the shortest clause with its shorter neighbour until every clause is long enough and few enough. */
function joinShort(clauses: string[][]): string[][] {
  const out = clauses.filter((c) => c.length > 0);
  for (;;) {
    let shortest = -1;
    out.forEach((c, i) => {
      if (shortest < 0 || c.length < out[shortest]!.length) shortest = i;
    });
    if (out.length < 2 || (out[shortest]!.length >= MIN_SEGMENT_WORDS && out.length <= MAX_SEGMENTS))
      return out;
    const left = out[shortest - 1]?.length ?? Infinity;
    const right = out[shortest + 1]?.length ?? Infinity;
    const into = left <= right ? shortest - 1 : shortest;
    out.splice(into, 2, [...out[into]!, ...out[into + 1]!]);
  }
}

/** The clauses of a turn (plain text), when it has more than one; none for a turn of one clause. */
export function segmentsOf(text: string): string[] {
  const clauses: string[][] = [];
  for (const sentence of text.slice(0, 5000).split(/(?<!\d)[.,;:!?]+(?!\d)|\s[-–—]\s/)) {
    const words = plainText(sentence).split(' ').filter(Boolean);
    let current: string[] = [];
    words.forEach((w, i) => {
      if (startsClause(words, i) && current.length > 0) {
        clauses.push(current);
        current = [];
      }
      current.push(w);
    });
    clauses.push(current);
  }
  // A joining word left at a clause's end belongs to no move ("where are you and | is there anyone").
  for (const c of clauses) while (c.length > 0 && JOINING.has(c[c.length - 1]!)) c.pop();
  const joined = joinShort(clauses);
  return joined.length < 2 ? [] : joined.map((c) => c.join(' '));
}

/** What the encoder must embed for a turn: the turn and, when it has several, each of its clauses. */
export function embeddingTexts(text: string): string[] {
  return [plainText(text), ...segmentsOf(text)];
}

/** Everything the encoder must embed for a call's turns: each text said or heard as an alternative, and its clauses. */
export function turnTexts(
  turns: readonly { text?: string; alternatives?: readonly { text: string }[] }[],
): string[] {
  return turns
    .flatMap((t) => [t.text ?? '', ...(t.alternatives ?? []).map((a) => a.text)])
    .flatMap(embeddingTexts);
}
