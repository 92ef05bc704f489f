// A call is a deterministic replay: state = f(turns). The UI stores the trainee's turns and calls
// runCall again after each one, so a reload resumes by replaying. Time is a SimulatedClock advanced
// by each turn's silence: the core never reads the real clock.
import { createActor, SimulatedClock } from 'xstate';
import type { CompiledRule } from '../packs/build-machine.ts';
import { isAttempt } from '../packs/judge.ts';
import type { CompiledScenario, LoadedPack } from '../packs/load-pack.ts';
import type { EndingSpec } from '../packs/pack-schema.ts';
import type { IntentMatch, ScoreResult } from '../scoring/types.ts';
import type {
  CallEnding,
  CallMode,
  CallReport,
  Expectation,
  MoveOutcome,
  StatementOutcome,
  TraineeTurn,
  TranscriptEntry,
  TurnFeedback,
} from './types.ts';

/** Below this recogniser confidence a failed turn may be the recogniser's fault. */
export const MISHEAR_CONFIDENCE = 0.6;
/** Silence longer than this is treated as this long: nobody waits ten minutes on a call. */
const MAX_SILENCE_SECONDS = 600;

export interface RunCallOptions {
  mode?: CallMode;
}

interface Candidate {
  text: string;
  confidence: number | undefined;
}

interface Judged {
  candidate: Candidate;
  rule: CompiledRule | undefined;
  forbidden: string[];
  /** 0: critical error, 1: not what the state expected, 2: an expected answer. */
  category: 0 | 1 | 2;
  statementsPassed: number;
}

