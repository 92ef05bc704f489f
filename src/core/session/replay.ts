// Replaying a call through its machine: the simulated clock, the caller's lines as they are logged, and
// the choice among a voice turn's alternatives. The core never reads the real clock.
import { createActor, SimulatedClock } from 'xstate';
import type { CompiledRule } from '../packs/build-machine.ts';
import type { CompiledScenario } from '../packs/load-pack.ts';
import type { TraineeTurn, TranscriptEntry } from './types.ts';

/** Silence longer than this is treated as this long: nobody waits ten minutes on a call. */
const MAX_SILENCE_SECONDS = 600;

export interface Candidate {
  text: string;
  confidence: number | undefined;
}

export interface Judged {
  candidate: Candidate;
  rule: CompiledRule | undefined;
  forbidden: string[];
  /** 0: critical error, 1: not what the state expected, 2: an expected answer. */
  category: 0 | 1 | 2;
  statementsPassed: number;
}

export class Replay {
  readonly transcript: TranscriptEntry[] = [];
  /** Every state the call has been in, in order of first arrival. */
  readonly visited = new Set<string>();
  readonly #sc: CompiledScenario;
  readonly #clock = new SimulatedClock();
  readonly #actor;
  #heard = 0;

  /** `seed`: the call's own, from the adapter that started it; it picks the PIN digits asked for. */
  constructor(sc: CompiledScenario, seed?: number) {
    this.#sc = sc;
    this.#actor = createActor(sc.machine, { clock: this.#clock, input: { seed } });
    this.#actor.start();
    this.flushCaller();
  }

  get done(): boolean {
    return this.#actor.getSnapshot().status === 'done';
  }

  get stateId(): string {
    return topState(this.#actor.getSnapshot().value);
  }

  get criticalErrors() {
    return this.#actor.getSnapshot().context.criticalErrors;
  }

  /** Adds the caller lines logged since the last call to the transcript. */
  flushCaller(): void {
    const log = this.#actor.getSnapshot().context.log;
    for (; this.#heard < log.length; this.#heard++)
      this.transcript.push({ speaker: 'caller', ...log[this.#heard]! });
    this.visited.add(this.stateId);
  }

  /** The silence before a turn: given, or the state's patience for a turn with nothing said. */
  waitBefore(turn: TraineeTurn, saysSomething: boolean): void {
    const silence = turn.silenceBefore ?? (saysSomething ? 0 : (patienceOf(this.#sc, this.stateId) ?? 0));
    // Advances a second at a time, so a long silence fires every prompt in turn.
    for (let left = Math.min(Math.max(0, silence), MAX_SILENCE_SECONDS) * 1000; left > 0 && !this.done;) {
      const step = Math.min(1000, left);
      this.#clock.increment(step);
      left -= step;
    }
    this.flushCaller();
  }

  /** Sends what the trainee said; returns the critical errors it raised. */
  say(text: string, turnIndex: number): { message: string }[] {
    const before = this.criticalErrors.length;
    this.#actor.send({ type: 'trainee.said', text, turnIndex });
    return this.criticalErrors.slice(before);
  }

  stop(): void {
    this.#actor.stop();
  }
}

export function candidatesOf(turn: TraineeTurn): Candidate[] {
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

export function judgeCandidate(sc: CompiledScenario, stateId: string, candidate: Candidate): Judged {
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
    const verdict = script === undefined ? undefined : sc.judge.statement(script, candidate.text)?.verdict;
    if (verdict === 'exact') statementsPassed += 2;
    else if (verdict === 'minor') statementsPassed++;
  }
  return { candidate, rule, forbidden, category, statementsPassed };
}

/** The alternative the turn is judged by: the one that best satisfies the state. */
export function choose(judged: readonly Judged[]): Judged {
  const rank = (j: Judged) => j.category * 100 + j.statementsPassed;
  return judged.reduce((best, j) => (rank(j) > rank(best) ? j : best));
}

export function patienceOf(sc: CompiledScenario, stateId: string): number | null {
  const st = sc.spec.states[stateId];
  return st === undefined ? null : (st.deadAir ?? sc.spec.deadAir).after;
}

function topState(value: unknown): string {
  if (typeof value === 'string') return value;
  return Object.keys(value as Record<string, unknown>)[0] ?? '';
}
