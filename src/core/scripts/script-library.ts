/** The verbatim library: statement files (data arriving as unknown) validated and prepared for scoring. */
import { ScriptSchema, type ScriptSpec } from './script-schema.ts';
import { prepareStatement, type PreparedStatement } from '../scoring/verbatim.ts';

export interface CompiledScript extends PreparedStatement {
  version: string;
  versionLabel: string;
  title: string;
  summary: string;
  wording: string;
  keyElementTexts: string[];
  notes: string[];
  source: { seed: string; section: string };
  /** Every version id of this statement. */
  versions: string[];
}

export interface ScriptLibrary {
  /** A statement by id, in the named version or its default one. */
  get(id: string, version?: string): CompiledScript | undefined;
  /** Each statement in its default version. */
  list(): CompiledScript[];
  specs: readonly ScriptSpec[];
}

export interface ScriptError {
  file: string;
  path: string;
  message: string;
}

export function compileScript(spec: ScriptSpec, versionId?: string): CompiledScript | undefined {
  const version =
    spec.versions.find((v) => v.id === (versionId ?? spec.defaultVersion)) ??
    (versionId === undefined ? spec.versions[0] : undefined);
  if (version === undefined) return undefined;
  return {
    ...prepareStatement(spec.id, version.wording, spec.keyElements, { tolerance: spec.tolerance }),
    version: version.id,
    versionLabel: version.label,
    title: spec.title,
    summary: spec.summary ?? '',
    wording: version.wording,
    keyElementTexts: spec.keyElements,
    notes: spec.notes,
    source: version.source,
    versions: spec.versions.map((v) => v.id),
  };
}

export function loadScriptLibrary(
  files: readonly { file: string; data: unknown }[],
): { ok: true; library: ScriptLibrary } | { ok: false; errors: ScriptError[] } {
  const errors: ScriptError[] = [];
  const specs: ScriptSpec[] = [];
  for (const { file, data } of files) {
    const parsed = ScriptSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ file, path: issue.path.map(String).join('.') || '(top)', message: issue.message });
      }
      continue;
    }
    if (specs.some((s) => s.id === parsed.data.id)) {
      errors.push({ file, path: 'id', message: `statement "${parsed.data.id}" is defined twice` });
      continue;
    }
    specs.push(parsed.data);
  }
  if (errors.length > 0) return { ok: false, errors };
  const cache = new Map<string, CompiledScript | undefined>();
  const byId = new Map(specs.map((s) => [s.id, s]));
  const get = (id: string, version?: string): CompiledScript | undefined => {
    const key = `${id}\u0000${version ?? ''}`;
    if (!cache.has(key)) {
      const spec = byId.get(id);
      cache.set(key, spec === undefined ? undefined : compileScript(spec, version));
    }
    return cache.get(key);
  };
  return {
    ok: true,
    library: {
      get,
      list: () => specs.map((s) => get(s.id)).filter((c): c is CompiledScript => c !== undefined),
      specs,
    },
  };
}
