// The attempt store the app uses on a machine that may sign in to a team server: the IndexedDB
// store, unchanged, with the outbox poked after each write. The write finishes (and the call goes
// on) before anything is sent; sending happens in the background.
import type { AttemptStore } from '../../core/ports/index.ts';

export function syncingStore(local: AttemptStore, poke: () => void): AttemptStore {
  const after =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await write(...args);
      poke();
      return result;
    };
  return {
    create: after(local.create.bind(local)),
    put: after(local.put.bind(local)),
    appendTurn: after(local.appendTurn.bind(local)),
    flagTurn: after(local.flagTurn.bind(local)),
    finish: after(local.finish.bind(local)),
    modify: after(local.modify.bind(local)),
    importAttempts: local.importAttempts.bind(local),
    get: local.get.bind(local),
    list: local.list.bind(local),
    listHeads: local.listHeads.bind(local),
    firstHeads: local.firstHeads.bind(local),
    ...(local.filterHeads && { filterHeads: local.filterHeads.bind(local) }),
    ...(local.filterChoices && { filterChoices: local.filterChoices.bind(local) }),
    findInProgress: local.findInProgress.bind(local),
    getSettings: local.getSettings.bind(local),
    updateSettings: local.updateSettings.bind(local),
    rememberTrainee: local.rememberTrainee.bind(local),
    clearAttempts: local.clearAttempts.bind(local),
    deleteTrainee: local.deleteTrainee.bind(local),
    forgetTrainee: local.forgetTrainee.bind(local),
    markExported: local.markExported.bind(local),
    requestPersistence: local.requestPersistence.bind(local),
    estimate: local.estimate.bind(local),
    close: local.close.bind(local),
    get loss() {
      return local.loss;
    },
    get gone() {
      return local.gone;
    },
  };
}
