// `eval [--transcripts DIR]... [--utterances FILE]... [--packs PATH]... [--lexical | --float32] [--json]`: replays
// whole calls and labelled utterances through the built-in packs and prints how many are understood,
// the confusions and each miss with its evidence. The same matcher and vectors as `play` and the app.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatPackError, type LoadedPack } from '../core/packs/index.ts';
import type { CliIo } from './io.ts';
import { loadPackFiles, loadScriptsFrom } from './pack-files.ts';
import { nodeVectors } from '../adapters/understanding/node-vectors.ts';
import { matcherName, packTexts, turnTexts } from './understanding.ts';
import { embeddingTexts } from '../core/index.ts';
import {
  confusions,
  evaluateCall,
  evaluateUtterance,
  evidenceLine,
  scenarioIndex,
  type CallResult,
  type LabelledCall,
  type LabelledUtterance,
  type UtteranceResult,
} from './evaluate.ts';

const USAGE =
  'Usage: eval [--transcripts DIR]... [--utterances FILE.jsonl]... [--packs PATH]... [--lexical | --float32] [--json]';
/** Every labelled set in the project's understanding fixtures, in name order. */
const UTTERANCE_DIR = 'tests/fixtures/understanding';
/** The project's own labelled calls, used when none is named: golden, calibration, natural, and every blind set. */
export function defaultTranscripts(dir = UTTERANCE_DIR): string[] {
  const blind = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name.startsWith('calls-'))
    .map((e) => join(dir, e.name))
    .sort();
  return ['tests/golden', 'tests/fixtures/calibration/transcripts', 'tests/natural', ...blind];
}
export function defaultUtterances(dir = UTTERANCE_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .map((f) => join(dir, f));
}
interface Options {
  transcripts: string[];
  utterances: string[];
  packs: string[];
  lexical: boolean;
  /** Vectors from the published float32 weights instead of the 8-bit ones, to measure what quantisation costs. */
  float32: boolean;
  json: boolean;
}

function parseArgs(args: string[]): Options | string {
  const o: Options = {
    transcripts: [],
    utterances: [],
    packs: [],
    lexical: false,
    float32: false,
    json: false,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = args[i + 1];
    const list = { '--transcripts': o.transcripts, '--utterances': o.utterances, '--packs': o.packs }[a];
    if (list) {
      if (value === undefined || value.startsWith('--')) return `${a} needs a path`;
      list.push(value);
      i++;
    } else if (a === '--lexical') o.lexical = true;
    else if (a === '--float32') o.float32 = true;
    else if (a === '--json') o.json = true;
    else return `Unexpected argument "${a}"`;
  }
  if (o.transcripts.length === 0 && o.utterances.length === 0) {
    o.transcripts = defaultTranscripts();
    o.utterances = defaultUtterances();
  }
  if (o.packs.length === 0) o.packs = ['scenarios'];
  return o;
}

function jsonFiles(dir: string): string[] {
  if (!statSync(dir).isDirectory()) return [dir];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) =>
      e.isDirectory() ? jsonFiles(join(dir, e.name)) : e.name.endsWith('.json') ? [join(dir, e.name)] : [],
    );
}

function readCalls(dirs: readonly string[]): LabelledCall[] {
  return dirs.flatMap(jsonFiles).map((file) => {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<LabelledCall>;
    if (
      typeof data.scenario !== 'string' ||
      !Array.isArray(data.turns) ||
      typeof data.expect?.ending !== 'string'
    )
      throw new Error(
        `${file}: a labelled call needs "scenario", "turns" and "expect": {"ending", "passed"}`,
      );
    return { file, scenario: data.scenario, turns: data.turns, expect: data.expect };
  });
}

