// What the practice screens need from the installed packs, as plain data. src/adapters/builtin.ts
// builds it from the core; tests can hand in a small fake.
import type { IntentMatch, ScoreResult } from '../core/index.ts';

export type PracticeMode = 'practice' | 'assessment';

/** One trainee turn; no text = dead air. */
export interface TraineeTurn {
  text?: string;
  silenceBefore?: number;
  alternatives?: { text: string; confidence?: number }[];
  source?: 'typed' | 'voice';
}

export interface TurnFeedback {
  statements: ScoreResult[];
  intent: IntentMatch | null;
  forbidden: string[];
  criticalError: string | null;
  expected: string;
  possibleMishear: boolean;
}

export type TranscriptEntry =
  | { speaker: 'caller'; text: string; stateId: string }
  | { speaker: 'trainee'; turnIndex: number; text: string; stateId: string; feedback: TurnFeedback };

export interface CallEnding {
  id: string;
  title: string;
  outcome: 'pass' | 'fail';
  debrief: string;
  procedure: string[];
  support?: string[];
}

export interface CallReport {
  scenario: { id: string; title: string; summary: string; contentNote?: string };
  transcript: TranscriptEntry[];
  current: { stateId: string; callerLine: string | null; patienceSeconds: number | null; expects: unknown };
  ended: boolean;
  ending: CallEnding | null;
  criticalErrors: { id: string; message: string; turnIndex: number }[];
  statements: {
    scriptId: string;
    title: string;
    required: boolean;
    result: ScoreResult | null;
    turnIndex: number | null;
  }[];
  moves: { intentId: string; label: string; made: boolean; turnIndex: number | null }[];
  score: number;
  passMark: number;
  passed: boolean;
}

export interface ScenarioListing {
  packId: string;
  packVersion: string;
  packTitle: string;
  id: string;
  title: string;
  summary: string;
  contentNote?: string;
}

/** What will be judged, shown before the call: never a hidden rule. */
export interface ScenarioBriefing {
  direction?: string;
  statements: { scriptId: string; title: string; required: boolean; note?: string }[];
  moves: { intentId: string; label: string; required: boolean; note?: string }[];
  notes: string[];
}

export interface CallerPersona {
  name: string;
  role?: string;
  lang?: string;
  rate?: number;
  pitch?: number;
}

export interface DrillScript {
  id: string;
  title: string;
  wording: string;
}

/** The scenarios to list on the start page: plain data, without the pack loader and scorer. */
export interface Catalogue {
  scenarios: ScenarioListing[];
  problems: string[];
}

export interface PracticeLibrary {
  scenarios: ScenarioListing[];
  /** Packs that failed to load, one plain line each. */
  problems: string[];
  scripts: DrillScript[];
  find(scenarioId: string): ScenarioListing | undefined;
  brief(scenario: ScenarioListing): ScenarioBriefing;
  persona(scenario: ScenarioListing): CallerPersona;
  run(scenario: ScenarioListing, turns: TraineeTurn[], mode: PracticeMode): CallReport;
  drill(scriptId: string, said: string): ScoreResult | null;
}
