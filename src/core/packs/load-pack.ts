// Validate at the boundary, then trust the data: schema, then our own reference checks, then the
// machines are built inside a try. Every problem comes back at once, each with its file and path.
import { compileIntents, type IntentModel } from '../scoring/intent.ts';
import type { IntentDefinition } from '../scoring/types.ts';
import type { ScriptLibrary } from '../scripts/script-library.ts';
import { buildCallMachine, rulesFor, type CallMachine, type CompiledRule } from './build-machine.ts';
import { checkPack, type Finding } from './check-pack.ts';
import { Judge, type ScenarioStatement } from './judge.ts';
import { lintPack } from './lint-pack.ts';
import { formatPath, placeErrors, type PackError, type PathSegment } from './pack-errors.ts';
import { PACK_LIMITS } from './pack-limits.ts';
import { PackSchema, type IntentSpec, type PackSpec, type ScenarioSpec } from './pack-schema.ts';
import { messageOf } from '../message-of.ts';

export interface CompiledScenario {
  spec: ScenarioSpec;
  machine: CallMachine;
  judge: Judge;
  /** Each state's rules in the order the machine checks them. */
  rules: ReadonlyMap<string, CompiledRule[]>;
  /** Each state's expected moves: what the intent matcher chooses among there. */
  stateIntents: ReadonlyMap<string, string[]>;
  passMark: number;
}

export interface LoadedPack {
  file: string;
  id: string;
  version: string;
  title: string;
  description: string;
  author: string;
  passMark: number;
  /** The validated pack, deep-frozen. */
  spec: PackSpec;
  scenarios: ReadonlyMap<string, CompiledScenario>;
  intents: ReadonlyMap<string, IntentSpec>;
}

export type LoadPackResult =
  { ok: true; pack: LoadedPack; warnings: PackError[] } | { ok: false; errors: PackError[] };

export interface LoadPackOptions {
  file: string;
  scripts: ScriptLibrary;
  /** The pack's text, when there is one: errors then carry line and column. */
  source?: string;
}

export function loadPack(raw: unknown, opts: LoadPackOptions): LoadPackResult {
  const { file, scripts, source } = opts;
  const toErrors = errorReporter(file, source);
  const parsed = PackSchema.safeParse(raw);
  if (!parsed.success) {
    const findings = parsed.error.issues.map((issue) => ({
      path: issue.path as PathSegment[],
      message: describeIssue(issue),
    }));
    return { ok: false, errors: toErrors(findings, 'error') };
  }
  const spec = parsed.data;
  const problems = checkPack(spec, scripts);
  if (problems.length > 0) return { ok: false, errors: toErrors(problems, 'error') };
  const compiled = compileAll(spec, scripts);
  if (!('scenarios' in compiled)) return { ok: false, errors: toErrors(compiled.findings, 'error') };
  const { scenarios } = compiled;

  deepFreeze(spec);
  return {
    ok: true,
    pack: {
      file,
      id: spec.id,
      version: spec.version,
      title: spec.title,
      description: spec.description,
      author: spec.author,
      passMark: spec.passMark,
      spec,
      scenarios,
      intents: new Map(spec.intents.map((i) => [i.id, i])),
    },
    warnings: toErrors(lintPack(spec), 'warning'),
  };
}

/** Findings -> pack errors with line and column where the text is known, at most PACK_LIMITS.maxErrors. */
function errorReporter(file: string, source: string | undefined) {
  return (findings: Finding[], severity: PackError['severity']): PackError[] => {
    const kept = findings.slice(0, PACK_LIMITS.maxErrors);
    const errors = kept.map((f) => ({ file, path: formatPath(f.path), message: f.message, severity }));
    if (findings.length > kept.length) {
      errors.push({
        file,
        path: '',
        message: `and ${findings.length - kept.length} more problems`,
        severity,
      });
    }
    return placeErrors(
      errors,
      kept.map((f) => f.path),
      source,
    );
  };
}

