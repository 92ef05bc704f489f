/** Bounds on packs: one place, used by the schema, the text parser and the CLI's size check. */
export const PACK_LIMITS = {
  /**
   * Packs are text: 100 full scenarios come to about 1.2 MB, so 2 MB is generous. Enforced before
   * parsing, because a huge YAML file takes seconds and hundreds of MB to parse.
   */
  maxBytes: 2_000_000,
  /** Errors reported per file before the rest are summarised. */
  maxErrors: 50,
  scenarios: 200,
  statesPerScenario: 60,
  endingsPerScenario: 30,
  transitions: 30,
  intents: 300,
  /**
   * Example phrasings per intent. 60 until core pack 1.3.14: the moves trainees say in the most ways (disclosing the
   * case, explaining the statement, skipping it) had reached it, and answers written blind showed phrasings they still
   * lacked. Each example costs one sentence vector (about 10 ms once per pack version) and one comparison per answer.
   */
  examplesPerIntent: 100,
  variants: 10,
  textChars: 2000,
  /** Nesting depth of the parsed document; a pack needs about 10. */
  maxDepth: 32,
} as const;
