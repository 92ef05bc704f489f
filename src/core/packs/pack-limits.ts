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
  variants: 10,
  textChars: 2000,
  /** Nesting depth of the parsed document; a pack needs about 10. */
  maxDepth: 32,
} as const;
