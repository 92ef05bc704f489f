import type { CliIo } from './io.ts';
import {
  createStatementFinder,
  scoreStatement,
  type ScoreResult,
  type ScriptLibrary,
} from '../core/index.ts';
import { loadNodeScriptLibrary } from './node-library.ts';
import { formatDiff } from './format.ts';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function jsonLine(id: unknown, result: ScoreResult): string {
  return JSON.stringify({
    id,
    verdict: result.verdict,
    score: result.score,
    deviations: result.deviations,
    missingKeyElements: result.missingKeyElements,
    // Why it got its verdict, as the readable output says it (an over-long text: "too long to score").
    reasons: result.reasons,
  });
}

/** Why no statement was found: no statement with this id, or no such version of one. */
function notFound(library: ScriptLibrary, id: string, version: string | undefined): string {
  const known = version === undefined ? undefined : library.get(id);
  return known
    ? `statement "${id}" has no version "${version}"; its versions are ${known.versions.join(', ')}`
    : `unknown script "${id}"`;
}

/** `score --script ID "TEXT"` (readable) or `score --jsonl` (JSON Lines on stdin). */
export async function runScore(args: string[], io: CliIo): Promise<number> {
  const library = loadNodeScriptLibrary();
  if (args.includes('--jsonl')) {
    for (const line of (await io.stdin()).split('\n'))
      if (line.trim() !== '') io.out(scoreJsonLine(library, line));
    return 0;
  }
  return scoreReadable(library, args, io);
}

/** One JSON line in, one out: the verdict, or `{"id","error"}` saying what is wrong with the line. */
function scoreJsonLine(library: ScriptLibrary, line: string): string {
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, error: 'not a JSON line' });
  }
  const r = (typeof row === 'object' && row !== null ? row : {}) as Record<string, unknown>;
  const id = r['id'] ?? null;
  if (typeof r['script'] !== 'string' || typeof r['text'] !== 'string')
    return JSON.stringify({ id, error: 'each line needs "script" and "text" strings' });
  const version = typeof r['version'] === 'string' ? r['version'] : undefined;
  const script = library.get(r['script'], version);
  if (script === undefined) return JSON.stringify({ id, error: notFound(library, r['script'], version) });
  return jsonLine(id, scoreStatement(script, r['text']));
}

async function scoreReadable(library: ScriptLibrary, args: string[], io: CliIo): Promise<number> {
  const id = option(args, '--script');
  const version = option(args, '--version');
  const text = args.filter(
    (a, i) => !a.startsWith('--') && !['--script', '--version'].includes(args[i - 1] ?? ''),
  )[0];
  if (text === undefined) {
    io.err('Usage: score [--script ID] [--version V] "TEXT"   or   score --jsonl < lines.jsonl');
    return 2;
  }
  // Without --script, the statement the text attempts is looked up (typo-tolerant).
  const script =
    id === undefined
      ? (createStatementFinder(library.list()).find(text) ?? undefined)
      : library.get(id, version);
  const known = library
    .list()
    .map((s) => s.id)
    .join(', ');
  if (script === undefined && id === undefined) {
    io.err(`No statement recognised in the text. Name one with --script: ${known}`);
    return 2;
  }
  if (script === undefined) {
    const why = notFound(library, id ?? '', version);
    io.err(why.startsWith('unknown') ? `Unknown script "${id}". Known: ${known}` : `The ${why}.`);
    return 2;
  }
  const result = scoreStatement(script, text);
  io.out(`${script.title} (${script.versionLabel}): ${result.verdict.toUpperCase()}, score ${result.score}`);
  io.out(
    `Deviations: ${result.deviationCount} of ${result.allowedDeviations} allowed (${result.scriptWordCount} words)`,
  );
  for (const reason of result.reasons) io.out(`- ${reason}`);
  io.out('');
  io.out(formatDiff(result));
  return 0;
}