export function runCall(
  pack: LoadedPack,
  scenarioId: string,
  turns: readonly TraineeTurn[],
  opts: RunCallOptions = {},
): CallReport {
  const sc = pack.scenarios.get(scenarioId);
  if (sc === undefined) throw new Error(`no scenario "${scenarioId}" in pack "${pack.id}"`);
  const mode = opts.mode ?? 'practice';
  const spec = sc.spec;

  const clock = new SimulatedClock();
  const actor = createActor(sc.machine, { clock });
  actor.start();
  const transcript: TranscriptEntry[] = [];
  let heard = 0;
  const flushCaller = () => {
    const log = actor.getSnapshot().context.log;
    for (; heard < log.length; heard++) transcript.push({ speaker: 'caller', ...log[heard]! });
  };
  const done = () => actor.getSnapshot().status === 'done';
  const stateNow = () => topState(actor.getSnapshot().value);
  flushCaller();

  const bestStatement = new Map<string, { result: ScoreResult; turnIndex: number; onTime: boolean }>();
  const movesMade = new Map<string, { turnIndex: number; onTime: boolean }>();
  const moveWindow = new Map(spec.moves.map((m) => [m.intent, m.within?.turns]));

  for (let i = 0; i < turns.length && !done(); i++) {
    const turn = turns[i]!;
    const text = turn.text?.trim() ?? '';
    const pending = candidatesOf(turn);
    const silence =
      turn.silenceBefore ?? (text === '' && pending.length === 0 ? (patienceOf(sc, stateNow()) ?? 0) : 0);
    advance(clock, Math.min(Math.max(0, silence), MAX_SILENCE_SECONDS) * 1000, done);
    flushCaller();
    if (done() || pending.length === 0) continue;

    const here = stateNow();
    const judged = pending.map((c) => judgeCandidate(sc, here, c));
    const chosen = judged.reduce((best, j) => (rank(j) > rank(best) ? j : best));
    const said = chosen.candidate.text;

    const before = actor.getSnapshot().context.criticalErrors.length;
    actor.send({ type: 'trainee.said', text: said, turnIndex: i });
    const flagged = actor.getSnapshot().context.criticalErrors.slice(before);

    // Statements: every attempt is scored; the best on-time attempt counts for the call.
    const expectedHere = new Set(
      (sc.rules.get(here) ?? []).flatMap((r) =>
        [r.when.statement, r.when.attempt].filter((x): x is string => x !== undefined),
      ),
    );
    const shown: ScoreResult[] = [];
    for (const [scriptId, st] of sc.judge.statements) {
      const result = sc.judge.statement(scriptId, said);
      if (result === null) continue;
      const attempted = isAttempt(result, st.script.keyElements.length);
      if (attempted || expectedHere.has(scriptId)) shown.push(result);
      if (!attempted) continue;
      const onTime = st.withinTurns === undefined || i < st.withinTurns;
      const prev = bestStatement.get(scriptId);
      if (prev === undefined || better({ result, onTime }, prev))
        bestStatement.set(scriptId, { result, turnIndex: i, onTime });
    }

    // Moves: the state's own choice first, then any other listed move still to be made.
    const intent: IntentMatch | null = sc.judge.intentAt(here, said);
    const credit = (id: string | null) => {
      if (id === null || !moveWindow.has(id) || movesMade.get(id)?.onTime) return;
      const within = moveWindow.get(id);
      movesMade.set(id, { turnIndex: i, onTime: within === undefined || i < within });
    };
    credit(intent?.intent ?? null);
    // A turn can make more than one move ("I'll stay on the line. Where are you right now?"): each move
    // still to be made is checked on its own.
    for (const m of spec.moves) {
      if (m.intent !== intent?.intent && !movesMade.get(m.intent)?.onTime)
        credit(sc.judge.intentAmong([m.intent], said).intent);
    }

    const failed =
      chosen.category < 2 || shown.some((r) => expectedHere.has(r.scriptId) && r.verdict === 'fail');
    const lowConfidence =
      chosen.candidate.confidence !== undefined && chosen.candidate.confidence < MISHEAR_CONFIDENCE;
    const anotherWouldPass = judged.some(
      (j) => j !== chosen && j.category === 2 && j.statementsPassed >= chosen.statementsPassed,
    );
    const feedback: TurnFeedback = {
      statements: shown,
      intent,
      forbidden: chosen.forbidden,
      criticalError: flagged.length > 0 ? flagged.map((e) => e.message).join(' ') : null,
      expected: mode === 'assessment' ? '' : (spec.states[here]?.expects ?? ''),
      possibleMishear: failed && (lowConfidence || anotherWouldPass),
    };
    transcript.push({ speaker: 'trainee', turnIndex: i, text: said, stateId: here, feedback });
    flushCaller();
  }

  const snapshot = actor.getSnapshot();
  const ended = snapshot.status === 'done';
  const stateId = topState(snapshot.value);
  actor.stop();
  const endingSpec = ended ? spec.endings[stateId] : undefined;
  const ending = endingSpec ? toEnding(stateId, endingSpec) : null;
  const hide = mode === 'assessment' && !ended;

  const statements: StatementOutcome[] = spec.statements.map((st) => {
    const best = bestStatement.get(st.script);
    const script = sc.judge.statements.get(st.script)!.script;
    return {
      scriptId: st.script,
      title: script.title,
      required: st.required,
      result: best?.result ?? null,
      turnIndex: best?.turnIndex ?? null,
      ...(best && !best.onTime
        ? {
            note: `said at turn ${best.turnIndex + 1}: it is needed within the first ${st.within!.turns} turns`,
          }
        : {}),
    };
  });
  const moves: MoveOutcome[] = spec.moves.map((m) => {
    const made = movesMade.get(m.intent);
    return {
      intentId: m.intent,
      label: pack.intents.get(m.intent)?.label ?? m.intent,
      made: made?.onTime ?? false,
      turnIndex: made?.turnIndex ?? null,
      ...(made && !made.onTime
        ? {
            note: `made at turn ${made.turnIndex + 1}: it is needed within the first ${m.within!.turns} turns`,
          }
        : {}),
    };
  });
  const score = scoreOf(statements, moves, spec.statements, spec.moves);
  const criticalErrors = snapshot.context.criticalErrors.map((e) => ({ ...e }));
  const lastCaller = [...transcript].reverse().find((e) => e.speaker === 'caller');

  return {
    scenario: {
      id: spec.id,
      title: spec.title,
      summary: spec.summary,
      ...(spec.contentNote !== undefined ? { contentNote: spec.contentNote } : {}),
    },
    transcript,
    current: {
      stateId,
      callerLine: lastCaller?.text ?? null,
      patienceSeconds: ended ? null : patienceOf(sc, stateId),
      expects: hide || ended ? [] : expectationsOf(pack, sc, stateId),
    },
    ended,
    ending,
    criticalErrors,
    statements,
    moves,
    score,
    passMark: sc.passMark,
    passed: ended && ending?.outcome === 'pass' && criticalErrors.length === 0 && score >= sc.passMark,
  };
}

function candidatesOf(turn: TraineeTurn): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const alts = turn.alternatives ?? [];
  const add = (text: string | undefined, confidence: number | undefined) => {
    const t = text?.trim() ?? '';
    if (t === '' || seen.has(t.toLowerCase())) return;
    seen.add(t.toLowerCase());
    out.push({ text: t, confidence });
  };
  add(turn.text, alts.find((a) => a.text.trim() === turn.text?.trim())?.confidence);
  for (const a of alts) add(a.text, a.confidence);
  return out;
}

