// Writes scenarios/scenario-pack.schema.json from the pack schema. Run after changing pack-schema.ts:
//   npx tsx src/cli/gen-schema.ts
// tests/core/packs/pack-schema.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { packJsonSchema } from '../core/packs/pack-schema.ts';

export const SCHEMA_PATH = 'scenarios/scenario-pack.schema.json';

export function schemaText(): string {
  return JSON.stringify(packJsonSchema(), null, 2) + '\n';
}

if (process.argv[1]?.endsWith('gen-schema.ts')) {
  writeFileSync(SCHEMA_PATH, schemaText());
  process.stdout.write(`wrote ${SCHEMA_PATH}\n`);
}