function readUtterances(files: readonly string[]): LabelledUtterance[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => {
        if (line.trim() === '') return [];
        const at = `${file}:${i + 1}`;
        const r = JSON.parse(line) as Partial<LabelledUtterance>;
        if (typeof r.scenario !== 'string' || typeof r.state !== 'string' || typeof r.text !== 'string')
          throw new Error(
            `${at}: each line needs "scenario", "state", "text" and "intent" (a move id or null)`,
          );
        return [{ at, scenario: r.scenario, state: r.state, text: r.text, intent: r.intent ?? null }];
      }),
  );
}

function loadPacks(paths: readonly string[]): LoadedPack[] {
  const scripts = loadScriptsFrom();
  if (!scripts.ok) throw new Error(scripts.errors.map(formatPackError).join('\n'));
  const { packs, errors } = loadPackFiles(paths, scripts.library);
  if (errors.length) throw new Error(errors.map(formatPackError).join('\n'));
  return packs;
}

const percent = (n: number, of: number) => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`);

function describe(calls: CallResult[], utterances: UtteranceResult[], matcher: string): string[] {
  const out = [`Matcher: ${matcher}`];
  const callsOk = calls.filter((c) => c.ok).length;
  const uttOk = utterances.filter((u) => u.ok).length;
  if (calls.length)
    out.push(
      `Calls: ${callsOk} of ${calls.length} reach the expected ending and verdict (${percent(callsOk, calls.length)})`,
    );
  if (utterances.length)
    out.push(
      `Utterances: ${uttOk} of ${utterances.length} read as labelled (${percent(uttOk, utterances.length)})`,
    );
  for (const c of calls.filter((c) => !c.ok)) {
    out.push('', `MISSED CALL ${c.file} (${c.scenario})`);
    out.push(
      `  expected ${c.expected.ending}, ${c.expected.passed ? 'passed' : 'not passed'}; got ${c.got.ending ?? 'no ending'}, ${c.got.passed ? 'passed' : 'not passed'}`,
    );
    if (c.falseCritical.length)
      out.push(`  critical errors on a call that should pass: ${c.falseCritical.join(', ')}`);
    for (const t of c.turns) out.push(`  turn ${t.turn}: "${t.text}"`, `    ${evidenceLine(t.match)}`);
  }
  const table = confusions(utterances);
  if (table.length) out.push('', 'Confusions (expected -> read as: how often):');
  for (const c of table) out.push(`  ${c.expected} -> ${c.got}: ${c.count}`);
  for (const u of utterances.filter((u) => !u.ok)) {
    out.push('', `MISSED ${u.at} (${u.scenario}, state ${u.state}): "${u.text}"`);
    out.push(`  expected ${u.intent ?? 'none'}; ${evidenceLine(u.match)}`);
  }
  return out;
}

export async function runEval(args: string[], io: CliIo): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.err(`${options}.\n${USAGE}`);
    return 2;
  }
  const index = scenarioIndex(loadPacks(options.packs));
  const calls = readCalls(options.transcripts);
  const utterances = readUtterances(options.utterances);
  const packOf = (scenario: string, where: string) => {
    const pack = index.get(scenario);
    if (pack === undefined) throw new Error(`${where}: no pack has a scenario "${scenario}"`);
    return pack;
  };
  const vectors = options.lexical
    ? undefined
    : await nodeVectors(
        [
          ...[...new Set(index.values())].flatMap(packTexts),
          ...calls.flatMap((c) => turnTexts(c.turns)),
          ...utterances.flatMap((u) => embeddingTexts(u.text)),
        ],
        { weights: options.float32 ? 'float32' : 'uint8' },
      );
  const callResults = calls.map((c) => evaluateCall(packOf(c.scenario, c.file), c, vectors));
  const uttResults = utterances.map((u) => evaluateUtterance(packOf(u.scenario, u.at), u, vectors));
  const matcher = matcherName(vectors);
  if (options.json) io.out(JSON.stringify({ matcher, calls: callResults, utterances: uttResults }, null, 2));
  else for (const line of describe(callResults, uttResults, matcher)) io.out(line);
  return 0;
}