function judgeCandidate(sc: CompiledScenario, stateId: string, candidate: Candidate): Judged {
  const rules = sc.rules.get(stateId) ?? [];
  const rule = rules.find((r) => sc.judge.holds(r.when, stateId, candidate.text));
  const forbidden = sc.judge.forbidden(candidate.text).flatMap((f) => f.phrases);
  const failEnding = rule?.to !== undefined && sc.spec.endings[rule.to]?.outcome === 'fail';
  const category: Judged['category'] =
    forbidden.length > 0 || rule?.kind === 'critical'
      ? 0
      : rule === undefined || rule.when.otherwise || failEnding
        ? 1
        : 2;
  let statementsPassed = 0;
  for (const r of rules) {
    const script = r.when.statement ?? r.when.attempt;
    if (script !== undefined && sc.judge.statement(script, candidate.text)?.verdict === 'exact')
      statementsPassed += 2;
    else if (script !== undefined && sc.judge.statement(script, candidate.text)?.verdict === 'minor')
      statementsPassed++;
  }
  return { candidate, rule, forbidden, category, statementsPassed };
}

const rank = (j: Judged) => j.category * 100 + j.statementsPassed;

function better(
  a: { result: ScoreResult; onTime: boolean },
  b: { result: ScoreResult; onTime: boolean },
): boolean {
  if (a.onTime !== b.onTime) return a.onTime;
  return a.result.score > b.result.score;
}

function scoreOf(
  statements: StatementOutcome[],
  moves: MoveOutcome[],
  statementSpecs: { required: boolean; within?: { turns: number } }[],
  moveSpecs: { required: boolean }[],
): number {
  const points: number[] = [];
  statements.forEach((s, i) => {
    if (!statementSpecs[i]!.required) return;
    const credited = s.result !== null && s.note === undefined && s.result.verdict !== 'fail';
    points.push(credited ? s.result!.score : 0);
  });
  moves.forEach((m, i) => {
    if (moveSpecs[i]!.required) points.push(m.made ? 100 : 0);
  });
  if (points.length === 0) return 100;
  return Math.round(points.reduce((a, b) => a + b, 0) / points.length);
}

function expectationsOf(pack: LoadedPack, sc: CompiledScenario, stateId: string): Expectation[] {
  const out: Expectation[] = [];
  const seen = new Set<string>();
  for (const r of sc.rules.get(stateId) ?? []) {
    if (r.kind === 'critical') continue;
    const script = r.when.statement ?? r.when.attempt;
    if (script !== undefined && !seen.has(`s:${script}`)) {
      seen.add(`s:${script}`);
      out.push({
        kind: 'statement',
        scriptId: script,
        label: sc.judge.statements.get(script)?.script.title ?? script,
      });
    }
    const ids =
      r.when.intent === undefined ? [] : typeof r.when.intent === 'string' ? [r.when.intent] : r.when.intent;
    for (const id of ids) {
      if (seen.has(`m:${id}`)) continue;
      seen.add(`m:${id}`);
      out.push({ kind: 'move', intentId: id, label: pack.intents.get(id)?.label ?? id });
    }
  }
  return out;
}

export function formatCitation(c: EndingSpec['procedure'][number]): string {
  if (c.inference)
    return `${c.point} (good practice, not quoted CMS procedure${c.source ? `; compare ${c.source}${c.section ? `, ${c.section}` : ''}` : ''})`;
  return `${c.point} (${c.source}, ${c.section})`;
}

function toEnding(id: string, e: EndingSpec): CallEnding {
  return {
    id,
    title: e.title,
    outcome: e.outcome,
    debrief: e.debrief,
    procedure: e.procedure.map(formatCitation),
    ...(e.support ? { support: [...e.support] } : {}),
  };
}

function patienceOf(sc: CompiledScenario, stateId: string): number | null {
  const st = sc.spec.states[stateId];
  return st === undefined ? null : (st.deadAir ?? sc.spec.deadAir).after;
}

function topState(value: unknown): string {
  if (typeof value === 'string') return value;
  return Object.keys(value as Record<string, unknown>)[0] ?? '';
}

/** Advances the simulated clock a second at a time, so a long silence fires every prompt in turn. */
function advance(clock: SimulatedClock, ms: number, stop: () => boolean): void {
  for (let left = ms; left > 0 && !stop();) {
    const step = Math.min(1000, left);
    clock.increment(step);
    left -= step;
  }
}
