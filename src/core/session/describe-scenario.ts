// What the trainee sees before a call: every statement and move that will be judged. Never a hidden rule.
import type { LoadedPack } from '../packs/load-pack.ts';
import { cite } from '../feedback/words.ts';
import type { ScenarioBriefing } from '../ports/practice-library.ts';
import type { ScenarioDescription } from './types.ts';
export { listScenarios } from './list-scenarios.ts';

export function describeScenario(pack: LoadedPack, scenarioId: string): ScenarioDescription {
  const sc = pack.scenarios.get(scenarioId);
  if (sc === undefined) throw new Error(`no scenario "${scenarioId}" in pack "${pack.id}"`);
  const s = sc.spec;
  const windowNote = (within: { turns: number } | undefined) =>
    within === undefined
      ? undefined
      : `within your first ${within.turns} turn${within.turns === 1 ? '' : 's'}`;
  const join = (...parts: (string | undefined)[]) => {
    const kept = parts.filter((p): p is string => p !== undefined);
    return kept.length === 0 ? {} : { note: kept.join('; ') };
  };
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    ...(s.contentNote !== undefined ? { contentNote: s.contentNote } : {}),
    direction: s.direction,
    firstContact: s.firstContact,
    persona: {
      name: s.persona.name,
      role: s.persona.role,
      lang: s.persona.voice?.lang ?? 'en-GB',
      rate: s.persona.voice?.rate ?? 1,
      pitch: s.persona.voice?.pitch ?? 1,
    },
    statements: s.statements.map((st) => {
      const script = sc.judge.statements.get(st.script)!.script;
      return {
        scriptId: st.script,
        title: script.title,
        required: st.required,
        wording: script.wording,
        source: cite(script.source.seed, script.source.section),
        ...join(windowNote(st.within), st.note),
      };
    }),
    moves: s.moves.map((m) => ({
      intentId: m.intent,
      label: pack.intents.get(m.intent)?.label ?? m.intent,
      required: m.required,
      ...join(windowNote(m.within), m.note),
    })),
    neverSay: [...pack.spec.neverSay, ...s.neverSay].map((n) => ({
      id: n.id,
      message: n.message,
      phrases: [...n.phrases],
    })),
    notes: [...s.briefing],
    passMark: sc.passMark,
  };
}

/** The briefing screen's text: the direction as a sentence, the never-say rules with their phrases, the pass mark. */
export function briefingOf(d: ScenarioDescription): ScenarioBriefing {
  const direction =
    d.direction === 'outbound'
      ? 'Outbound: you are making this call.'
      : 'Inbound: the caller rang the service.';
  return {
    direction: d.firstContact ? `${direction} It is the client's first contact with the service.` : direction,
    statements: d.statements,
    moves: d.moves,
    neverSay: d.neverSay,
    notes: [...d.notes, `Pass mark: ${d.passMark}%. A critical error fails the call whatever else happens.`],
  };
}
