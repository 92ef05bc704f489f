// The scenario packs screen: the installed packs (built-in and imported), importing a file through
// the validation worker, replacing an older version after confirmation, removing and exporting.
// Imported packs are checked in a worker first (size and time limits) and only then compiled here,
// because play-testing needs the compiled machines, which cannot cross from a worker.
import type { ScriptLibrary } from '../../core/index.ts';
import { loadPackText } from '../../core/library/load-library.ts';
import type { LoadedPack, PackError } from '../../core/packs/index.ts';
import { decideInstall, formatOf } from '../../core/packs/pack-versions.ts';
import { listScenarios } from '../../core/session/describe-scenario.ts';
import type { PackAdapters, PackStore } from '../../core/ports/index.ts';

export interface InstalledPack {
  source: 'built-in' | 'imported';
  id: string;
  version: string;
  title: string;
  author: string;
  description: string;
  file: string;
  format: 'yaml' | 'json';
  text: string;
  pack: LoadedPack;
  /** Lint results: the pack loads, but something in it cannot work as written. */
  warnings: PackError[];
}

export interface PendingReplace {
  incoming: { id: string; version: string; title: string; file: string; text: string };
  installed: InstalledPack;
}

export class PacksState {
  installed = $state.raw<InstalledPack[]>([]);
  /** Problems with the last import or save, for the error summary. */
  errors = $state.raw<PackError[]>([]);
  /** A short confirmation after an action, for the notification banner. */
  notice = $state<string | null>(null);
  pending = $state.raw<PendingReplace | null>(null);
  busy = $state(false);
  ready = $state(false);
  loadProblems = $state.raw<string[]>([]);

  #adapters: () => Promise<PackAdapters>;
  #deps: PackAdapters | null = null;
  #store: Promise<PackStore> | null = null;
  #scripts: ScriptLibrary | null = null;

  /** `adapters` loads the browser side on first use (src/main.ts wires it; tests hand in fakes). */
  constructor(adapters: () => Promise<PackAdapters>) {
    this.#adapters = adapters;
  }

  async #use(): Promise<PackAdapters> {
    return (this.#deps ??= await this.#adapters());
  }

  async #openStore(): Promise<PackStore> {
    const deps = await this.#use();
    return (this.#store ??= deps.openStore());
  }

