// A call is a deterministic replay: state = f(turns). The UI stores the trainee's turns and calls
// runCall again after each one, so a reload resumes by replaying. Time is a SimulatedClock advanced
// by each turn's silence: the core never reads the real clock. The jobs live beside this file:
// replay.ts (machine and clock), statement-tally.ts, move-credit.ts and report.ts.
import type { CompiledScenario, LoadedPack } from '../packs/load-pack.ts';
import type { VectorTable } from '../scoring/intent.ts';
import { MoveCredit } from './move-credit.ts';
import {
  candidatesOf,
  choose,
  judgeCandidate,
  patienceOf,
  Replay,
  type Candidate,
  type Judged,
} from './replay.ts';
import { expectationsOf, passedCall, scoreOf, toEnding } from './report.ts';
import { StatementTally } from './statement-tally.ts';
import type { IntentMatch } from '../scoring/types.ts';
import type { CallMode, CallReport, TraineeTurn, TurnFeedback, TurnStatement } from './types.ts';

/** Below this recogniser confidence a failed turn may be the recogniser's fault. */
export const MISHEAR_CONFIDENCE = 0.6;

export interface RunCallOptions {
  mode?: CallMode;
  /**
   * Sentence vectors for the pack's examples and this call's turns (by `plainText`), made beforehand by
   * an encoder adapter. Without them (or without a turn's vector) the lexical matcher decides.
   */
  vectors?: VectorTable;
  /** The call's seed, from the adapter that started it (a hash of the attempt id): see pin-digits.ts. */
  seed?: number;
  /**
   * What was decided on each turn when it was played (by turn index; a gap: decide again). A stored
   * attempt replayed with them reads as the trainee saw it, whatever the matcher would read today.
   */
  decisions?: readonly (RecordedDecision | undefined)[];
}

/** A turn's decision as stored with it: the state's move, and the moves the turn was credited with. */
export interface RecordedDecision {
  intent: IntentMatch | null;
  credited?: readonly string[];
}

interface CallJobs {
  sc: CompiledScenario;
  mode: CallMode;
  replay: Replay;
  statements: StatementTally;
  moves: MoveCredit;
}

export function runCall(
  pack: LoadedPack,
  scenarioId: string,
  turns: readonly TraineeTurn[],
  opts: RunCallOptions = {},
): CallReport {
  const sc = pack.scenarios.get(scenarioId);
  if (sc === undefined) throw new Error(`no scenario "${scenarioId}" in pack "${pack.id}"`);
  return sc.judge.understanding(opts.vectors, () => {
    const jobs: CallJobs = {
      sc,
      mode: opts.mode ?? 'practice',
      replay: new Replay(sc, opts.seed),
      statements: new StatementTally(sc),
      moves: new MoveCredit(pack, sc),
    };
    for (let i = 0; i < turns.length && !jobs.replay.done; i++)
      playTurn(jobs, turns[i]!, i, opts.decisions?.[i]);
    return report(pack, jobs);
  });
}

/** One trainee turn: the silence before it, then what was said and the feedback on it. */
function playTurn(jobs: CallJobs, turn: TraineeTurn, turnIndex: number, recorded?: RecordedDecision): void {
  const { sc, replay } = jobs;
  const pending = candidatesOf(turn);
  replay.waitBefore(turn, pending.length > 0);
  if (replay.done || pending.length === 0) return;
  if (recorded) sc.judge.decided(recorded.intent, () => judgeTurn(jobs, pending, turnIndex, recorded));
  else judgeTurn(jobs, pending, turnIndex);
}

/** What the trainee said on one turn: which alternative counts, the caller's reaction, the feedback. */
function judgeTurn(
  jobs: CallJobs,
  pending: readonly Candidate[],
  turnIndex: number,
  recorded?: RecordedDecision,
): void {
  const { sc, replay } = jobs;
  const stateId = replay.stateId;
  const judged = pending.map((c) => judgeCandidate(sc, stateId, c));
  const chosen = choose(judged);
  const said = chosen.candidate.text;
  const flagged = replay.say(said, turnIndex);
  const statements = jobs.statements.judgeTurn(turnIndex, stateId, said);
  const intent = jobs.moves.creditTurn(turnIndex, stateId, said, recorded?.credited);
  const feedback: TurnFeedback = {
    statements,
    intent,
    forbidden: chosen.forbidden,
    criticalError: flagged.length > 0 ? flagged.map((e) => e.message).join(' ') : null,
    expected: jobs.mode === 'assessment' ? '' : (sc.spec.states[stateId]?.expects ?? ''),
    possibleMishear: possibleMishear(jobs, judged, chosen, statements),
  };
  replay.transcript.push({ speaker: 'trainee', turnIndex, text: said, stateId, feedback });
  replay.flushCaller();
}

/**
 * Whether a fail may be the recogniser's: another alternative would have satisfied the state, or a
 * statement this turn attempted failed while the recogniser was unsure (or another alternative says it
 * acceptably). Only the statement actually attempted can raise it.
 */
function possibleMishear(
  jobs: CallJobs,
  judged: readonly Judged[],
  chosen: Judged,
  statements: readonly TurnStatement[],
): boolean {
  const others = judged.filter((j) => j !== chosen);
  const anotherWouldPass =
    chosen.category < 2 &&
    others.some((j) => j.category === 2 && j.statementsPassed >= chosen.statementsPassed);
  const unsure =
    chosen.candidate.confidence !== undefined && chosen.candidate.confidence < MISHEAR_CONFIDENCE;
  const saysItAcceptably = (scriptId: string, j: Judged) => {
    const r = jobs.statements.attempts(scriptId, j.candidate.text);
    return r !== null && r.verdict !== 'fail';
  };
  const failedAttempt = statements.some(
    (s) =>
      s.attempted && s.verdict === 'fail' && (unsure || others.some((j) => saysItAcceptably(s.scriptId, j))),
  );
  return anotherWouldPass || failedAttempt;
}

function report(pack: LoadedPack, jobs: CallJobs): CallReport {
  const { sc, replay } = jobs;
  const spec = sc.spec;
  const ended = replay.done;
  const stateId = replay.stateId;
  const criticalErrors = replay.criticalErrors.map((e) => ({ ...e }));
  replay.stop();
  const endingSpec = ended ? spec.endings[stateId] : undefined;
  const happened = { visited: replay.visited, made: (id: string) => jobs.moves.made(id) };
  const ending = endingSpec ? toEnding(stateId, endingSpec, happened) : null;
  const statements = jobs.statements.outcomes();
  const moves = jobs.moves.outcomes();
  const score = scoreOf(sc, statements, moves);
  const lastCaller = replay.transcript.findLast((e) => e.speaker === 'caller');
  const hide = jobs.mode === 'assessment' && !ended;
  const scenario = { id: spec.id, title: spec.title, summary: spec.summary };
  const base = { ended, ending, criticalErrors, score, passMark: sc.passMark };
  return {
    scenario: spec.contentNote === undefined ? scenario : { ...scenario, contentNote: spec.contentNote },
    transcript: replay.transcript,
    current: {
      stateId,
      callerLine: lastCaller?.text ?? null,
      patienceSeconds: ended ? null : patienceOf(sc, stateId),
      callerHungUp: !ended && spec.states[stateId]?.hangsUp === true,
      expects: hide || ended ? [] : expectationsOf(pack, sc, stateId),
    },
    ...base,
    statements,
    moves,
    passed: passedCall(base),
  };
}
