// A checked scenario -> an XState machine. The pack is data; the behaviour is the named guards and
// actions below, which take plain-JSON params. Call check-pack first: this trusts every id.
import { assign, assertEvent, setup } from 'xstate';
import type {
  ConditionSpec,
  CriticalRuleSpec,
  ScenarioSpec,
  StateSpec,
  TransitionSpec,
} from './pack-schema.ts';

/** Every event the call machine accepts; timer events are raised internally by the named delay. */
export type CallEvent = { type: 'trainee.said'; text: string; turnIndex: number };

export interface CallerLine {
  stateId: string;
  text: string;
}

export interface CallContext {
  /** Everything the caller has said, in order. */
  log: CallerLine[];
  visits: Record<string, number>;
  replies: Record<string, number>;
  /** Silences in a row in the current state. */
  silences: number;
  patienceMs: number;
  criticalErrors: { id: string; message: string; turnIndex: number }[];
}

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

/**
 * What the machine asks of a judge: whether a condition holds for an utterance in a state, and which
 * never-say rules it breaks. How that is decided (statement scoring, the intent matcher) is the judge's.
 */
export interface CallJudge {
  holds(cond: ConditionSpec, stateId: string, text: string): boolean;
  /** Whether the moves expected here were too close to tell apart: the caller asks to hear it another way. */
  unclearAt(stateId: string, text: string): boolean;
  forbidden(text: string): { rule: { id: string; message: string }; phrases: string[] }[];
}

export const LISTENING = 'listening';
/** What the caller says when an answer fits two expected moves about equally well, unless the pack says. */
export const CLARIFY = [
  "Sorry, I'm not sure what you mean. Can you say that another way?",
  "Sorry, I didn't follow. What do you mean?",
];
export const stateNodeId = (id: string) => `s_${id}`;
export const endingNodeId = (id: string) => `e_${id}`;

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

/** Picks the n-th line, cycling: a caller asked twice answers with the next variant. */
const pick = (lines: readonly string[], n: number) => lines[n % lines.length]!;

type Said = { event: CallEvent };

/** The judge's side of the machine: the guards that judge an utterance and the never-say check. */
function judgedBy(judge: CallJudge) {
  const holds = (cond: ConditionSpec, state: string, { event }: Said) => {
    assertEvent(event, 'trainee.said');
    return judge.holds(cond, state, event.text);
  };
  return {
    guards: {
      matchedIntent: (args: Said, params: { state: string; intents: string[] }) =>
        holds({ intent: params.intents }, params.state, args),
      saidStatement: (args: Said, params: { state: string; script: string }) =>
        holds({ statement: params.script }, params.state, args),
      attemptedStatement: (args: Said, params: { state: string; script: string }) =>
        holds({ attempt: params.script }, params.state, args),
      saidPhrase: (args: Said, params: { state: string; phrases: string[] }) =>
        holds({ phrase: params.phrases }, params.state, args),
      unclearIntent: ({ event }: Said, params: { state: string }) => {
        assertEvent(event, 'trainee.said');
        return judge.unclearAt(params.state, event.text);
      },
    },
    actions: {
      flagForbiddenPhrases: assign<CallContext, CallEvent, undefined, CallEvent, never>(
        ({ context, event }) => {
          assertEvent(event, 'trainee.said');
          const broken = judge.forbidden(event.text);
          if (broken.length === 0) return {};
          return {
            criticalErrors: [
              ...context.criticalErrors,
              ...broken.map((b) => ({
                id: b.rule.id,
                message: `${b.rule.message} (said: "${b.phrases[0]}")`,
                turnIndex: event.turnIndex,
              })),
            ],
          };
        },
      ),
    },
  };
}

/** Until a scenario's judge is provided, nothing the trainee says meets a condition or breaks a rule. */
const NO_JUDGE: CallJudge = { holds: () => false, unclearAt: () => false, forbidden: () => [] };
const unjudged = judgedBy(NO_JUDGE);

/**
 * Every call machine's named guards, actions and delay, defined once. Actions take everything they
 * need as plain-JSON params (the caller's lines, the patience), so one setup serves every scenario;
 * the judge is provided per scenario with `.provide()`.
 */
export const callSetup = setup({
  types: {
    context: {} as CallContext,
    events: {} as CallEvent,
  },
  delays: {
    // Set on arrival in each state from its dead-air rule: callers differ in how long they wait.
    callerPatience: ({ context }) => context.patienceMs,
  },
  guards: {
    ...unjudged.guards,
    hasPromptsLeft: ({ context }, params: { prompts: number }) => context.silences < params.prompts,
  },
  actions: {
    ...unjudged.actions,
    arrive: assign(({ context }, params: { state: string; caller: string[]; patienceMs: number }) => {
      const seen = context.visits[params.state] ?? 0;
      return {
        visits: { ...context.visits, [params.state]: seen + 1 },
        log: [...context.log, { stateId: params.state, text: pick(params.caller, seen) }],
        silences: 0,
        patienceMs: params.patienceMs,
      };
    }),
    reply: assign(({ context }, params: { state: string; key: string; lines: string[] }) => {
      const n = context.replies[params.key] ?? 0;
      return {
        replies: { ...context.replies, [params.key]: n + 1 },
        log: [...context.log, { stateId: params.state, text: pick(params.lines, n) }],
      };
    }),
    hearTrainee: assign({ silences: 0 }),
    flagCriticalError: assign(({ context, event }, params: { id: string; message: string }) => {
      assertEvent(event, 'trainee.said');
      return {
        criticalErrors: [
          ...context.criticalErrors,
          { id: params.id, message: params.message, turnIndex: event.turnIndex },
        ],
      };
    }),
    promptAfterSilence: assign(({ context }, params: { state: string; prompts: string[] }) => ({
      log: [...context.log, { stateId: params.state, text: pick(params.prompts, context.silences) }],
      silences: context.silences + 1,
    })),
    finish: assign(({ context }, params: { ending: string; line: string | undefined }) =>
      params.line === undefined
        ? {}
        : { log: [...context.log, { stateId: params.ending, text: params.line }] },
    ),
  },
});

