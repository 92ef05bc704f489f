// Our own checks after the schema: every id a pack names must exist. XState throws on an unknown guard
// only when that transition runs, and skips an unknown action silently, so a bad reference would
// otherwise surface in the middle of a trainee's call. All problems are collected, never just the first.
import type { CompiledScript, ScriptLibrary } from '../scripts/script-library.ts';
import { checkCallerLines } from './check-caller-lines.ts';
import { checkDebriefPoints } from './check-debrief.ts';
import type { PathSegment } from './pack-errors.ts';
import type { ConditionSpec, PackSpec, ScenarioSpec } from './pack-schema.ts';

export interface Finding {
  path: PathSegment[];
  message: string;
}

export function checkPack(pack: PackSpec, scripts: ScriptLibrary): Finding[] {
  const out: Finding[] = [];
  const intents = new Set<string>();
  pack.intents.forEach((intent, i) => {
    if (intents.has(intent.id))
      out.push({ path: ['intents', i, 'id'], message: `intent "${intent.id}" is defined twice` });
    intents.add(intent.id);
  });
  duplicates(
    pack.neverSay.map((n) => n.id),
    (i, id) => out.push({ path: ['neverSay', i, 'id'], message: `never-say rule "${id}" is defined twice` }),
  );
  const scenarioIds = new Set<string>();
  pack.scenarios.forEach((s, i) => {
    if (scenarioIds.has(s.id))
      out.push({ path: ['scenarios', i, 'id'], message: `scenario "${s.id}" is defined twice` });
    scenarioIds.add(s.id);
    checkScenario(s, ['scenarios', i], intents, scripts, out);
    checkDebriefPoints(s, ['scenarios', i], out);
    checkCallerLines(s, ['scenarios', i], out);
  });
  return out;
}

type Err = (path: PathSegment[], message: string) => void;

function checkScenario(
  s: ScenarioSpec,
  at: PathSegment[],
  intents: Set<string>,
  scripts: ScriptLibrary,
  out: Finding[],
): void {
  const states = new Set(Object.keys(s.states));
  const endings = new Set(Object.keys(s.endings));
  const err: Err = (path, message) => out.push({ path: [...at, ...path], message });

  for (const id of endings) {
    if (states.has(id))
      err(['endings', id], `"${id}" is both a state and an ending: give them different ids`);
  }
  if (!states.has(s.initial)) {
    err(
      ['initial'],
      endings.has(s.initial)
        ? `the call cannot start in an ending ("${s.initial}")`
        : `no state "${s.initial}"`,
    );
  }
  const target = (path: PathSegment[], id: string | undefined) => {
    if (id !== undefined && !states.has(id) && !endings.has(id))
      err(path, `no state or ending "${id}"${suggest(id, [...states, ...endings])}`);
  };
  const listed = checkStatementsAndMoves(s, intents, scripts, err);
  const condition = conditionChecker(intents, listed, err);
  duplicates(
    s.critical.map((c) => c.id),
    (i, id) => err(['critical', i, 'id'], `critical error "${id}" is defined twice`),
  );
  s.critical.forEach((c, i) => {
    condition(['critical', i, 'when'], c.when);
    target(['critical', i, 'to'], c.to);
  });
  target(['deadAir', 'then'], s.deadAir.then);
  for (const [id, st] of Object.entries(s.states)) {
    const p: PathSegment[] = ['states', id];
    duplicates(
      st.critical.map((c) => c.id),
      (i, cid) => err([...p, 'critical', i, 'id'], `critical error "${cid}" is defined twice`),
    );
    st.critical.forEach((c, i) => {
      if (s.critical.some((g) => g.id === c.id)) {
        err([...p, 'critical', i, 'id'], `critical error "${c.id}" is already checked in every state`);
      }
      condition([...p, 'critical', i, 'when'], c.when);
      target([...p, 'critical', i, 'to'], c.to);
    });
    st.on.forEach((t, i) => {
      condition([...p, 'on', i, 'when'], t.when);
      target([...p, 'on', i, 'to'], t.to);
    });
    if (st.deadAir) target([...p, 'deadAir', 'then'], st.deadAir.then);
  }
}

/** The scenario's statements (each in scripts-verbatim, once) and moves (each a pack intent, once). */
function checkStatementsAndMoves(
  s: ScenarioSpec,
  intents: Set<string>,
  scripts: ScriptLibrary,
  err: Err,
): Set<string> {
  const listed = new Set<string>();
  s.statements.forEach((st, i) => {
    if (listed.has(st.script)) err(['statements', i, 'script'], `statement "${st.script}" is listed twice`);
    listed.add(st.script);
    if (scripts.get(st.script) === undefined) {
      err(
        ['statements', i, 'script'],
        `no statement "${st.script}" in scripts-verbatim${suggest(
          st.script,
          scripts.list().map((c: CompiledScript) => c.id),
        )}`,
      );
    } else if (st.version !== undefined && scripts.get(st.script, st.version) === undefined) {
      err(['statements', i, 'version'], `statement "${st.script}" has no version "${st.version}"`);
    }
  });
  const moves = new Set<string>();
  s.moves.forEach((m, i) => {
    if (!intents.has(m.intent))
      err(['moves', i, 'intent'], `no intent "${m.intent}" in this pack${suggest(m.intent, [...intents])}`);
    if (moves.has(m.intent)) err(['moves', i, 'intent'], `move "${m.intent}" is listed twice`);
    moves.add(m.intent);
  });
  duplicates(
    s.neverSay.map((n) => n.id),
    (i, id) => err(['neverSay', i, 'id'], `never-say rule "${id}" is defined twice`),
  );
  return listed;
}

/** Checks that a condition names intents of the pack and statements listed in the scenario. */
function conditionChecker(intents: Set<string>, listed: Set<string>, err: Err) {
  return (path: PathSegment[], c: ConditionSpec): void => {
    if (c.intent !== undefined) {
      const list = typeof c.intent === 'string' ? [c.intent] : c.intent;
      list.forEach((id, k) => {
        if (!intents.has(id)) {
          err(
            typeof c.intent === 'string' ? [...path, 'intent'] : [...path, 'intent', k],
            `no intent "${id}" in this pack${suggest(id, [...intents])}`,
          );
        }
      });
    }
    for (const key of ['statement', 'attempt'] as const) {
      const id = c[key];
      if (id !== undefined && !listed.has(id))
        err([...path, key], `statement "${id}" is not listed in this scenario's statements`);
    }
  };
}

function duplicates(ids: string[], report: (index: number, id: string) => void): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) report(i, id);
    seen.add(id);
  });
}

/** `; did you mean "x"?` for a near miss (one or two letters off), else nothing. */
function suggest(wrong: string, options: string[]): string {
  let best: string | undefined;
  let bestD = 3;
  for (const o of options) {
    const d = distance(wrong, o);
    if (d < bestD) [best, bestD] = [o, d];
  }
  return best === undefined ? '' : `; did you mean "${best}"?`;
}

function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
