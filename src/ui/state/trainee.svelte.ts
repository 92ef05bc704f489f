import { scenarioKey } from '../../core/ports/practice-library.ts';
import type { AttemptRecord, AttemptStore } from '../../core/ports/index.ts';

/** Who is practising on this machine, and their latest result per scenario. */
export class TraineeState {
  name = $state<string | null>(null);
  known = $state.raw<string[]>([]);
  /** Newest attempt per scenario, keyed by `scenarioKey(packId, scenarioId)`. */
  latest = $state.raw<Readonly<Record<string, AttemptRecord>>>({});
  loaded = $state(false);
  #store: () => Promise<AttemptStore>;

  constructor(store: () => Promise<AttemptStore>) {
    this.#store = store;
  }

  async load(): Promise<void> {
    const store = await this.#store();
    const settings = await store.getSettings();
    this.known = settings.knownTrainees;
    this.name = settings.currentTrainee;
    await this.#loadLatest(store);
    this.loaded = true;
  }

  async choose(name: string): Promise<void> {
    // The header and a call opened at once read this, so it changes before anything is awaited.
    this.name = name.trim();
    this.latest = {};
    const store = await this.#store();
    const settings = await store.rememberTrainee(name);
    this.known = settings.knownTrainees;
    this.name = settings.currentTrainee;
    await this.#loadLatest(store);
  }

  async signOut(): Promise<void> {
    const store = await this.#store();
    await store.updateSettings({ currentTrainee: null });
    this.name = null;
    this.latest = {};
  }

  /** Takes a name off this computer's list; its attempts stay in the store (Review deletes them). */
  async forget(name: string): Promise<void> {
    const settings = await (await this.#store()).forgetTrainee(name);
    this.known = settings.knownTrainees;
    if (this.name === name && settings.currentTrainee === null) {
      this.name = null;
      this.latest = {};
    }
  }

  /** Reads the latest results again: the start page calls it each time it opens, after a call. */
  async refresh(): Promise<void> {
    if (this.loaded && this.name) await this.#loadLatest(await this.#store());
  }

  async #loadLatest(store: AttemptStore): Promise<void> {
    if (!this.name) {
      this.latest = {};
      return;
    }
    const latest: Record<string, AttemptRecord> = {};
    for (const record of await store.list({ trainee: this.name }))
      latest[scenarioKey(record.packId, record.scenarioId)] ??= record;
    this.latest = latest;
  }
}
