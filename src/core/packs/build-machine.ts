// A checked scenario -> an XState machine. The pack is data; the behaviour is the named guards and
// actions below, which take plain-JSON params. Call check-pack first: this trusts every id.
import { assign, assertEvent, setup } from 'xstate';
import type { ConditionSpec, ScenarioSpec, StateSpec } from './pack-schema.ts';
import { guardFor, rulesFor, type GuardConfig } from './call-rules.ts';
import {
  DEFAULT_PIN_POSITIONS,
  askedPinPositions,
  fillPinPlaceholders,
  pinPositionsFor,
} from './pin-digits.ts';
import type { PinPositions } from './pin-digits.ts';

export { rulesFor, type CompiledRule } from './call-rules.ts';

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
  /** The PIN digits this call's security check asks for: the seed's, or those the trainee names. */
  pin: PinPositions;
}

/** What starts a call: its seed (from the adapter that starts it), which picks the PIN digits asked for. */
export interface CallInput {
  seed?: number | undefined;
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

/** Picks the n-th line, cycling (a caller asked twice answers with the next variant), placeholders filled. */
const pick = (lines: readonly string[], n: number, context: CallContext) =>
  fillPinPlaceholders(lines[n % lines.length]!, context.pin);

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
    input: {} as CallInput,
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
        log: [...context.log, { stateId: params.state, text: pick(params.caller, seen, context) }],
        silences: 0,
        patienceMs: params.patienceMs,
      };
    }),
    reply: assign(({ context }, params: { state: string; key: string; lines: string[] }) => {
      const n = context.replies[params.key] ?? 0;
      return {
        replies: { ...context.replies, [params.key]: n + 1 },
        log: [...context.log, { stateId: params.state, text: pick(params.lines, n, context) }],
      };
    }),
    // The caller answers the PIN digits the trainee names, whichever the seed picked.
    hearTrainee: assign(({ context, event }) => {
      assertEvent(event, 'trainee.said');
      return { silences: 0, pin: askedPinPositions(event.text) ?? context.pin };
    }),
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
      log: [...context.log, { stateId: params.state, text: pick(params.prompts, context.silences, context) }],
      silences: context.silences + 1,
    })),
    finish: assign(({ context }, params: { ending: string; line: string | undefined }) =>
      params.line === undefined
        ? {}
        : { log: [...context.log, { stateId: params.ending, text: pick([params.line], 0, context) }] },
    ),
  },
});

type MachineConfig = Parameters<typeof callSetup.createMachine>[0];
type StateConfig = NonNullable<MachineConfig['states']>[string];
const heard = [{ type: 'hearTrainee' as const }, { type: 'flagForbiddenPhrases' as const }];

/** What each rule of a state does when it fires: judged in order, then a catch-all that waits again. */
function saidTransitions(
  scenario: ScenarioSpec,
  id: string,
  spec: StateSpec,
  targetOf: (id: string) => string,
) {
  const rules = rulesFor(scenario, spec);
  const said = rules.map((rule) => {
    const guard = guardFor(rule.when, id);
    const crit =
      rule.kind === 'critical'
        ? [{ type: 'flagCriticalError' as const, params: { id: rule.criticalId!, message: rule.message! } }]
        : [];
    const key = `${id}#${rule.kind}#${rule.index}`;
    const reply = rule.reply
      ? [{ type: 'reply' as const, params: { state: id, key, lines: [...rule.reply] } }]
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
  const lines = [...(spec.clarify ?? scenario.clarify ?? CLARIFY)];
  const clarify = {
    guard: { type: 'unclearIntent' as const, params: { state: id } } as GuardConfig,
    target: `.${LISTENING}`,
    actions: [...heard, { type: 'reply' as const, params: { state: id, key: `${id}#clarify`, lines } }],
  };
  const catchAll = rules.findIndex((r) => r.when.otherwise === true);
  said.splice(catchAll === -1 ? said.length : catchAll, 0, clarify);
  // Anything no rule covers: the caller waits again.
  said.push({ target: `.${LISTENING}`, actions: [...heard] });
  return said;
}

/** A state of the scenario: the caller speaks on arrival, then each rule is tried on what the trainee says. */
function stateConfig(
  scenario: ScenarioSpec,
  id: string,
  spec: StateSpec,
  targetOf: (id: string) => string,
): StateConfig {
  const dead = spec.deadAir ?? scenario.deadAir;
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
    on: { 'trainee.said': saidTransitions(scenario, id, spec, targetOf) },
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
      context: ({ input }) => ({
        log: [],
        visits: {},
        replies: {},
        silences: 0,
        patienceMs: 0,
        criticalErrors: [],
        pin: input?.seed === undefined ? DEFAULT_PIN_POSITIONS : pinPositionsFor(input.seed),
      }),
      initial: scenario.initial,
      states,
    })
    .provide(judgedBy(judge));
}

export type CallMachine = ReturnType<typeof buildCallMachine>;
