/**
 * The intent matcher: which procedural move (not a verbatim statement) an utterance makes, if any.
 * Explainable by design: words become concepts (stems, stop words, synonyms), each intent's examples are
 * compared on concepts weighted by how distinctive they are, and two gates keep look-alikes out:
 * polarity (a negated utterance never matches a positive example, "I won't tell my manager") and form
 * (an intent whose examples are all questions needs a question, "are you recording?" is not "I am recording").
 */
import type { IntentDefinition, IntentMatch } from './types.ts';
import { normalise } from '../text/normalise.ts';

const STOP = new Set(
  `a an the and or but if of at by for with about to from in on into onto over under up down out off so as than then
  too very just also really quite only even still yet again ever here there this that these those it its itself
  i me my mine myself we us our ours you your yours yourself he him his she her they them their what which who whom
  whose is am are was were be been being have has had having do does did doing will would shall should can could may
  might must let lets ok okay right well oh now please thank thanks sure yes yeah just bit some any all each every
  one moment lot get got go going gonna want like kind sort thing things how when where why way much many more most
  something anything everything someone anyone everyone`.split(/\s+/),
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
manager managers supervisor supervisors leader leaders team-leader line-manager senior
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
person persons people individual someone somebody party
help support assist assistance
understand understood appreciate
`;

const PHRASES = new Map<string, string>();
const WORD_CONCEPT = new Map<string, string>();
for (const line of SYNONYMS.trim().split('\n')) {
  const words = line.trim().split(/\s+/);
  const head = words[0] as string;
  for (const w of words) {
    if (w.includes('-') && w !== 'e-mail') PHRASES.set(w.replace('-', ' '), head);
    else WORD_CONCEPT.set(w, head);
  }
}

function stem(word: string): string {
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

const NEGATORS = new Set([
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
/** How many words after a negator it reaches. */
const NEGATION_SCOPE = 4;
/** "Not happy" is one idea, the opposite of happy, rather than a negated statement. */
const UNHAPPY = /\s*\b(?:not|n't)\s+(?:happy|satisfied|pleased)\b/g;
const NEGATION_IDIOMS =
  /\b(no problem|no worries|no bother|not a problem|no doubt|nothing else|never mind)\b/g;

interface Analysed {
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

function analyse(text: string): Analysed {
  const lowered = text.toLowerCase();
  const tokens = normalise(lowered.replace(NEGATION_IDIOMS, ' ').replace(UNHAPPY, ' unhappy'));
  const keys = tokens.map((t) => t.key);
  const concepts = new Map<string, string>();
  const negatedConcepts = new Set<string>();
  let negated = false;
  let negatedUntil = -1;
  const add = (concept: string, display: string, i: number): void => {
    concepts.set(concept, display);
    if (i <= negatedUntil) negatedConcepts.add(concept);
  };
  for (let i = 0; i < keys.length; i++) {
    const w = keys[i] as string;
    const display = tokens[i]?.display ?? w;
    if (NEGATORS.has(w)) {
      // A leading "no," is an answer to the caller, not a negation of what follows.
      if (!(w === 'no' && i === 0 && /^\s*no\b\s*[,.!]/.test(lowered))) {
        negated = true;
        negatedUntil = i + NEGATION_SCOPE;
      }
      continue;
    }
    const pair = i + 1 < keys.length ? `${w} ${keys[i + 1] as string}` : '';
    const phrase = PHRASES.get(pair);
    if (phrase !== undefined) {
      add(phrase, `${display} ${tokens[i + 1]?.display ?? ''}`, i);
      i++;
      continue;
    }
    const direct = WORD_CONCEPT.get(w);
    if (direct !== undefined) {
      add(direct, display, i);
      continue;
    }
    if (STOP.has(w)) continue;
    const s = stem(w);
    const viaStem = WORD_CONCEPT.get(s) ?? WORD_CONCEPT.get(s + 'e') ?? WORD_CONCEPT.get(s + 's');
    add(viaStem ?? s, display, i);
  }
  if (concepts.size === 0) {
    // Only common words ("Where are you right now?"): then those words are what it says.
    keys.forEach((w, i) => {
      if (!TRIVIAL.has(w) && !NEGATORS.has(w)) add(w, tokens[i]?.display ?? w, i);
    });
  }
  const first = keys[0] ?? '';
  const second = keys[1] ?? '';
  const question =
    /\?\s*$/.test(text.trim()) ||
    (AUX.has(first) && STOP.has(second)) ||
    WH.has(first) ||
    /\b(ask|check|know|wonder|wondering|confirm|mind)\b[^.?!]{0,20}\b(if|whether)\b/.test(lowered);
  return { concepts, negatedConcepts, negated, question };
}

export interface IntentModel {
  intents: {
    def: IntentDefinition;
    examples: { text: string; analysed: Analysed }[];
    form: 'question' | 'statement' | 'any';
    requires: string[][];
    excludes: string[];
  }[];
  weight: (concept: string) => number;
}

/** Prepare intent definitions once; matching is then a few microseconds per utterance. */
export function compileIntents(defs: readonly IntentDefinition[]): IntentModel {
  const df = new Map<string, number>();
  const intents = defs.map((def) => {
    const examples = def.examples.map((text) => ({ text, analysed: analyse(text) }));
    const seen = new Set<string>();
    for (const e of examples) for (const c of e.analysed.concepts.keys()) seen.add(c);
    for (const c of seen) df.set(c, (df.get(c) ?? 0) + 1);
    const allQuestions = examples.length > 0 && examples.every((e) => e.analysed.question);
    return {
      def,
      examples,
      form: def.form ?? (allQuestions ? ('question' as const) : ('any' as const)),
      requires: (def.requires ?? []).map((group) => group.map((g) => g.toLowerCase())),
      excludes: (def.excludes ?? []).map((x) => x.toLowerCase()),
    };
  });
  const n = Math.max(1, defs.length);
  const weight = (c: string): number => {
    const d = df.get(c);
    // A word no intent uses still says what the utterance is about: weighted like a fairly rare one.
    return 1 + Math.log(n / (d ?? 2));
  };
  return { intents, weight };
}

/** Below this, an utterance matches no intent. */
const THRESHOLD = 0.4;

function groupPresent(group: readonly string[], text: string, analysed: Analysed): boolean {
  return group.some((g) => {
    if (g.includes(' ')) return text.includes(g);
    const concept = WORD_CONCEPT.get(g) ?? WORD_CONCEPT.get(stem(g)) ?? stem(g);
    return analysed.concepts.has(concept) || new RegExp(`\\b${g.replace(/[^a-z0-9]/g, '')}\\b`).test(text);
  });
}

/** The best intent for an utterance, or none, with a confidence and the words that matched. */
export function matchIntent(
  model: IntentModel,
  text: string,
  options?: { only?: readonly string[] },
): IntentMatch {
  const said = analyse(typeof text === 'string' ? text.slice(0, 5000) : '');
  const lowered = typeof text === 'string' ? text.toLowerCase() : '';
  let best: { id: string; score: number; refusedBecause?: string; words: string[] } | null = null;
  let accepted: { id: string; score: number; words: string[] } | null = null;
  let runnerUp = 0;
  for (const intent of model.intents) {
    if (options?.only && !options.only.includes(intent.def.id)) continue;
    let top = 0;
    let topWords: string[] = [];
    let refused: string | undefined;
    for (const example of intent.examples) {
      const e = example.analysed;
      let shared = 0;
      let total = 0;
      let negatedInExample = 0;
      let negatedInSaid = 0;
      const words: string[] = [];
      for (const c of e.concepts.keys()) {
        const w = model.weight(c);
        total += w;
        const by = said.concepts.get(c);
        if (by !== undefined) {
          if (e.negatedConcepts.has(c)) negatedInExample++;
          if (said.negatedConcepts.has(c)) negatedInSaid++;
          shared += w;
          words.push(by);
        }
      }
      let extra = 0;
      for (const c of said.concepts.keys()) if (!e.concepts.has(c)) extra += model.weight(c);
      if (total === 0 || shared === 0) continue;
      const recall = shared / total;
      const precision = shared / (shared + extra);
      let score = (2 * recall * precision) / (recall + precision);
      let reason: string | undefined;
      // Polarity: what both share must be negated in both or in neither ("I won't tell my manager").
      if (e.negated !== said.negated || negatedInExample > 0 !== negatedInSaid > 0) {
        reason = said.negated ? 'the words are negated' : 'the example is a refusal and this is not';
        score = 0;
      }
      if (score > top || (top === 0 && reason !== undefined && refused === undefined)) {
        if (score > top) {
          top = score;
          topWords = words;
        }
        if (score === 0) refused = reason;
      }
    }
    if (top > 0) refused = undefined;
    if (top > 0 && intent.form === 'question' && !said.question) {
      refused = 'this move is a question and this was not asked as one';
    } else if (top > 0 && intent.form === 'statement' && said.question) {
      refused = 'this move is a statement and this was a question';
    } else if (top > 0 && !intent.requires.every((group) => groupPresent(group, lowered, said))) {
      refused = 'words this move needs were not said';
    } else if (top > 0 && intent.excludes.some((x) => lowered.includes(x))) {
      refused = 'words that rule this move out were said';
    }
    const candidate = {
      id: intent.def.id,
      score: top,
      words: topWords,
      ...(refused ? { refusedBecause: refused } : {}),
    };
    if (best === null || top > best.score) best = candidate;
    if (refused === undefined && top > 0) {
      if (accepted === null || top > accepted.score) {
        if (accepted) runnerUp = Math.max(runnerUp, accepted.score);
        accepted = candidate;
      } else runnerUp = Math.max(runnerUp, top);
    }
  }
  const confidence = accepted
    ? Math.round(Math.min(1, accepted.score + Math.max(0, accepted.score - runnerUp) / 2) * 100) / 100
    : 0;
  if (accepted && accepted.score >= THRESHOLD) {
    return {
      intent: accepted.id,
      confidence,
      matchedWords: accepted.words,
      best: { id: accepted.id, score: round(accepted.score) },
    };
  }
  const shown = best ?? null;
  return {
    intent: null,
    confidence: 0,
    matchedWords: [],
    best:
      shown === null
        ? null
        : {
            id: shown.id,
            score: round(shown.score),
            refusedBecause:
              shown.refusedBecause ?? (shown.score > 0 ? 'too little of it was said' : 'nothing in common'),
          },
  };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
