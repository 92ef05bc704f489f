// What the practice screens need from the installed packs, as plain data. src/adapters/builtin.ts
// builds it from the core; tests can hand in a small fake.
import type { ScoreResult } from '../core/index.ts';
import type { CallMode, CallReport, TraineeTurn } from '../core/session/types.ts';

export type {
  CallEnding,
  CallReport,
  TraineeTurn,
  TranscriptEntry,
  TurnFeedback,
} from '../core/session/types.ts';
export type PracticeMode = CallMode;

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
