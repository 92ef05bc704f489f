// A checked scenario -> an XState machine. The pack is data; the behaviour is the named guards and
// actions below, which take plain-JSON params. Call check-pack first: this trusts every id.
import { assign, assertEvent, setup } from 'xstate';
import type { Judge } from './judge.ts';
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
}

export const LISTENING = 'listening';
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
    })),
  ];
}

export function buildCallMachine(scenario: ScenarioSpec, judge: Judge) {
  const isEnding = (id: string) => Object.hasOwn(scenario.endings, id);
  const targetOf = (id: string) => `#${isEnding(id) ? endingNodeId(id) : stateNodeId(id)}`;
  const pick = (lines: readonly string[], n: number) => lines[n % lines.length]!;

  const trainerSetup = setup({
    types: {
      context: {} as CallContext,
      events: {} as CallEvent,
    },
    delays: {
      // Set on arrival in each state from its dead-air rule: callers differ in how long they wait.
      callerPatience: ({ context }) => context.patienceMs,
    },
    guards: {
      matchedIntent: ({ event }, params: { state: string; intents: string[] }) => {
        assertEvent(event, 'trainee.said');
        return judge.holds({ intent: params.intents }, params.state, event.text);
      },
      saidStatement: ({ event }, params: { state: string; script: string }) => {
        assertEvent(event, 'trainee.said');
        return judge.holds({ statement: params.script }, params.state, event.text);
      },
      attemptedStatement: ({ event }, params: { state: string; script: string }) => {
        assertEvent(event, 'trainee.said');
        return judge.holds({ attempt: params.script }, params.state, event.text);
      },
      saidPhrase: ({ event }, params: { state: string; phrases: string[] }) => {
        assertEvent(event, 'trainee.said');
        return judge.holds({ phrase: params.phrases }, params.state, event.text);
      },
      hasPromptsLeft: ({ context }, params: { prompts: number }) => context.silences < params.prompts,
    },
    actions: {
      arrive: assign(({ context }, params: { state: string }) => {
        const spec = scenario.states[params.state]!;
        const seen = context.visits[params.state] ?? 0;
        const dead = spec.deadAir ?? scenario.deadAir;
        return {
          visits: { ...context.visits, [params.state]: seen + 1 },
          log: [...context.log, { stateId: params.state, text: pick(spec.caller, seen) }],
          silences: 0,
          patienceMs: Math.round(dead.after * 1000),
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
      flagForbiddenPhrases: assign(({ context, event }) => {
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
        log: [...context.log, { stateId: params.state, text: pick(params.prompts, context.silences) }],
        silences: context.silences + 1,
      })),
      finish: assign(({ context }, params: { ending: string }) => {
        const line = scenario.endings[params.ending]?.caller;
        return line === undefined ? {} : { log: [...context.log, { stateId: params.ending, text: line }] };
      }),
    },
  });

  const guardFor = (cond: ConditionSpec, state: string) => {
    if (cond.intent !== undefined) {
      return {
        type: 'matchedIntent' as const,
        params: { state, intents: typeof cond.intent === 'string' ? [cond.intent] : cond.intent },
      };
    }
    if (cond.statement !== undefined)
      return { type: 'saidStatement' as const, params: { state, script: cond.statement } };
    if (cond.attempt !== undefined)
      return { type: 'attemptedStatement' as const, params: { state, script: cond.attempt } };
    if (cond.phrase !== undefined)
      return { type: 'saidPhrase' as const, params: { state, phrases: cond.phrase } };
    return undefined;
  };

  const heard = [{ type: 'hearTrainee' as const }, { type: 'flagForbiddenPhrases' as const }];

  const states: Record<string, object> = {};
  for (const [id, spec] of Object.entries(scenario.states)) {
    const dead = spec.deadAir ?? scenario.deadAir;
    const said = rulesFor(scenario, spec).map((rule) => {
      const guard = guardFor(rule.when, id);
      const crit =
        rule.kind === 'critical'
          ? [{ type: 'flagCriticalError' as const, params: { id: rule.criticalId!, message: rule.message! } }]
          : [];
      const replyLines =
        rule.kind === 'critical'
          ? [...scenario.critical, ...spec.critical].find((r) => r.id === rule.criticalId)?.reply
          : spec.on[rule.index]?.reply;
      const reply = replyLines
        ? [
            {
              type: 'reply' as const,
              params: { state: id, key: `${id}#${rule.kind}#${rule.index}`, lines: replyLines },
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
    // Anything no rule covers: the caller waits again.
    said.push({ target: `.${LISTENING}`, actions: [...heard] });
    states[id] = {
      id: stateNodeId(id),
      entry: { type: 'arrive', params: { state: id } },
      initial: LISTENING,
      states: {
        [LISTENING]: {
          after: {
            callerPatience: [
              {
                guard: { type: 'hasPromptsLeft', params: { prompts: dead.prompts.length } },
                target: LISTENING,
                reenter: true,
                actions: { type: 'promptAfterSilence', params: { state: id, prompts: dead.prompts } },
              },
              { target: targetOf(dead.then) },
            ],
          },
        },
      },
      on: { 'trainee.said': said },
    };
  }
  for (const id of Object.keys(scenario.endings)) {
    states[id] = { id: endingNodeId(id), type: 'final', entry: { type: 'finish', params: { ending: id } } };
  }

  return trainerSetup.createMachine({
    id: 'call',
    context: { log: [], visits: {}, replies: {}, silences: 0, patienceMs: 0, criticalErrors: [] },
    initial: scenario.initial,
    // The config is assembled from checked data, so its shape is known only at run time.
    states: states as never,
  });
}

export type CallMachine = ReturnType<typeof buildCallMachine>;
