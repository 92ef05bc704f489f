// `play [PACK] [--scenario ID] --transcript FILE [--json] [--mode assessment]`: replays a trainee's turns
// through a scenario and prints the conversation, per-turn feedback, the ending, the score and the
// critical errors, and whether the call went as the transcript expects. Deterministic: the same
// transcript always gives the same report.
import { statSync } from 'node:fs';
import { formatPackError, type LoadedPack, type PackError } from '../core/packs/index.ts';
import { callFeedback, formatDiff, VERDICT_LABEL } from '../core/feedback/index.ts';
import { runCall, type CallReport, type TraineeTurn, type TurnFeedback } from '../core/session/index.ts';
import type { VectorTable } from '../core/scoring/intent.ts';
import type { ScriptLibrary } from '../core/scripts/script-library.ts';
import { messageOf } from '../core/message-of.ts';
import type { CliIo } from './io.ts';
import { DEFAULT_SCRIPTS_DIR, loadPackFile, loadPackFiles, loadScriptsFrom } from './pack-files.ts';
import { callVectors, matcherName } from './understanding.ts';
import { meetsExpectation, scenarioIndex } from './evaluate.ts';
import { readTranscript, type Expectation } from './transcript-file.ts';

export { MAX_TURN_CHARS, MAX_TURNS } from './transcript-file.ts';

const USAGE =
  'Usage: play [PACK] [--scenario ID] --transcript FILE [--json] [--mode practice|assessment] [--scripts DIR] [--lexical]\n' +
  '  PACK is a pack file or a folder of them (scenarios when left out); --scenario may be left out when\n' +
  '  the transcript names its "scenario".';
/** Where play looks for the scenario when no pack is named, as eval does. */
const DEFAULT_PACKS_DIR = 'scenarios';

interface PlayOptions {
  /** A pack file, or a folder of them; `scenarios` when left out. */
  pack?: string;
  /** Left out: the transcript's own. */
  scenario?: string;
  transcript: string;
  json: boolean;
  lexical: boolean;
  mode: 'practice' | 'assessment';
  scriptsDir: string;
}

/** What play needs from outside that a test may replace: the sentence vectors (the language model). */
export interface PlayDeps {
  vectors: typeof callVectors;
}

/** The options, or what to print and the exit code: the usage (asked for, or wrong). */
function parsePlayArgs(args: string[]): PlayOptions | { code: number; message: string } {
  const o: Partial<PlayOptions> = {
    json: false,
    lexical: false,
    mode: 'practice',
    scriptsDir: DEFAULT_SCRIPTS_DIR,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = () => args[++i];
    if (a === '--scenario') o.scenario = value();
    else if (a === '--transcript') o.transcript = value();
    else if (a === '--json') o.json = true;
    else if (a === '--lexical') o.lexical = true;
    else if (a === '--scripts') o.scriptsDir = value() ?? '';
    else if (a === '--mode') {
      const m = value();
      if (m !== 'practice' && m !== 'assessment')
        return { code: 2, message: `--mode must be practice or assessment.\n${USAGE}` };
      o.mode = m;
    } else if (a === '--help' || a === '-h') return { code: 0, message: USAGE };
    else if (a.startsWith('-') || o.pack !== undefined)
      return { code: 2, message: `Unexpected argument "${a}".\n${USAGE}` };
    else o.pack = a;
  }
  if (o.transcript === undefined) return { code: 2, message: USAGE };
  return o as PlayOptions;
}

