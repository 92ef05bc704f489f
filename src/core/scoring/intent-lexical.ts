/**
 * Score, lexical stage: how much of an intent's nearest example an utterance says, on concepts weighted
 * by how distinctive they are (an F1 of shared weight), with polarity judged per example. Also the
 * gates both stages obey: form (question or statement), required and excluded words.
 */
import { stem, WORD_CONCEPT, type Analysed } from './intent-analyse.ts';
import type { CompiledIntent, IntentModel } from './intent-model.ts';

export interface LexicalScore {
  id: string;
  /** 0..1: the best example's F1 on weighted concepts (0 when every example's polarity differs). */
  score: number;
  /** The trainee's words the best example shares. */
  words: string[];
  example: string | null;
  /** Why a polarity clash zeroed every example, when it did. */
  polarity?: string;
}

interface ExampleScore {
  score: number;
  words: string[];
  clash: string | undefined;
}

/** One example against the utterance: weighted concept F1, and whether their polarity clashes. */
function scoreExample(model: IntentModel, e: Analysed, said: Analysed): ExampleScore {
  let shared = 0;
  let total = 0;
  let negatedInExample = 0;
  let negatedInSaid = 0;
  const words: string[] = [];
  for (const c of e.concepts.keys()) {
    const w = model.weight(c);
    total += w;
    const by = said.concepts.get(c);
    if (by === undefined) continue;
    if (e.negatedConcepts.has(c)) negatedInExample++;
    if (said.negatedConcepts.has(c)) negatedInSaid++;
    shared += w;
    words.push(by);
  }
  let extra = 0;
  for (const c of said.concepts.keys()) if (!e.concepts.has(c)) extra += model.weight(c);
  if (total === 0 || shared === 0) return { score: 0, words: [], clash: undefined };
  const recall = shared / total;
  const precision = shared / (shared + extra);
  return {
    score: (2 * recall * precision) / (recall + precision),
    words,
    clash: polarityClash(e, said, negatedInExample, negatedInSaid),
  };
}

/** What both share must be negated in both or in neither ("I won't tell my manager" is not escalating). */
function polarityClash(e: Analysed, said: Analysed, inExample: number, inSaid: number): string | undefined {
  if (e.negated === said.negated && inExample > 0 === inSaid > 0) return undefined;
  return said.negated ? 'the words are negated' : 'the example is a refusal and this is not';
}

export function lexicalScore(model: IntentModel, intent: CompiledIntent, said: Analysed): LexicalScore {
  let best: LexicalScore = { id: intent.def.id, score: 0, words: [], example: null };
  for (const example of intent.examples) {
    const s = scoreExample(model, example.analysed, said);
    if (s.clash !== undefined) {
      if (best.score === 0 && best.polarity === undefined && s.words.length > 0) best.polarity = s.clash;
      continue;
    }
    if (s.score > best.score)
      best = { id: intent.def.id, score: s.score, words: s.words, example: example.text };
  }
  if (best.score > 0) delete best.polarity;
  return best;
}

/** Whether the polarity of one example agrees with the utterance on the concepts they share. */
export function polarityAgrees(e: Analysed, said: Analysed): boolean {
  let inExample = 0;
  let inSaid = 0;
  let shared = 0;
  for (const c of e.concepts.keys()) {
    if (!said.concepts.has(c)) continue;
    shared++;
    if (e.negatedConcepts.has(c)) inExample++;
    if (said.negatedConcepts.has(c)) inSaid++;
  }
  // Nothing shared: the encoder judges meaning alone; a negated utterance still needs a negated example.
  if (shared === 0) return e.negated === said.negated || !said.negated;
  return polarityClash(e, said, inExample, inSaid) === undefined;
}

function groupPresent(group: readonly string[], text: string, analysed: Analysed): boolean {
  return group.some((g) => {
    if (g.includes(' ')) return text.includes(g);
    const concept = WORD_CONCEPT.get(g) ?? WORD_CONCEPT.get(stem(g)) ?? stem(g);
    return analysed.concepts.has(concept) || new RegExp(`\\b${g.replace(/[^a-z0-9]/g, '')}\\b`).test(text);
  });
}

/** Why an intent is ruled out whatever the score: its form, required words or excluded words. */
export function gateOf(intent: CompiledIntent, said: Analysed, lowered: string): string | undefined {
  if (intent.form === 'question' && !said.question)
    return 'this move is a question and this was not asked as one';
  if (intent.form === 'statement' && said.question) return 'this move is a statement and this was a question';
  if (!intent.requires.every((group) => groupPresent(group, lowered, said)))
    return 'words this move needs were not said';
  if (intent.excludes.some((x) => lowered.includes(x))) return 'words that rule this move out were said';
  return undefined;
}
