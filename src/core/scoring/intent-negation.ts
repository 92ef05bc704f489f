/**
 * Negation for the lexical stage: which words a negator reaches. A negation covers a few words that carry
 * meaning and stops at the end of its clause (punctuation, a joining word, or a new subject and its verb), so
 * "nobody got back to you i'll log that as a complaint" negates "got back", not the complaint.
 */
import { CLAUSE_VERBS, SUBJECTS } from '../text/lexicon.ts';
import { normalise } from '../text/normalise.ts';
import type { Token } from './types.ts';

export const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'unable',
  'nobody',
  'none',
  'neither',
  'nor',
  'cannot',
]);
/**
 * How many words that carry meaning after a negator it reaches (words like "of", "is", "being" do not count, so
 * "none of this is being recorded" negates "recorded"); a clause break ends it sooner. Grid {2, 3, 4} over every
 * labelled set in tests/fixtures/understanding with the calibration and golden calls (see the README's figures).
 */
export const NEGATION_SCOPE = 3;
/** Words that start a new clause, where a negation stops ("i can't say but you can ring back"). */
export const CLAUSE_BREAKS = new Set([
  'but',
  'so',
  'and',
  'because',
  'then',
  'if',
  'though',
  'although',
  'while',
]);
/** Punctuation between clauses (not inside numbers such as "1,200" or "2.5"). */
const CLAUSE_PUNCTUATION = /(?<!\d)[.,](?!\d)|[;:!?]+/;
/**
 * Tokens of each clause, and the index where every clause starts: punctuation, or a subject and its verb, as a
 * recogniser writes it ("nobody rang you back i'll log it"; the word lists are in the lexicon).
 */
export function clauses(lowered: string): { tokens: Token[]; starts: Set<number> } {
  const tokens: Token[] = [];
  const starts = new Set<number>();
  for (const part of lowered.split(CLAUSE_PUNCTUATION)) {
    starts.add(tokens.length);
    tokens.push(...normalise(part.replace(NEGATION_IDIOMS, ' ').replace(UNHAPPY, ' unhappy')));
  }
  tokens.forEach((t, i) => {
    if (SUBJECTS.has(t.key) && CLAUSE_VERBS.has(tokens[i + 1]?.key ?? '')) starts.add(i);
  });
  return { tokens, starts };
}
/**
 * After "no", a subject starts a new sentence: "no we've got him somewhere else" answers the caller ("no, ...")
 * rather than negating what follows, as "no need" or "no one" would.
 */
const ANSWER_AFTER_NO = new Set([
  'i',
  'we',
  'he',
  'she',
  'they',
  'you',
  'it',
  'that',
  'this',
  'there',
  'sorry',
]);
/** "Not happy" is one idea, the opposite of happy, rather than a negated statement. */
const UNHAPPY = /\s*\b(?:not|n't)\s+(?:happy|satisfied|pleased)\b/g;
const NEGATION_IDIOMS =
  /\b(no problem|no worries|no bother|not a problem|no doubt|nothing else|never mind|not going anywhere|not leaving you|(?:does|do|did)n'?t matter|(?:do|does)n'?t worry|do not worry|no difference|no need to worry)\b/g;

/** A leading "no," is an answer to the caller, not a negation of what follows; so is "no" before a subject. */
export function isAnswerNo(keys: readonly string[], i: number, lowered: string): boolean {
  if (keys[i] !== 'no') return false;
  return (i === 0 && /^\s*no\b\s*[,.!]/.test(lowered)) || ANSWER_AFTER_NO.has(keys[i + 1] ?? '');
}

/** Per intent: the concepts its examples say only plainly, never negated (kept per compiled intent). */
const plainOnly = new WeakMap<object, Set<string>>();

/**
 * Whether the utterance negates something the move's examples only ever say plainly ("I'm not going to transfer you
 * anywhere" negates transferring; "this isn't really a complaint" does not reverse refusing a complaint, whose
 * examples say "not a complaint" too). `intent`: its examples' analyses; `said`: the utterance's.
 */
export function negationReverses(
  intent: {
    examples: readonly { analysed: { concepts: Map<string, string>; negatedConcepts: Set<string> } }[];
  },
  said: { negatedConcepts: Set<string> },
): boolean {
  if (said.negatedConcepts.size === 0) return false;
  let plain = plainOnly.get(intent);
  if (plain === undefined) {
    const negated = new Set<string>();
    plain = new Set<string>();
    for (const e of intent.examples)
      for (const c of e.analysed.concepts.keys())
        (e.analysed.negatedConcepts.has(c) ? negated : plain).add(c);
    for (const c of negated) plain.delete(c);
    plainOnly.set(intent, plain);
  }
  for (const c of said.negatedConcepts) if (plain.has(c)) return true;
  return false;
}
