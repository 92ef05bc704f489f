// The pack editor's state: the text being edited, its problems (checked as the author types, by
// the same loader the import uses), saving to the browser and downloading.
import type { PackError } from '../../core/packs/index.ts';
import { downloadText, exportName } from './pack-files.ts';
import type { InstalledPack, PacksState } from './packs.svelte.ts';

export class PackEditorState {
  text = $state('');
  problems = $state.raw<PackError[]>([]);
  saved = $state<string | null>(null);
  readonly file: string;
  readonly #packs: PacksState;
  readonly #pack: InstalledPack;
  errors = $derived(this.problems.filter((p) => p.severity === 'error'));
  warnings = $derived(this.problems.filter((p) => p.severity === 'warning'));
  summary = $derived.by(() => {
    const e = this.errors.length;
    const w = this.warnings.length;
    if (e > 0)
      return `${e} ${e === 1 ? 'error' : 'errors'}: the pack cannot be saved until ${e === 1 ? 'it is' : 'they are'} fixed.`;
    return `The pack is valid${w ? `, with ${w} lint warning${w === 1 ? '' : 's'}` : ''}.`;
  });

  constructor(packs: PacksState, pack: InstalledPack) {
    this.#packs = packs;
    this.#pack = pack;
    this.text = pack.text;
    this.file = pack.file.replace(/^.*\//, '');
    this.problems = pack.warnings;
  }

  /** Checks the text and keeps its problems; returns them for the editor to show in place. */
  validate = (text: string): PackError[] => {
    const result = this.#packs.compile(text, this.file);
    this.problems = result.ok ? result.warnings : result.errors;
    return this.problems;
  };

  change = (text: string): void => {
    this.text = text;
    this.saved = null;
  };

  async save(): Promise<void> {
    const problems = this.validate(this.text);
    if (problems.some((p) => p.severity === 'error')) return;
    const ok = await this.#packs.save(this.text, this.file);
    this.saved = ok ? 'Saved in this browser.' : null;
  }

  download(): void {
    const result = this.#packs.compile(this.text, this.file);
    const name = result.ok ? exportName({ ...result.pack, format: this.#pack.format }) : this.file;
    downloadText(this.text, name);
  }
}