export async function runPlay(
  args: string[],
  io: CliIo,
  deps: PlayDeps = { vectors: callVectors },
): Promise<number> {
  const o = parsePlayArgs(args);
  if ('code' in o) {
    if (o.code === 0) io.out(o.message);
    else io.err(o.message);
    return o.code;
  }
  const scripts = loadScriptsFrom(o.scriptsDir);
  if (!scripts.ok) {
    for (const e of scripts.errors) io.err(formatPackError(e));
    return 1;
  }
  const packs = loadPacks(o.pack, scripts.library);
  if (!packs.ok) {
    for (const e of packs.errors) io.err(formatPackError(e));
    return 1;
  }
  // A scenario named on the command line is checked before the transcript is read, as it always was.
  let pack = o.scenario === undefined ? undefined : packFor(packs, o.scenario);
  if (typeof pack === 'string') return fail(io, pack);
  const transcript = readTranscript(o.transcript);
  if (!transcript.ok) return fail(io, `${o.transcript}: ${transcript.message}`);
  const scenario = o.scenario ?? transcript.transcript.scenario;
  if (scenario === undefined) {
    io.err(USAGE);
    return 2;
  }
  pack ??= packFor(packs, scenario);
  if (typeof pack === 'string') return fail(io, pack);

  const { turns, expect } = transcript.transcript;
  const vectors = o.lexical ? undefined : await vectorsOrWords(deps, pack, turns, io);
  const report = runCall(pack, scenario, turns, { mode: o.mode, ...(vectors ? { vectors } : {}) });
  return printReport(io, report, { json: o.json, matcher: matcherName(vectors), expect });
}

function fail(io: CliIo, message: string): number {
  io.err(message);
  return 1;
}

/** The packs play chooses from, and where they came from (one file, or a folder). */
type Packs = { ok: true; where: string; oneFile: boolean; packs: LoadedPack[] };

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The pack file named, or every pack file under the folder named (`scenarios` when none is), as eval loads them. */
function loadPacks(
  path: string | undefined,
  library: ScriptLibrary,
): Packs | { ok: false; errors: PackError[] } {
  if (path !== undefined && !isFolder(path)) {
    const loaded = loadPackFile(path, library);
    return loaded.ok ? { ok: true, where: path, oneFile: true, packs: [loaded.pack] } : loaded;
  }
  const where = path ?? DEFAULT_PACKS_DIR;
  const { packs, errors } = loadPackFiles([where], library);
  if (errors.length) return { ok: false, errors };
  if (packs.length === 0)
    return {
      ok: false,
      errors: [{ file: where, path: '', message: 'no pack files in this folder', severity: 'error' }],
    };
  return { ok: true, where, oneFile: false, packs };
}

/** The pack that has the scenario (the first, as in eval), or why none does. */
function packFor(packs: Packs, scenario: string): LoadedPack | string {
  const index = scenarioIndex(packs.packs);
  const pack = index.get(scenario);
  if (pack) return pack;
  const ids = [...index.keys()].join(', ') || 'no scenarios';
  return packs.oneFile
    ? `${packs.where}: no scenario "${scenario}"; the pack has ${ids}`
    : `${packs.where}: no pack has a scenario "${scenario}"; the packs have ${ids}`;
}

/** The sentence vectors, or none (words alone) when the language model cannot load: the call is still replayed. */
async function vectorsOrWords(
  deps: PlayDeps,
  pack: LoadedPack,
  turns: readonly TraineeTurn[],
  io: CliIo,
): Promise<VectorTable | undefined> {
  try {
    return await deps.vectors(pack, turns);
  } catch (error) {
    const reason = messageOf(error).replace(/\s+/g, ' ').trim() || 'no reason given';
    io.err(
      `The language model could not load (${reason}); this call is replayed on words alone, as with --lexical.`,
    );
    return undefined;
  }
}

/** Prints the report (readable, or one JSON document) and says whether it went as expected; the exit code. */
function printReport(
  io: CliIo,
  report: CallReport,
  { json, matcher, expect }: { json: boolean; matcher: string; expect: Expectation | undefined },
): number {
  const check = expect && meetsExpectation(report, expect);
  if (json) {
    const expected = expect && {
      ending: expect.ending,
      passed: expect.passed,
      ...(expect.criticalErrors ? { criticalErrors: expect.criticalErrors } : {}),
    };
    const verdict = expected && check ? { expected, asExpected: check.ok } : {};
    io.out(JSON.stringify({ ...report, matcher, ...verdict }, null, 2));
  } else {
    io.out(`Matcher: ${matcher}`);
    for (const line of describeReport(report)) io.out(line);
    if (expect && check) {
      io.out('');
      io.out(expectationLine(expect, check));
    }
  }
  return check && !check.ok ? 1 : 0;
}

