// The rules a state applies to what the trainee says, in checking order, and the guard that tests each
// rule's condition. Compiled once per scenario; the call machine (build-machine.ts) runs them.
import type {
  ConditionSpec,
  CriticalRuleSpec,
  ScenarioSpec,
  StateSpec,
  TransitionSpec,
} from './pack-schema.ts';

/** One rule the current state applies to an utterance, in the order the machine checks them. */
export interface CompiledRule {
  kind: 'critical' | 'transition';
  when: ConditionSpec;
  to: string | undefined;
  criticalId: string | undefined;
  message: string | undefined;
  /** Index into the state's `on` (transitions) or into its critical list. */
  index: number;
  /** What the caller says when the rule fires, in turn, if anything. */
  reply: readonly string[] | undefined;
}

/** The rules of one state, in checking order: scenario-wide critical errors, the state's own, then `on`. */
export function rulesFor(scenario: ScenarioSpec, state: StateSpec): CompiledRule[] {
  const crit = (r: CriticalRuleSpec, index: number): CompiledRule => ({
    kind: 'critical',
    when: r.when,
    to: r.to,
    criticalId: r.id,
    message: r.message,
    index,
    reply: r.reply,
  });
  return [
    ...scenario.critical.map(crit),
    ...state.critical.map(crit),
    ...state.on.map((t: TransitionSpec, index): CompiledRule => ({
      kind: 'transition',
      when: t.when,
      to: t.to,
      criticalId: undefined,
      message: undefined,
      index,
      reply: t.reply,
    })),
  ];
}

export type GuardConfig =
  | { type: 'matchedIntent'; params: { state: string; intents: string[] } }
  | { type: 'saidStatement' | 'attemptedStatement'; params: { state: string; script: string } }
  | { type: 'saidPhrase'; params: { state: string; phrases: string[] } }
  | { type: 'unclearIntent'; params: { state: string } };

export function guardFor(cond: ConditionSpec, state: string): GuardConfig | undefined {
  if (cond.intent !== undefined)
    return {
      type: 'matchedIntent',
      params: { state, intents: typeof cond.intent === 'string' ? [cond.intent] : [...cond.intent] },
    };
  if (cond.statement !== undefined)
    return { type: 'saidStatement', params: { state, script: cond.statement } };
  if (cond.attempt !== undefined)
    return { type: 'attemptedStatement', params: { state, script: cond.attempt } };
  if (cond.phrase !== undefined) return { type: 'saidPhrase', params: { state, phrases: [...cond.phrase] } };
  return undefined;
}