  /** The statement library, once the packs have loaded. */
  get scripts(): ScriptLibrary | null {
    return (this.#scripts ??= this.#deps?.scripts() ?? null);
  }

  find(id: string): InstalledPack | undefined {
    return this.installed.find((p) => p.id === id);
  }

  /** Compiles a pack's text; errors (with line and column) when it does not load. */
  compile(
    text: string,
    file: string,
  ): { ok: true; pack: LoadedPack; warnings: PackError[] } | { ok: false; errors: PackError[] } {
    const scripts = this.scripts;
    if (!scripts)
      return {
        ok: false,
        errors: [{ file, path: '', message: 'the statement library could not be loaded', severity: 'error' }],
      };
    return loadPackText(text, file, scripts);
  }

  async load(): Promise<void> {
    const problems: string[] = [];
    const out: InstalledPack[] = [];
    for (const { file, text } of (await this.#use()).builtinFiles()) {
      const entry = this.#entry('built-in', file, text);
      if (entry) out.push(entry);
      else problems.push(`${file} did not load`);
    }
    try {
      const store = await this.#openStore();
      for (const stored of await store.list()) {
        const entry = this.#entry('imported', stored.file, stored.text);
        if (!entry) {
          problems.push(`${stored.file} (imported) no longer loads`);
          continue;
        }
        // An imported pack with a built-in pack's id replaces it in the list.
        const at = out.findIndex((p) => p.id === entry.id);
        if (at >= 0) out.splice(at, 1, entry);
        else out.push(entry);
      }
    } catch {
      problems.push('Imported packs could not be read from this browser’s storage.');
    }
    this.installed = out;
    this.loadProblems = problems;
    this.ready = true;
  }

  #entry(source: InstalledPack['source'], file: string, text: string): InstalledPack | null {
    const result = this.compile(text, file);
    if (!result.ok) return null;
    const { pack, warnings } = result;
    return {
      source,
      id: pack.id,
      version: pack.version,
      title: pack.title,
      author: pack.author,
      description: pack.description,
      file,
      format: formatOf(file, text),
      text,
      pack,
      warnings,
    };
  }

  /** Validates a file in the worker; installs it, or asks first when it replaces an older version. */
  async importFile(file: { name: string; text(): Promise<string> }): Promise<void> {
    const text = await file.text();
    await this.importText(text, file.name);
  }

  async importText(text: string, fileName: string): Promise<void> {
    this.busy = true;
    this.notice = null;
    this.errors = [];
    this.pending = null;
    try {
      const pack = await this.#check(text, fileName);
      if (pack) await this.#decide(text, fileName, pack);
    } finally {
      this.busy = false;
    }
  }

  /** Checked in the worker, then compiled; null (with `errors` set) when it does not load. */
  async #check(text: string, fileName: string): Promise<LoadedPack | null> {
    const result = await (await this.#use()).validate({ text, file: fileName });
    if (!result.ok) {
      this.errors = result.errors;
      return null;
    }
    const compiled = this.compile(text, fileName);
    if (compiled.ok) return compiled.pack;
    this.errors = compiled.errors;
    return null;
  }

  /**
   * A version QA published on the team server: checked and installed like an import, except that
   * replacing an older version needs no confirmation (the team's QA already chose it).
   */
  async installPublished(text: string, fileName: string): Promise<boolean> {
    this.errors = [];
    const pack = await this.#check(text, fileName);
    return pack ? this.#decide(text, fileName, pack, true) : false;
  }

  async confirmReplace(): Promise<void> {
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    await this.#install(pending.incoming.text, pending.incoming.file);
    this.notice = `Replaced ${pending.incoming.id} version ${pending.installed.version} with version ${pending.incoming.version}.`;
  }

  cancelReplace(): void {
    if (this.pending)
      this.notice = `Kept ${this.pending.installed.id} version ${this.pending.installed.version}.`;
    this.pending = null;
  }

  async #install(text: string, fileName: string): Promise<void> {
    const entry = this.#entry('imported', fileName, text);
    if (!entry) {
      const result = this.compile(text, fileName);
      this.errors = result.ok ? [] : result.errors;
      return;
    }
    const store = await this.#openStore();
    await store.put({
      id: entry.id,
      version: entry.version,
      title: entry.title,
      author: entry.author,
      file: fileName,
      format: entry.format,
      text,
    });
    const rest = this.installed.filter((p) => p.id !== entry.id);
    this.installed = [...rest, entry].sort((a, b) => a.id.localeCompare(b.id));
  }

  /**
   * The one install path, for imports and the editor's save alike: the same rules (decideInstall),
   * the same confirmation before replacing an installed version. True when it was installed now.
   */
  async #decide(text: string, fileName: string, pack: LoadedPack, confirmed = false): Promise<boolean> {
    const facts = (p: { id: string; version: string; text: string; pack: LoadedPack }) => ({
      id: p.id,
      version: p.version,
      text: p.text,
      scenarioIds: listScenarios(p.pack).map((s) => s.id),
    });
    const incoming = { id: pack.id, version: pack.version, title: pack.title, file: fileName, text };
    const installed = this.find(pack.id);
    const decision = decideInstall(this.installed.map(facts), facts({ ...incoming, pack }));
    if (decision.kind === 'refuse') {
      this.errors = [{ file: fileName, path: decision.path, severity: 'error', message: decision.message }];
      return false;
    }
    if (decision.kind === 'unchanged') {
      this.notice = `Version ${pack.version} of ${pack.id} is already installed, so nothing was changed.`;
      return false;
    }
    if (decision.kind === 'confirm-replace' && installed && !confirmed) {
      this.pending = { incoming, installed };
      return false;
    }
    await this.#install(text, fileName);
    this.notice = `Installed ${pack.title} (${pack.id}, version ${pack.version}).`;
    return true;
  }

  /** Saves edited text in this browser, by the same rules and confirmation as an import. */
  async save(text: string, fileName: string): Promise<boolean> {
    this.notice = null;
    this.errors = [];
    this.pending = null;
    const result = this.compile(text, fileName);
    if (!result.ok) {
      this.errors = result.errors;
      return false;
    }
    return this.#decide(text, fileName, result.pack);
  }

  async remove(id: string): Promise<void> {
    const store = await this.#openStore();
    await store.remove(id);
    this.notice = `Removed ${id}.`;
    await this.load();
  }
}