type MachineConfig = Parameters<typeof callSetup.createMachine>[0];
type StateConfig = NonNullable<MachineConfig['states']>[string];
type GuardConfig =
  | { type: 'matchedIntent'; params: { state: string; intents: string[] } }
  | { type: 'saidStatement' | 'attemptedStatement'; params: { state: string; script: string } }
  | { type: 'saidPhrase'; params: { state: string; phrases: string[] } }
  | { type: 'unclearIntent'; params: { state: string } };

function guardFor(cond: ConditionSpec, state: string): GuardConfig | undefined {
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

/** A state of the scenario: the caller speaks on arrival, then each rule is tried on what the trainee says. */
function stateConfig(
  scenario: ScenarioSpec,
  id: string,
  spec: StateSpec,
  targetOf: (id: string) => string,
): StateConfig {
  const dead = spec.deadAir ?? scenario.deadAir;
  const heard = [{ type: 'hearTrainee' as const }, { type: 'flagForbiddenPhrases' as const }];
  const said = rulesFor(scenario, spec).map((rule) => {
    const guard = guardFor(rule.when, id);
    const crit =
      rule.kind === 'critical'
        ? [{ type: 'flagCriticalError' as const, params: { id: rule.criticalId!, message: rule.message! } }]
        : [];
    const reply = rule.reply
      ? [
          {
            type: 'reply' as const,
            params: { state: id, key: `${id}#${rule.kind}#${rule.index}`, lines: [...rule.reply] },
          },
        ]
      : [];
    return {
      ...(guard ? { guard } : {}),
      // Staying re-enters only the listening child: the patience timer restarts, the caller does not repeat.
      target: rule.to === undefined ? `.${LISTENING}` : targetOf(rule.to),
      actions: [...heard, ...crit, ...reply],
    };
  });
  // An answer that fits two expected moves about equally well: the caller asks for it another way,
  // before any catch-all rule, instead of guessing.
  const clarify = {
    guard: { type: 'unclearIntent' as const, params: { state: id } } as GuardConfig,
    target: `.${LISTENING}`,
    actions: [
      ...heard,
      {
        type: 'reply' as const,
        params: {
          state: id,
          key: `${id}#clarify`,
          lines: [...(spec.clarify ?? scenario.clarify ?? CLARIFY)],
        },
      },
    ],
  };
  const catchAll = rulesFor(scenario, spec).findIndex((r) => r.when.otherwise === true);
  said.splice(catchAll === -1 ? said.length : catchAll, 0, clarify);
  // Anything no rule covers: the caller waits again.
  said.push({ target: `.${LISTENING}`, actions: [...heard] });
  return {
    id: stateNodeId(id),
    entry: {
      type: 'arrive',
      params: { state: id, caller: [...spec.caller], patienceMs: Math.round(dead.after * 1000) },
    },
    initial: LISTENING,
    states: {
      [LISTENING]: {
        after: {
          callerPatience: [
            {
              guard: { type: 'hasPromptsLeft', params: { prompts: dead.prompts.length } },
              target: LISTENING,
              reenter: true,
              actions: { type: 'promptAfterSilence', params: { state: id, prompts: [...dead.prompts] } },
            },
            { target: targetOf(dead.then) },
          ],
        },
      },
    },
    on: { 'trainee.said': said },
  };
}

/** A checked scenario -> its call machine, judged by `judge`. */
export function buildCallMachine(scenario: ScenarioSpec, judge: CallJudge) {
  const isEnding = (id: string) => Object.hasOwn(scenario.endings, id);
  const targetOf = (id: string) => `#${isEnding(id) ? endingNodeId(id) : stateNodeId(id)}`;
  const states: Record<string, StateConfig> = {};
  for (const [id, spec] of Object.entries(scenario.states))
    states[id] = stateConfig(scenario, id, spec, targetOf);
  for (const [id, ending] of Object.entries(scenario.endings)) {
    states[id] = {
      id: endingNodeId(id),
      type: 'final',
      entry: { type: 'finish', params: { ending: id, line: ending.caller } },
    };
  }
  return callSetup
    .createMachine({
      id: 'call',
      context: { log: [], visits: {}, replies: {}, silences: 0, patienceMs: 0, criticalErrors: [] },
      initial: scenario.initial,
      states,
    })
    .provide(judgedBy(judge));
}

export type CallMachine = ReturnType<typeof buildCallMachine>;
