import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compileIntents,
  matchIntent,
  scoreStatement,
  type IntentDefinition,
} from '../../../src/core/index.ts';
import { script } from '../../helpers/library.ts';

const dir = new URL('../../fixtures/calibration/', import.meta.url);
const lines = <T>(name: string): T[] =>
  readFileSync(new URL(name, dir), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);

describe('scoreStatement on the worked examples', () => {
  const rows = lines<{ id: string; script: string; text: string; label: string; why: string }>(
    'verbatim.jsonl',
  );
  it.each(rows)('$id: $label ($why)', (row) => {
    expect(scoreStatement(script(row.script), row.text).verdict).toBe(row.label);
  });
});

describe('matchIntent on the worked examples', () => {
  const defs = (
    JSON.parse(readFileSync(new URL('intents.json', dir), 'utf8')) as { intents: IntentDefinition[] }
  ).intents;
  const model = compileIntents(defs);
  const rows = [
    ...lines<{ id: string; text: string; label: string | null }>('intents.jsonl'),
    // More paraphrases, questions, negations and unrelated talk, labelled by the same rule.
    ...lines<{ id: string; text: string; label: string | null }>('../intents-paraphrases.jsonl'),
  ];
  it.each(rows)('$id: "$text" is $label', (row) => {
    expect(matchIntent(model, row.text).intent).toBe(row.label);
  });
});
