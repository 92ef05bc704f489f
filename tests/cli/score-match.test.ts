import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { runScore } from '../../src/cli/score.ts';
import { runMatch } from '../../src/cli/match.ts';

function io(stdin = ''): CliIo & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, out: (l) => lines.push(l), err: (l) => errors.push(l), stdin: async () => stdin };
}

const NOTICE = 'I should tell you that this call may be recorded for quality and or training purposes';

describe('score', () => {
  it('prints a readable verdict, score and word diff', async () => {
    const fake = io();
    expect(
      await runScore(['--script', 'call-recording-notice', NOTICE.replace('this call', 'your call')], fake),
    ).toBe(0);
    expect(fake.lines[0]).toBe('Call recording notice (CMS wording): MINOR, score 94');
    expect(fake.lines.at(-1)).toContain('[-this->your+]');
  });

  it('answers every JSON line, with an error line for bad input instead of stopping', async () => {
    const fake = io(
      [
        JSON.stringify({ id: 'a', script: 'call-recording-notice', text: NOTICE }),
        'not json',
        JSON.stringify({ id: 'b', script: 'no-such-script', text: 'x' }),
        JSON.stringify({ id: 'c', script: 'call-recording-notice' }),
        JSON.stringify({
          id: 'd',
          script: 'call-recording-notice',
          version: 'cmg',
          text: NOTICE.replace('may be', 'is'),
        }),
      ].join('\n'),
    );
    expect(await runScore(['--jsonl'], fake)).toBe(0);
    const out = fake.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toMatchObject({
      id: 'a',
      verdict: 'exact',
      score: 100,
      deviations: [],
      missingKeyElements: [],
    });
    expect(out[1]).toEqual({ id: null, error: 'not a JSON line' });
    expect(out[2]).toEqual({ id: 'b', error: 'unknown script "no-such-script"' });
    expect(out[3]?.['error']).toBeDefined();
    expect(out[4]).toMatchObject({ id: 'd', verdict: 'fail', missingKeyElements: ['may be recorded'] });
  });

  it('finds the statement when no script is named', async () => {
    const fake = io();
    expect(await runScore([`hello there ${NOTICE}`], fake)).toBe(0);
    expect(fake.lines[0]).toBe('Call recording notice (CMS wording): EXACT, score 100');
  });

  it('refuses an unknown script id in readable mode with a usage code', async () => {
    const fake = io();
    expect(await runScore(['--script', 'nope', 'text'], fake)).toBe(2);
    expect(fake.errors[0]).toMatch(/Unknown script "nope"/);
  });
});

describe('match', () => {
  it('writes the intent or null and a confidence for each line', async () => {
    const fake = io(
      [
        JSON.stringify({ id: 1, text: 'Would you like an interpreter?' }),
        JSON.stringify({ id: 2, text: 'One moment please' }),
        '{',
      ].join('\n'),
    );
    const file = new URL('../fixtures/calibration/intents.json', import.meta.url).pathname;
    expect(await runMatch(['--intents', file, '--jsonl'], fake)).toBe(0);
    const out = fake.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toMatchObject({ id: 1, intent: 'offer-interpreter' });
    expect(out[0]?.['confidence']).toBeGreaterThan(0.4);
    expect(out[1]).toMatchObject({ id: 2, intent: null, confidence: 0 });
    expect(out[2]).toMatchObject({ error: 'not a JSON line' });
  });

  it('adds the evidence: the nearest example, the words that carried it and the runner-up', async () => {
    const fake = io(JSON.stringify({ id: 1, text: 'Would you like an interpreter?' }));
    const file = new URL('../fixtures/calibration/intents.json', import.meta.url).pathname;
    expect(await runMatch(['--intents', file, '--jsonl'], fake)).toBe(0);
    const evidence = (JSON.parse(fake.lines[0]!) as { evidence: Record<string, unknown> }).evidence;
    expect(evidence).toMatchObject({ matcher: 'lexical', words: expect.arrayContaining(['interpreter']) });
    expect(String(evidence['nearestExample'])).toMatch(/interpreter/i);
    expect(evidence['runnerUp']).toEqual({ id: expect.any(String), score: expect.any(Number) });
  });
});

describe('the cli entry point', () => {
  it('runs through tsx and prints no stack trace for a missing intents file', () => {
    let stderr = '';
    try {
      execFileSync('npx', ['tsx', 'src/cli/main.ts', 'match', '--intents', 'no-such-file.json', '--jsonl'], {
        input: '',
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      stderr = String((error as { stderr?: string }).stderr);
    }
    expect(stderr).toMatch(/no-such-file\.json/);
    expect(stderr).not.toMatch(/\n\s+at /);
    // Starting npx and tsx takes seconds on a busy two-core machine, as in validate.test.ts.
  }, 30_000);
});
