// Turns pack and statement files (as text) into what the practice screens use. Shared by the app
// (src/adapters/builtin.ts, which finds the files with import.meta.glob) and by the test that keeps
// the start page's catalogue in step with scenarios/.
import { loadScriptLibrary, scoreStatement, type ScriptLibrary } from '../core/index.ts';
import { formatPackError, loadPack, parsePackText, type LoadedPack } from '../core/packs/index.ts';
import { describeScenario, listScenarios, runCall } from '../core/session/index.ts';
import type { CatalogueFile } from './catalogue.ts';
import type {
  CallerPersona,
  DrillScript,
  PracticeLibrary,
  ScenarioBriefing,
  ScenarioListing,
} from '../ui/practice-library.ts';

export interface SourceFile {
  file: string;
  text: string;
}

/** Files that describe the formats rather than hold data. */
const isSchema = (file: string) => /\.schema\.json$/.test(file);

export interface LoadedLibrary {
  scripts: ScriptLibrary | null;
  packs: LoadedPack[];
  problems: string[];
}

export function loadSources(scriptFiles: SourceFile[], packFiles: SourceFile[]): LoadedLibrary {
  const problems: string[] = [];
  const scriptData: { file: string; data: unknown }[] = [];
  for (const { file, text } of scriptFiles.filter((f) => !isSchema(f.file))) {
    try {
      scriptData.push({ file, data: JSON.parse(text) as unknown });
    } catch (error) {
      problems.push(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const loaded = loadScriptLibrary(scriptData);
  if (!loaded.ok) {
    problems.push(...describeFailure(loaded));
    return { scripts: null, packs: [], problems };
  }
  const scripts = loaded.library;
  const packs: LoadedPack[] = [];
  for (const { file, text } of packFiles.filter((f) => !isSchema(f.file))) {
    const parsed = parsePackText(text, file);
    if (!parsed.ok) {
      problems.push(...parsed.errors.map(formatPackError));
      continue;
    }
    const result = loadPack(parsed.data, { file, scripts, source: text });
    if (result.ok) packs.push(result.pack);
    else problems.push(...result.errors.filter((e) => e.severity === 'error').map(formatPackError));
  }
  return { scripts, packs, problems };
}

function describeFailure(result: unknown): string[] {
  const errors = (result as { errors?: unknown }).errors;
  if (!Array.isArray(errors)) return ['The statement library could not be loaded.'];
  return errors.map((e: unknown) => {
    if (typeof e === 'string') return e;
    const { file, path, message } = (e ?? {}) as { file?: string; path?: string; message?: string };
    return [file, path, message].filter(Boolean).join(': ');
  });
}

/** The start page's list: plain data, written to builtin-catalogue.json for the built-in packs. */
export function catalogueOf(library: LoadedLibrary): CatalogueFile {
  return {
    packs: library.packs.map((pack) => ({
      packId: pack.id,
      packVersion: pack.version,
      packTitle: pack.title,
      scenarios: listScenarios(pack).map((s) => ({
        id: s.id,
        title: s.title,
        summary: s.summary,
        ...(s.contentNote !== undefined ? { contentNote: s.contentNote } : {}),
      })),
    })),
    problems: library.problems,
  };
}

export function buildLibrary(library: LoadedLibrary): PracticeLibrary {
  const { scripts, packs, problems } = library;
  const byScenario = new Map<string, { pack: LoadedPack; listing: ScenarioListing }>();
  for (const pack of packs) {
    for (const s of listScenarios(pack)) {
      if (byScenario.has(s.id)) {
        problems.push(`${pack.file}: scenario "${s.id}" is also in another pack; the first one is used.`);
        continue;
      }
      const listing: ScenarioListing = {
        packId: pack.id,
        packVersion: pack.version,
        packTitle: pack.title,
        id: s.id,
        title: s.title,
        summary: s.summary,
        ...(s.contentNote !== undefined ? { contentNote: s.contentNote } : {}),
      };
      byScenario.set(s.id, { pack, listing });
    }
  }
  const packOf = (scenario: ScenarioListing): LoadedPack => {
    const entry = byScenario.get(scenario.id);
    if (!entry) throw new Error(`no scenario "${scenario.id}"`);
    return entry.pack;
  };

  const drillScripts: DrillScript[] = scripts ? scripts.list().map(toDrillScript) : [];

  return {
    scenarios: [...byScenario.values()].map((e) => e.listing),
    problems,
    scripts: drillScripts,
    find: (id) => byScenario.get(id)?.listing,
    brief(scenario): ScenarioBriefing {
      const b = describeScenario(packOf(scenario), scenario.id);
      const direction =
        b.direction === 'outbound'
          ? 'You are making this call (outbound).'
          : 'The client is calling the service (inbound).';
      return {
        direction: b.firstContact
          ? `${direction} It is the client's first contact with the service.`
          : direction,
        statements: b.statements,
        moves: b.moves,
        notes: [
          ...b.notes,
          ...b.neverSay.map((n) => `Never: ${n.message}`),
          `Pass mark: ${b.passMark}%. A critical error fails the call whatever else happens.`,
        ],
      };
    },
    persona(scenario): CallerPersona {
      const { persona } = describeScenario(packOf(scenario), scenario.id);
      return persona;
    },
    run: (scenario, turns, mode) => runCall(packOf(scenario), scenario.id, turns, { mode }),
    drill(scriptId, said) {
      const script = scripts?.get(scriptId);
      return script ? scoreStatement(script, said) : null;
    },
  };
}

function toDrillScript(script: ReturnType<ScriptLibrary['list']>[number]): DrillScript {
  return { id: script.id, title: script.title, wording: script.wording };
}
