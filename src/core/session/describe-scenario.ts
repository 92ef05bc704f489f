// What the trainee sees before a call: every statement and move that will be judged. Never a hidden rule.
import type { LoadedPack } from '../packs/load-pack.ts';
import type { ScenarioBriefing, ScenarioListing } from '../ports/practice-library.ts';
import type { ScenarioDescription } from './types.ts';

export function listScenarios(pack: LoadedPack): ScenarioListing[] {
  return pack.spec.scenarios.map((s) => ({
    packId: pack.id,
    packVersion: pack.version,
    packTitle: pack.title,
    id: s.id,
    title: s.title,
    summary: s.summary,
    direction: s.direction,
    ...(s.contentNote !== undefined ? { contentNote: s.contentNote } : {}),
  }));
}

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
    statements: s.statements.map((st) => ({
      scriptId: st.script,
      title: sc.judge.statements.get(st.script)?.script.title ?? st.script,
      required: st.required,
      ...join(windowNote(st.within), st.note),
    })),
    moves: s.moves.map((m) => ({
      intentId: m.intent,
      label: pack.intents.get(m.intent)?.label ?? m.intent,
      required: m.required,
      ...join(windowNote(m.within), m.note),
    })),
    neverSay: [...pack.spec.neverSay, ...s.neverSay].map((n) => ({ id: n.id, message: n.message })),
    notes: [...s.briefing],
    passMark: sc.passMark,
  };
}

/** The briefing screen's text: the direction as a sentence, never-say rules and the pass mark as notes. */
export function briefingOf(d: ScenarioDescription): ScenarioBriefing {
  const direction =
    d.direction === 'outbound'
      ? 'You are making this call (outbound).'
      : 'The client is calling the service (inbound).';
  return {
    direction: d.firstContact ? `${direction} It is the client's first contact with the service.` : direction,
    statements: d.statements,
    moves: d.moves,
    notes: [
      ...d.notes,
      ...d.neverSay.map((n) => `Never: ${n.message}`),
      `Pass mark: ${d.passMark}%. A critical error fails the call whatever else happens.`,
    ],
  };
}
