// The session API: replay a call from its turns, and describe a scenario before the call.
export { runCall, MISHEAR_CONFIDENCE, type RunCallOptions, type RecordedDecision } from './run-call.ts';
export { briefingOf, describeScenario, listScenarios } from './describe-scenario.ts';
export type * from './types.ts';
export {
  compareTurns,
  describeReading,
  readingsOf,
  type TurnDifference,
  type TurnReading,
} from './compare-turns.ts';
