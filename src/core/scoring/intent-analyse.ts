/**
 * Analyse: what an utterance says, as the lexical stage of the intent matcher sees it. Words become
 * concepts (stems, stop words, synonyms); negation is tracked per concept (a refusal and a plain
 * statement share words but not meaning); question form is noted. Also the one text form both
 * stages read (`plainText`), so typed and spoken answers are embedded alike.
 */
import { CLAUSE_BREAKS, clauses, isAnswerNo, NEGATION_SCOPE, NEGATORS } from './intent-negation.ts';
import { APOSTROPHE_LESS, DIALECT, SHORTHAND } from '../text/lexicon.ts';

const STOP = new Set(
  `a an the and or but if of at by for with about to from in on into onto over under up down out off so as than then
  too very just also really quite only even still yet again ever here there this that these those it its itself
  i me my mine myself we us our ours you your yours yourself he him his she her they them their what which who whom
  whose is am are was were be been being have has had having do does did doing will would shall should can could may
  might must let lets ok okay right well oh now please thank thanks sure yes yeah just bit some any all each every
  one moment lot get got go going gonna want like kind sort thing things how when where why way much many more most
  something anything everything someone anyone everyone see`.split(/\s+/),
);

/** Words too common to carry meaning even when nothing else was said. */
const TRIVIAL = new Set([
  'a',
  'an',
  'the',
  'is',
  'am',
  'are',
  'i',
  'you',
  'to',
  'of',
  'and',
  'or',
  'it',
  'be',
  'ok',
  'okay',
  'oh',
  'yes',
  'yeah',
  'please',
  'so',
  'well',
]);

/** Synonym groups: each word (or two-word phrase) on a line maps to the group's first entry. */
const SYNONYMS = `
greet hello hi hiya morning afternoon evening good-morning good-afternoon good-evening
speak speaking talking calling through
interpreter interpreters interpret interpreting translator translators translate translation language-line
arrange organise organize book set-up sort-out join bring
complain complaint complaints complaining unhappy dissatisfied grievance
explain tell telling told inform advise show describe
request requests requesting ask asking application apply
letter letters writing written write email emails e-mail post
refer referral pass forward transfer
copy copies
hold holds held keep keeps store stores
record recording recorded records tape taping taped
manager managers supervisor supervisors leader leaders team-leader line-manager senior tl tls
alert notify escalate flag raise
disclose share reveal release divulge discuss confirm
security verify verification identity id
safe safety harm hurt
emergency ambulance police 999 paramedic
samaritans samaritan 116123
authority authorise authorize authorised authorisation permission consent mandate
address addresses whereabouts live lives living location
worried worry concerned concern
confidential confidentiality private privacy
callback call-back ring-back phone-back
information info details detail data particulars
case file files
person persons people individual someone somebody party
help support assist assistance
understand understood appreciate
`;

export const PHRASES = new Map<string, string>();
export const WORD_CONCEPT = new Map<string, string>();
for (const line of SYNONYMS.trim().split('\n')) {
  const words = line.trim().split(/\s+/);
  const head = words[0] as string;
  for (const w of words) {
    if (w.includes('-') && w !== 'e-mail') PHRASES.set(w.replace('-', ' '), head);
    else WORD_CONCEPT.set(w, head);
  }
}

export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ied', 'ies', 'ed', 'es', 'ly', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      const base = word.slice(0, -suffix.length);
      if (suffix === 'ies' || suffix === 'ied') return base + 'y';
      if (suffix === 's' && base.endsWith('s')) return word;
      return base.endsWith('e') ? base.slice(0, -1) : base;
    }
  }
  return word.endsWith('e') ? word.slice(0, -1) : word;
}

export interface Analysed {
  concepts: Map<string, string>; // concept -> the word that said it
  /** Concepts said under a negation ("not", "can't", "no") within a few words before them. */
  negatedConcepts: Set<string>;
  negated: boolean;
  question: boolean;
}

const AUX = new Set([
  'are',
  'is',
  'do',
  'does',
  'did',
  'can',
  'could',
  'would',
  'will',
  'shall',
  'may',
  'have',
  'has',
  'should',
  'were',
  'was',
  'might',
]);
const WH = new Set(['what', 'where', 'when', 'who', 'why', 'how', 'which', 'whether']);

