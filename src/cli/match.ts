import { readFileSync } from 'node:fs';
import type { CliIo } from './io.ts';
import { compileIntents, matchIntent, type IntentDefinition } from '../core/index.ts';

function readIntents(file: string): IntentDefinition[] {
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  const list = Array.isArray(data) ? data : (data as { intents?: unknown }).intents;
  if (!Array.isArray(list)) throw new Error(`${file}: expected {"intents": [...]}`);
  return list.map((raw, i) => {
    const d = raw as Partial<IntentDefinition>;
    if (
      typeof d.id !== 'string' ||
      !Array.isArray(d.examples) ||
      !d.examples.every((e) => typeof e === 'string')
    ) {
      throw new Error(`${file}: intents.${i}: needs an "id" and "examples" (strings)`);
    }
    return d as IntentDefinition;
  });
}

/** `match --intents FILE --jsonl`: JSON Lines {"id","text"} on stdin to {"id","intent","confidence", ...evidence}. */
export async function runMatch(args: string[], io: CliIo): Promise<number> {
  const i = args.indexOf('--intents');
  const file = i >= 0 ? args[i + 1] : undefined;
  if (file === undefined || !args.includes('--jsonl')) {
    io.err('Usage: match --intents FILE --jsonl < lines.jsonl');
    return 2;
  }
  const model = compileIntents(readIntents(file));
  for (const line of (await io.stdin()).split('\n')) {
    if (line.trim() === '') continue;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      io.out(JSON.stringify({ id: null, error: 'not a JSON line' }));
      continue;
    }
    const id = row?.['id'] ?? null;
    if (typeof row?.['text'] !== 'string') {
      io.out(JSON.stringify({ id, error: 'each line needs a "text" string' }));
      continue;
    }
    const m = matchIntent(model, row['text']);
    // The original fields, then why it was decided (nearest example, runner-up, margin).
    io.out(
      JSON.stringify({
        id,
        intent: m.intent,
        confidence: m.confidence,
        matchedWords: m.matchedWords,
        best: m.best,
        evidence: m.evidence ?? null,
      }),
    );
  }
  return 0;
}
