// The practice port: what the start page, the practice, drill and review screens need from the
// installed packs, as plain data. src/core/library builds it from pack and statement texts; tests
// hand in a small fake.
import type { ScoreResult } from '../scoring/types.ts';
import type { VectorTable } from '../scoring/intent-semantic.ts';
import type { RecordedDecision } from '../session/run-call.ts';
import type {
  BriefingMove,
  BriefingNeverSay,
  BriefingStatement,
  CallMode,
  CallReport,
  TraineeTurn,
} from '../session/types.ts';

export type { CallEnding, CallReport, TraineeTurn, TranscriptEntry, TurnFeedback } from '../session/types.ts';
export type PracticeMode = CallMode;

/** One scenario on the start page, with the pack it comes from. */
export interface ScenarioListing {
  packId: string;
  packVersion: string;
  packTitle: string;
  id: string;
  title: string;
  summary: string;
  direction: 'inbound' | 'outbound';
  /** The procedures the scenario trains (ids of src/core/sources/procedures.ts), the main one first. */
  procedures?: string[];
  contentNote?: string;
}

/** The key of a scenario wherever scenarios are kept apart: its pack id and its own id together. */
export const scenarioKey = (packId: string, scenarioId: string): string => `${packId}/${scenarioId}`;

/** What will be judged, shown before the call: never a hidden rule. */
export interface ScenarioBriefing {
  direction?: string;
  /** Each statement with its wording and its source (document title and section). */
  statements: BriefingStatement[];
  moves: BriefingMove[];
  /** Phrases never to say on this call, each with why. */
  neverSay: BriefingNeverSay[];
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

/** The start page's list as stored (src/adapters/builtin-catalogue.json): one entry per pack. */
export interface CatalogueFile {
  packs: {
    packId: string;
    packVersion: string;
    packTitle: string;
    scenarios: Omit<ScenarioListing, 'packId' | 'packVersion' | 'packTitle'>[];
  }[];
  problems: string[];
}

export interface PracticeLibrary {
  scenarios: ScenarioListing[];
  /** Packs that failed to load, one plain line each. */
  problems: string[];
  scripts: DrillScript[];
  /**
   * A scenario is known by its pack id and its id. Without `packId` (links made before packs were
   * named in them), the scenario only when exactly one installed pack has that id.
   */
  find(scenarioId: string, packId?: string): ScenarioListing | undefined;
  brief(scenario: ScenarioListing): ScenarioBriefing;
  persona(scenario: ScenarioListing): CallerPersona;
  /**
   * The call so far. `callId` (the attempt's id) seeds what varies from call to call, such as the PIN
   * digits the security check asks for; the same id always gives the same call. `vectors`: sentence
   * vectors (by plain text) when the language model is loaded; without them words alone decide.
   * `decisions`: what was decided on each turn when it was played, to replay a stored call as it was.
   */
  run(
    scenario: ScenarioListing,
    turns: TraineeTurn[],
    mode: PracticeMode,
    callId?: string | null,
    vectors?: VectorTable,
    decisions?: readonly (RecordedDecision | undefined)[],
  ): CallReport;
  /** The plain texts whose vectors the hybrid matcher reads for this scenario's pack (its examples). */
  exampleTexts(scenario: ScenarioListing): string[];
  /**
   * Does once, ahead of the first turn, what the hybrid matcher would otherwise do at it: fit the pack's
   * discriminant on its example vectors (a few hundred milliseconds; intent-discriminant.ts).
   */
  warm?(scenario: ScenarioListing, vectors: VectorTable): void;
  drill(scriptId: string, said: string): ScoreResult | null;
}