const BARE_WORD = /(?<![\p{L}'’])\p{L}+(?![\p{L}'’])/gu;
/** "Hang on (a second)" asks the caller to wait: it is not hanging up, which its first word shares. */
const HANG_ON = /(?<![\p{L}'])hang on(?![\p{L}'])/gu;
/** "ye're", "ye'll": the regional "ye" with a contraction. */
const YE_CONTRACTED = /(?<![\p{L}'])ye(?='(?:re|ve|ll|d)(?![\p{L}']))/gu;
/** "we'll no bother", "i'm no going anywhere": a regional "no" for "not" after a verb that "no" cannot follow. */
const NO_AFTER_WILL = /(?<![\p{L}'])((?:i|you|we|they|he|she|it)'(?:ll|d)) no(?![\p{L}'])/gu;
const NO_BEFORE_VERB =
  /(?<![\p{L}'])(i'm|you're|we're|they're|he's|she's|it's|its|that's|is|are|was|were) no (?=\p{L}+(?:ing|ed)(?![\p{L}']))/gu;

/**
 * Lower case, with contractions written without their apostrophe given it back (the lexicon's APOSTROPHE_LESS) and
 * regional and spoken spellings in standard spelling (DIALECT): the words both stages read.
 */
export function standardWords(text: string): string {
  return standardise(text.toLowerCase().replace(/[’‘`]/g, "'"));
}

/** `standardWords` for a text already in lower case with plain apostrophes. */
function standardise(lowered: string): string {
  return lowered
    .replace(HANG_ON, 'wait')
    .replace(YE_CONTRACTED, 'you')
    .replace(BARE_WORD, (w) => APOSTROPHE_LESS.get(w) ?? DIALECT.get(w) ?? w)
    .replace(NO_AFTER_WILL, '$1 not')
    .replace(NO_BEFORE_VERB, '$1 not ');
}

export function analyse(text: string): Analysed {
  const lowered = standardWords(text);
  const { tokens, starts } = clauses(lowered);
  const keys = tokens.map((t) => t.key);
  const concepts = new Map<string, string>();
  const negatedConcepts = new Set<string>();
  let negated = false;
  let scopeLeft = 0;
  const add = (concept: string, display: string): void => {
    concepts.set(concept, display);
    if (scopeLeft <= 0) return;
    negatedConcepts.add(concept);
    scopeLeft--;
  };
  for (let i = 0; i < keys.length; i++) {
    const w = keys[i] as string;
    const display = tokens[i]?.display ?? w;
    if (NEGATORS.has(w)) {
      if (!isAnswerNo(keys, i, lowered)) {
        negated = true;
        scopeLeft = NEGATION_SCOPE;
      }
      continue;
    }
    if (CLAUSE_BREAKS.has(w) || starts.has(i)) scopeLeft = 0;
    const pair = i + 1 < keys.length ? `${w} ${keys[i + 1] as string}` : '';
    const phrase = PHRASES.get(pair);
    if (phrase !== undefined) {
      add(phrase, `${display} ${tokens[i + 1]?.display ?? ''}`);
      i++;
      continue;
    }
    const direct = WORD_CONCEPT.get(w);
    if (direct !== undefined) {
      add(direct, display);
      continue;
    }
    if (STOP.has(w)) continue;
    const s = stem(w);
    const viaStem = WORD_CONCEPT.get(s) ?? WORD_CONCEPT.get(s + 'e') ?? WORD_CONCEPT.get(s + 's');
    add(viaStem ?? s, display);
  }
  if (concepts.size === 0) {
    // Only common words ("Where are you right now?"): then those words are what it says.
    scopeLeft = 0;
    keys.forEach((w, i) => {
      if (NEGATORS.has(w)) scopeLeft = negated ? NEGATION_SCOPE : 0;
      else if (!TRIVIAL.has(w)) add(w, tokens[i]?.display ?? w);
    });
  }
  return { concepts, negatedConcepts, negated, question: isQuestion(text, lowered, keys) };
}

/** Words a spoken question often starts with before its real start ("sorry, who am I talking to"). */
const LEAD_INS = new Set([
  'sorry',
  'so',
  'and',
  'ok',
  'okay',
  'right',
  'well',
  'just',
  'now',
  'oh',
  'hi',
  'hello',
]);
/** "I need to ask you, are you thinking of...": a question announced, then asked. */
const ASKED_AFTER_ASK =
  /\bask(?:ing)?(?: you)?(?: directly| straight out| honestly)?[\s,]+(?:are|is|do|does|did|have|has|were|was|would|could|can|will)\s+(?:you|we|they|he|she|there|anyone|anybody)\b/;
/** Pronouns that, after an auxiliary verb, make a question anywhere in a sentence ("... are you recording"). */
const ASKED = new Set(['you', 'we', 'i', 'this', 'that', 'anyone', 'he', 'she', 'they']);

/**
 * Question form, also as a recogniser writes it (no question mark, lower case): an auxiliary or a wh- word
 * at the start after lead-ins, or an auxiliary and a pronoun starting a clause later on ("before we start are
 * you recording"). Measured on the held-out utterances: recogniser-style questions were read as statements.
 */
function isQuestion(text: string, lowered: string, keys: readonly string[]): boolean {
  if (/\?\s*$/.test(text.trim())) return true;
  if (/\b(ask|check|know|wonder|wondering|confirm|mind)\b[^.?!]{0,20}\b(if|whether)\b/.test(lowered))
    return true;
  if (ASKED_AFTER_ASK.test(lowered)) return true;
  let start = 0;
  while (start < keys.length - 1 && LEAD_INS.has(keys[start]!)) start++;
  const first = keys[start] ?? '';
  if (WH.has(first) || (AUX.has(first) && STOP.has(keys[start + 1] ?? ''))) return true;
  // Later in the sentence, an inverted auxiliary needs a pronoun after it and none before it ("you are").
  for (let i = start + 1; i < keys.length - 1; i++) {
    if (!AUX.has(keys[i]!) || !ASKED.has(keys[i + 1]!)) continue;
    if (!ASKED.has(keys[i - 1]!) && !WH.has(keys[i - 1]!) && keys[i - 1] !== 'if') return true;
  }
  return false;
}

const SHORTHAND_WORDS = new RegExp(`(?<![\\p{L}'])(?:${[...SHORTHAND.keys()].join('|')})(?![\\p{L}'])`, 'gu');
const FILLER_WORDS = /\b(?:um+|uh+|er+m?|ah+|hmm+|mm+)\b/g;

/**
 * The text the sentence encoder reads: lower case, no punctuation or fillers, one space between words,
 * as a recogniser transcribes speech. Typed and spoken answers then meet the examples on equal terms.
 */
export function plainText(text: string): string {
  const bare = text
    .slice(0, 5000)
    .normalize('NFKC')
    .replace(/[’‘`]/g, "'")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}£'\s]+/gu, ' ')
    .replace(/'(?!\p{L})|(?<!\p{L})'/gu, ' ');
  return standardise(bare)
    .replace(FILLER_WORDS, ' ')
    .replace(SHORTHAND_WORDS, (w) => SHORTHAND.get(w) ?? w)
    .replace(/\s+/g, ' ')
    .trim();
}
