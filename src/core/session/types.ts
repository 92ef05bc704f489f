/** Public shapes of a call: what the UI stores (turns) and what it shows (the report). Plain data only. */
import type { IntentMatch, ScoreResult, Verdict } from '../scoring/types.ts';

export type CallMode = 'practice' | 'assessment';

/** One trainee turn. No text is dead air: `silenceBefore` seconds of silence (the state's patience if left out). */
export interface TraineeTurn {
  text?: string;
  silenceBefore?: number;
  alternatives?: { text: string; confidence?: number }[];
  source?: 'typed' | 'voice';
}

/**
 * A statement on one turn: what was expected, what was said, what it counted for. Only a turn that
 * attempted the statement (the scorer's attempt rule) carries a verdict, a score and a diff; a statement
 * the state expected and the turn did not attempt is said in words, with no verdict.
 */
export type TurnStatement =
  | {
      scriptId: string;
      title: string;
      attempted: true;
      verdict: Verdict;
      score: number;
      /** Why it got its verdict (and whether it counted), in the words used everywhere. */
      explanation: string;
      result: ScoreResult;
    }
  | { scriptId: string; title: string; attempted: false; explanation: string };

export interface TurnFeedback {
  /** Statements this turn attempted, and statements expected here that it did not attempt. */
  statements: TurnStatement[];
  intent: IntentMatch | null;
  /** Never-say phrases found in the turn. */
  forbidden: string[];
  criticalError: string | null;
  /** What the state expected, in plain words (empty in assessment mode until the call ends). */
  expected: string;
  /**
   * A fail that may rest on the recogniser: another alternative would pass, or a statement this turn
   * attempted failed while the recogniser's confidence was below 0.6.
   */
  possibleMishear: boolean;
}

export type TranscriptEntry =
  | { speaker: 'caller'; text: string; stateId: string }
  | { speaker: 'trainee'; turnIndex: number; text: string; stateId: string; feedback: TurnFeedback };

/** Something the trainee could do in the current state. */
export type Expectation =
  { kind: 'statement'; scriptId: string; label: string } | { kind: 'move'; intentId: string; label: string };

export interface CallEnding {
  id: string;
  title: string;
  outcome: 'pass' | 'fail';
  debrief: string;
  /** Each point with its source, or marked as good practice rather than quoted CMS procedure. */
  procedure: string[];
  /** Debrief points that apply to what happened on this call (a point may depend on a state or move). */
  points: string[];
  support?: string[];
}

export interface StatementOutcome {
  scriptId: string;
  title: string;
  required: boolean;
  /** The best attempt, or null when never attempted. */
  result: ScoreResult | null;
  turnIndex: number | null;
  /** The window it had to be said in (turns), if any. */
  withinTurns: number | null;
  /** Why the statement earned no credit despite an attempt, for example said too late. */
  note?: string;
}

export interface MoveOutcome {
  intentId: string;
  label: string;
  required: boolean;
  /** Made in time (a move made after its window earns no credit: see `note`). */
  made: boolean;
  turnIndex: number | null;
  withinTurns: number | null;
  note?: string;
}

export interface CallReport {
  scenario: { id: string; title: string; summary: string; contentNote?: string };
  transcript: TranscriptEntry[];
  current: {
    stateId: string;
    callerLine: string | null;
    patienceSeconds: number | null;
    /** The caller has hung up (the state says `hangsUp`) but the call goes on: say what you do next. */
    callerHungUp: boolean;
    expects: Expectation[];
  };
  ended: boolean;
  ending: CallEnding | null;
  criticalErrors: { id: string; message: string; turnIndex: number }[];
  statements: StatementOutcome[];
  moves: MoveOutcome[];
  /** 0..100 over the required statements and moves. */
  score: number;
  passMark: number;
  /** Ended on a pass ending, no critical error, and score at or above the pass mark. */
  passed: boolean;
}

/** Everything about a scenario that will be judged, from the pack: the briefing is made from it. */
/** A statement the call needs: the wording to say, and where it comes from (document title and section). */
export interface BriefingStatement {
  scriptId: string;
  title: string;
  required: boolean;
  note?: string;
  wording: string;
  source: string;
}

export interface BriefingMove {
  intentId: string;
  label: string;
  required: boolean;
  note?: string;
}

export interface BriefingNeverSay {
  id: string;
  message: string;
  phrases: string[];
}

export interface ScenarioDescription {
  id: string;
  title: string;
  summary: string;
  contentNote?: string;
  direction: 'inbound' | 'outbound';
  firstContact: boolean;
  persona: { name: string; role: string; lang: string; rate: number; pitch: number };
  statements: BriefingStatement[];
  moves: BriefingMove[];
  /** Never-say rules that can apply on this call: the scenario's own, and the pack's where they could be said. */
  neverSay: BriefingNeverSay[];
  notes: string[];
  passMark: number;
}
