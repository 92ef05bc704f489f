// Writes scripts-verbatim/script.schema.json from the statement schema. Run after changing script-schema.ts:
//   npx tsx src/cli/gen-script-schema.ts
// tests/core/scripts/script-library.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { z } from '../core/zod.ts';
import { ScriptSchema } from '../core/scripts/script-schema.ts';

export const SCRIPT_SCHEMA_PATH = 'scripts-verbatim/script.schema.json';

export function scriptSchemaText(): string {
  const schema = z.toJSONSchema(ScriptSchema, { io: 'input', target: 'draft-2020-12' });
  return JSON.stringify({ ...schema, title: 'Verbatim statement' }, null, 2) + '\n';
}

if (process.argv[1]?.endsWith('gen-script-schema.ts')) {
  writeFileSync(SCRIPT_SCHEMA_PATH, scriptSchemaText());
  process.stdout.write(`wrote ${SCRIPT_SCHEMA_PATH}\n`);
}
