// Each scenario's machine, walked with getShortestPaths: every ending must be reachable with sample
// utterances as event payloads (and the caller-patience timers for dead air).
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { LISTENING, type CallEvent } from '../../../src/core/packs/index.ts';
import type { ConditionSpec } from '../../../src/core/packs/pack-schema.ts';
import { shippedPacks, shippedScripts } from './fixtures.ts';

type Pack = ReturnType<typeof shippedPacks>[number];

/** An utterance that satisfies a condition: the intent's own first example, the statement's wording, the phrase. */
function sampleFor(pack: Pack, cond: ConditionSpec): string {
  if (cond.otherwise) return 'Sorry, could you say that again?';
  if (cond.intent !== undefined) {
    const id = typeof cond.intent === 'string' ? cond.intent : cond.intent[0]!;
    return pack.intents.get(id)!.examples[0]!;
  }
  const script = cond.statement ?? cond.attempt;
  if (script !== undefined) return shippedScripts().get(script)!.wording;
  return cond.phrase![0]!;
}

const cases = shippedPacks().flatMap((pack) =>
  [...pack.scenarios.keys()].map((id) => [`${pack.id}/${id}`, pack, id] as const),
);

describe.each(cases)('scenario %s as a graph', (_name, pack, id) => {
  const sc = pack.scenarios.get(id)!;
  const top = (value: unknown) => (typeof value === 'string' ? value : Object.keys(value as object)[0]!);
  const silenceEvent = (state: string) => {
    const node = sc.machine.root.states[state]?.states[LISTENING];
    return node ? node.after.map((t) => ({ type: t.eventType }) as unknown as CallEvent).slice(0, 1) : [];
  };

  const paths = getShortestPaths(sc.machine, {
    events: (snapshot) => {
      const state = top(snapshot.value);
      const said = (sc.rules.get(state) ?? []).map((r): CallEvent => ({
        type: 'trainee.said',
        text: sampleFor(pack, r.when),
        turnIndex: 0,
      }));
      return [...said, ...silenceEvent(state)];
    },
    // The caller's lines grow with every step; the graph is over where the call is, and how many silences in a row.
    serializeState: (snapshot) => JSON.stringify([snapshot.value, snapshot.context.silences]),
  });
  const reached = new Set(paths.filter((p) => p.state.status === 'done').map((p) => top(p.state.value)));

  it.each(Object.keys(sc.spec.endings))('reaches the ending %s', (ending) => {
    expect(reached.has(ending)).toBe(true);
  });

  it('reaches every state', () => {
    const visited = new Set(paths.map((p) => top(p.state.value)));
    for (const state of Object.keys(sc.spec.states)) expect(visited.has(state), state).toBe(true);
  });
});
