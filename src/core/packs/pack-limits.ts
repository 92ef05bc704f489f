/** Bounds on packs: one place, used by the schema, the text parser and the CLI's size check. */
export const PACK_LIMITS = {
  /** Packs are text; 1 MB is generous. Enforced before parsing: a huge YAML file takes seconds to parse. */
  maxBytes: 1_000_000,
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