/** The intent model and every scenario's machine, or what could not be built. */
function compileAll(
  spec: PackSpec,
  scripts: ScriptLibrary,
): { intents: IntentModel; scenarios: Map<string, CompiledScenario> } | { findings: Finding[] } {
  let intents: IntentModel;
  try {
    intents = compileIntents(spec.intents.map(toIntentDefinition));
  } catch (error) {
    return {
      findings: [{ path: ['intents'], message: `the intents could not be compiled: ${messageOf(error)}` }],
    };
  }
  const scenarios = new Map<string, CompiledScenario>();
  const findings: Finding[] = [];
  spec.scenarios.forEach((s, i) => {
    try {
      scenarios.set(s.id, compileScenario(s, spec, intents, scripts));
    } catch (error) {
      findings.push({
        path: ['scenarios', i],
        message: `the scenario could not be built: ${messageOf(error)}`,
      });
    }
  });
  return findings.length > 0 ? { findings } : { intents, scenarios };
}

/**
 * Per state of a scenario: its rules, the moves they name, the risky ones among them (a critical error
 * or a failing ending) and those that only get a reply.
 */
function movesByState(s: ScenarioSpec) {
  const rules = new Map<string, CompiledRule[]>();
  const stateIntents = new Map<string, string[]>();
  const risky = new Map<string, Set<string>>();
  const minor = new Map<string, Set<string>>();
  for (const [id, state] of Object.entries(s.states)) {
    const list = rulesFor(s, state);
    rules.set(id, list);
    const ids = new Set<string>();
    const consequences = new Set<string>();
    const moving = new Set<string>();
    for (const r of list) {
      const named =
        r.when.intent === undefined
          ? []
          : typeof r.when.intent === 'string'
            ? [r.when.intent]
            : r.when.intent;
      named.forEach((x) => ids.add(x));
      if (r.kind === 'critical' || r.to !== undefined) named.forEach((x) => moving.add(x));
      // Asymmetric care: a move that raises a critical error or ends the call on a fail needs clear evidence.
      if (r.kind === 'critical' || (r.to !== undefined && s.endings[r.to]?.outcome === 'fail'))
        named.forEach((x) => consequences.add(x));
    }
    stateIntents.set(id, [...ids]);
    risky.set(id, consequences);
    // Moves that only get a reply here (the call stays where it is): see the judge's `minor`.
    minor.set(id, new Set([...ids].filter((x) => !moving.has(x))));
  }
  return { rules, stateIntents, risky, minor };
}

function compileScenario(
  s: ScenarioSpec,
  pack: PackSpec,
  intents: IntentModel,
  scripts: ScriptLibrary,
): CompiledScenario {
  const statements = new Map<string, ScenarioStatement>();
  for (const st of s.statements) {
    const script = scripts.get(st.script, st.version)!;
    statements.set(st.script, {
      script,
      tolerance: st.tolerance,
      required: st.required,
      withinTurns: st.within?.turns,
      note: st.note,
    });
  }
  const { rules, stateIntents, risky, minor } = movesByState(s);
  const judge = new Judge({
    intents,
    statements,
    stateIntents,
    risky,
    minor,
    neverSay: [...pack.neverSay, ...s.neverSay],
  });
  return {
    spec: s,
    machine: buildCallMachine(s, judge),
    judge,
    rules,
    stateIntents,
    passMark: s.passMark ?? pack.passMark,
  };
}

function toIntentDefinition(i: IntentSpec): IntentDefinition {
  return {
    id: i.id,
    label: i.label,
    examples: i.examples,
    ...(i.requires ? { requires: i.requires } : {}),
    ...(i.form ? { form: i.form } : {}),
    ...(i.excludes ? { excludes: i.excludes } : {}),
  };
}

/** zod's messages, made plain for pack authors. */
function describeIssue(issue: { code: string; message: string; keys?: string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message))
    return `missing: ${issue.message.replace(/^Invalid input: /, '')}`;
  return issue.message.replace(/^Invalid input: /, '');
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
