// The pack page's list of answers trainees marked "the caller misunderstood me" (from the attempts saved
// in this browser), each turned into an example of the move QA chooses: a new pack version, installed
// through the packs state's one install path (validated, linted, and asked before it replaces).
import type { AttemptStore } from '../../core/ports/index.ts';
import { addIntentExample } from '../../core/packs/index.ts';
import { misunderstoodUtterances, type MisunderstoodUtterance } from '../../core/review/misunderstood.ts';
import { messageOf } from '../../core/message-of.ts';
import type { InstalledPack, PacksState } from './packs.svelte.ts';

export class PackMisreads {
  rows = $state.raw<MisunderstoodUtterance[]>([]);
  loaded = $state(false);
  /** Why the list could not be read, or an example not made. */
  error = $state<string | null>(null);
  #store: () => Promise<AttemptStore>;

  constructor(store: () => Promise<AttemptStore>) {
    this.#store = store;
  }

  async load(packId: string): Promise<void> {
    try {
      const store = await this.#store();
      this.rows = misunderstoodUtterances(await store.list(), packId);
    } catch (error) {
      this.error = `The marked answers could not be read. ${messageOf(error)}`;
    }
    this.loaded = true;
  }

  /** Adds the row's words as an example of `intentId` in a new version of the pack, then installs it. */
  async add(packs: PacksState, pack: InstalledPack, row: MisunderstoodUtterance, intentId: string) {
    this.error = null;
    const result = addIntentExample(pack.text, pack.format, intentId, row.text);
    if (!result.ok) {
      this.error = `“${row.text}” was not added: ${result.error}.`;
      return;
    }
    await packs.save(result.text, pack.file);
  }
}
