/**
 * The compiled intents of a pack: each example analysed once, its plain text (the key of its vector),
 * each intent's form, required and excluded words, and how distinctive each concept is.
 */
import { analyse, plainText, type Analysed } from './intent-analyse.ts';
import { KIND_WORDS, NO_MOVE_EXAMPLES } from './intent-no-move.ts';
import type { IntentDefinition } from './types.ts';

export interface CompiledExample {
  text: string;
  /** The form the sentence encoder reads, and the key of the example's vector. */
  plain: string;
  analysed: Analysed;
}

export interface CompiledIntent {
  def: IntentDefinition;
  examples: CompiledExample[];
  form: 'question' | 'statement' | 'any';
  requires: string[][];
  excludes: string[];
}

export interface IntentModel {
  intents: CompiledIntent[];
  byId: ReadonlyMap<string, CompiledIntent>;
  weight: (concept: string) => number;
  /** Talk that makes no move (see intent-no-move.ts): a rival in the semantic stage. */
  noMove: CompiledExample[];
  /** Kind words (see intent-no-move.ts): a rival of risky moves only. */
  kindWords: CompiledExample[];
}

/** Prepare intent definitions once; matching is then a few microseconds per utterance and candidate. */
export function compileIntents(defs: readonly IntentDefinition[]): IntentModel {
  const df = new Map<string, number>();
  const intents = defs.map((def): CompiledIntent => {
    const examples = def.examples.map((text) => ({ text, plain: plainText(text), analysed: analyse(text) }));
    const seen = new Set<string>();
    for (const e of examples) for (const c of e.analysed.concepts.keys()) seen.add(c);
    for (const c of seen) df.set(c, (df.get(c) ?? 0) + 1);
    const allQuestions = examples.length > 0 && examples.every((e) => e.analysed.question);
    return {
      def,
      examples,
      form: def.form ?? (allQuestions ? 'question' : 'any'),
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
  const compile = (text: string) => ({ text, plain: plainText(text), analysed: analyse(text) });
  return {
    intents,
    byId: new Map(intents.map((i) => [i.def.id, i])),
    weight,
    noMove: NO_MOVE_EXAMPLES.map(compile),
    kindWords: KIND_WORDS.map(compile),
  };
}

/** Every text whose vector the semantic stage reads for this model: its examples' plain forms. */
export function exampleTexts(model: IntentModel): string[] {
  return [
    ...new Set([
      ...model.intents.flatMap((i) => i.examples.map((e) => e.plain)),
      ...model.noMove.map((e) => e.plain),
      ...model.kindWords.map((e) => e.plain),
    ]),
  ];
}