const verdictWords = (passed: boolean) => (passed ? 'passed' : 'not passed');

/** "As expected: ending X, passed." or "NOT AS EXPECTED: expected ending X, passed; got ending Y, not passed." */
export function expectationLine(expect: Expectation, check: ReturnType<typeof meetsExpectation>): string {
  const wanted = `ending ${expect.ending}, ${verdictWords(expect.passed)}`;
  if (check.ok) return `As expected: ${wanted}.`;
  const ending = check.got.ending === null ? 'no ending' : `ending ${check.got.ending}`;
  const critical = check.falseCritical.length
    ? `; critical errors on a call that should pass: ${check.falseCritical.join(', ')}`
    : '';
  return `NOT AS EXPECTED: expected ${wanted}; got ${ending}, ${verdictWords(check.got.passed)}${critical}.`;
}

/** The report as readable lines, in the words of the feedback model (the same as the app's). */
export function describeReport(r: CallReport): string[] {
  const out: string[] = [`Scenario: ${r.scenario.title} (${r.scenario.id})`];
  if (r.scenario.contentNote) out.push(`Content note: ${r.scenario.contentNote}`);
  out.push('');
  for (const e of r.transcript) {
    if (e.speaker === 'caller') out.push(`CALLER: ${e.text}`);
    else out.push(`YOU [turn ${e.turnIndex + 1}]: ${e.text}`, ...describeTurn(e.feedback));
  }
  out.push('');
  const fb = callFeedback(r);
  out.push(`${fb.outcome.label.toUpperCase()}: ${fb.outcome.scoreLine}`);
  for (const reason of fb.outcome.reasons) out.push(`  ${reason}`);
  if (fb.improvements.length) out.push('What to do differently:');
  for (const line of fb.improvements) out.push(`  - ${line}`);
  out.push('');
  if (r.ending) {
    out.push(`Ending: ${r.ending.title} (${r.ending.outcome})`, r.ending.debrief, ...r.ending.points);
    out.push('Procedure:', ...r.ending.procedure.map((p) => `  - ${p}`));
    if (r.ending.support?.length) out.push('Support:', ...r.ending.support.map((p) => `  - ${p}`));
  } else {
    out.push(`The call has not ended (in state "${r.current.stateId}").`);
  }
  out.push('', 'Statements:');
  for (const s of fb.statements) {
    const at = s.turnIndex === null ? '' : ` at turn ${s.turnIndex + 1}`;
    const score = s.score === null ? '' : ` ${s.score}%`;
    out.push(`  - ${s.title}${s.required ? '' : ' (optional)'}: ${s.label}${score}${at}. ${s.explanation}`);
  }
  if (r.statements.length === 0) out.push('  (none judged)');
  out.push('Moves:', ...fb.moves.map((m) => `  - ${m.label}: ${m.statusLabel}`));
  if (r.moves.length === 0) out.push('  (none judged)');
  out.push('Critical errors:', ...fb.criticalErrors.map((c) => `  - ${c}`));
  if (r.criticalErrors.length === 0) out.push('  none');
  return out;
}

function describeTurn(f: TurnFeedback): string[] {
  const out: string[] = [];
  if (f.intent?.intent) out.push(`    move: ${f.intent.intent} (${f.intent.confidence.toFixed(2)})`);
  else if (f.intent?.best)
    out.push(`    move: none recognised (closest ${f.intent.best.id}, ${f.intent.best.score.toFixed(2)})`);
  for (const s of f.statements) {
    out.push(
      s.attempted
        ? `    ${s.title}: ${VERDICT_LABEL[s.verdict]} ${s.score}%. ${s.explanation}`
        : `    ${s.title}: ${s.explanation}`,
    );
    if (s.attempted && s.verdict !== 'exact') out.push(`      ${formatDiff(s.result)}`);
  }
  for (const p of f.forbidden) out.push(`    never say: "${p}"`);
  if (f.criticalError) out.push(`    CRITICAL: ${f.criticalError}`);
  if (f.possibleMishear) out.push('    possible mishear: the recogniser may have got this wrong');
  if (f.expected) out.push(`    expected here: ${f.expected}`);
  return out;
}
