// `play PACK --scenario ID --transcript FILE [--json] [--mode assessment]`: replays a trainee's turns
// through a scenario and prints the conversation, per-turn feedback, the ending, the score and the
// critical errors. Deterministic: the same transcript always gives the same report.
import { readFileSync, statSync } from 'node:fs';
import { formatPackError } from '../core/packs/index.ts';
import { callFeedback, formatDiff, VERDICT_LABEL } from '../core/feedback/index.ts';
import { runCall, type CallReport, type TraineeTurn, type TurnFeedback } from '../core/session/index.ts';
import { z } from '../core/zod.ts';
import type { CliIo } from './io.ts';
import { DEFAULT_SCRIPTS_DIR, loadPackFile, loadScriptsFrom } from './pack-files.ts';
import { parseJson } from '../core/parse-json.ts';
import { callVectors } from './understanding.ts';

const USAGE =
  'Usage: play PACK --scenario ID --transcript FILE [--json] [--mode practice|assessment] [--scripts DIR] [--lexical]';
const MAX_TRANSCRIPT_BYTES = 512_000;
/** Turns in one transcript, whatever its format: far more than any scenario's call takes. */
export const MAX_TURNS = 500;
/** Characters in one turn: a long paragraph, well past any statement. */
export const MAX_TURN_CHARS = 5000;

const TurnSchema = z.strictObject({
  text: z.string().max(MAX_TURN_CHARS).optional(),
  silenceBefore: z.number().min(0).max(3600).optional(),
  alternatives: z
    .array(
      z.strictObject({
        text: z.string().max(MAX_TURN_CHARS),
        confidence: z.number().min(0).max(1).optional(),
      }),
    )
    .max(10)
    .optional(),
  source: z.enum(['typed', 'voice']).optional(),
});
/** A transcript is a list of turns, or an object holding one (golden files add their expectations beside it). */
const TranscriptSchema = z.union([
  z.array(TurnSchema).max(MAX_TURNS),
  z.looseObject({ turns: z.array(TurnSchema).max(MAX_TURNS) }).transform((t) => t.turns),
]);

interface PlayOptions {
  pack: string;
  scenario: string;
  transcript: string;
  json: boolean;
  lexical: boolean;
  mode: 'practice' | 'assessment';
  scriptsDir: string;
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
  if (o.pack === undefined || o.scenario === undefined || o.transcript === undefined)
    return { code: 2, message: USAGE };
  return o as PlayOptions;
}

export async function runPlay(args: string[], io: CliIo): Promise<number> {
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
  const loaded = loadPackFile(o.pack, scripts.library);
  if (!loaded.ok) {
    for (const e of loaded.errors) io.err(formatPackError(e));
    return 1;
  }
  if (!loaded.pack.scenarios.has(o.scenario)) {
    io.err(
      `${o.pack}: no scenario "${o.scenario}"; the pack has ${[...loaded.pack.scenarios.keys()].join(', ')}`,
    );
    return 1;
  }
  const turns = readTranscript(o.transcript);
  if (!turns.ok) {
    io.err(`${o.transcript}: ${turns.message}`);
    return 1;
  }

  const vectors = o.lexical ? undefined : await callVectors(loaded.pack, turns.turns);
  const report = runCall(loaded.pack, o.scenario, turns.turns, {
    mode: o.mode,
    ...(vectors ? { vectors } : {}),
  });
  if (o.json) io.out(JSON.stringify(report, null, 2));
  else for (const line of describeReport(report)) io.out(line);
  return 0;
}

function readTranscript(file: string): { ok: true; turns: TraineeTurn[] } | { ok: false; message: string } {
  let text: string;
  try {
    if (statSync(file).size > MAX_TRANSCRIPT_BYTES)
      return { ok: false, message: `the transcript is over ${MAX_TRANSCRIPT_BYTES} bytes` };
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (/\.txt$/i.test(file)) return readTextTranscript(text);
  const json = parseJson(text);
  if (!json.ok) return { ok: false, message: `not valid JSON (${json.reason})` };
  const parsed = TranscriptSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `not a transcript: ${issue.path.join('.') || '(file)'}: ${issue.message}` };
  }
  return { ok: true, turns: parsed.data.map((t) => ({ ...t })) };
}

/** A .txt transcript: one turn per line; "..." or "(silence N)" is dead air. Same limits as JSON. */
function readTextTranscript(
  text: string,
): { ok: true; turns: TraineeTurn[] } | { ok: false; message: string } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length > MAX_TURNS)
    return {
      ok: false,
      message: `the transcript has ${lines.length} turns; a transcript can have at most ${MAX_TURNS}`,
    };
  const long = lines.findIndex((l) => l.trim().length > MAX_TURN_CHARS);
  if (long >= 0)
    return {
      ok: false,
      message: `turn ${long + 1} is over ${MAX_TURN_CHARS} characters; say one turn per line`,
    };
  const turns = lines.map((l): TraineeTurn => {
    const m = /^\s*(?:\.\.\.|\(silence(?:\s+(\d+(?:\.\d+)?))?\))\s*$/.exec(l);
    if (m) return m[1] === undefined ? {} : { silenceBefore: Number(m[1]) };
    return { text: l.trim() };
  });
  return { ok: true, turns };
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
