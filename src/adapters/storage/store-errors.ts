// Failed writes, in plain words. Every write goes through `guard`: a caller either gets its result
// or one of these errors, whose message can be shown to the trainee or coach as it is.
import { messageOf } from '../../core/message-of.ts';

/** A failed write in plain words: one of the errors below, whose message is shown as it is. */
class StoreError extends Error {
  constructor(name: string, message: string, cause?: unknown) {
    super(message, { cause });
    this.name = name;
  }
}

/** A write failed because the browser's storage for this site is full. */
export class StorageFullError extends StoreError {
  constructor(cause?: unknown) {
    const message =
      'This computer has run out of space for saved calls. Export the attempts (Review, Export), then clear old ones or free disk space. Nothing was saved from the last change.';
    super('StorageFullError', message, cause);
  }
}

/** The database was closed or deleted under the app (the browser cleared the site's data). */
export class StorageGoneError extends StoreError {
  constructor(cause?: unknown) {
    const message =
      'The saved calls on this computer are no longer there: the browser has removed this site’s storage. Nothing was saved from the last change. Reload the page; attempts exported before can be imported again.';
    super('StorageGoneError', message, cause);
  }
}

/** Any other failed write: the browser's own reason, with what it means for the user. */
export class StorageWriteError extends StoreError {
  constructor(cause?: unknown) {
    const message = `This change could not be saved on this computer (${messageOf(cause)}). Nothing was saved from it.`;
    super('StorageWriteError', message, cause);
  }
}

/** An import that would leave a record the review pages cannot show: nothing was written. */
export class ImportRefusedError extends StoreError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('ImportRefusedError', problems.join(' '));
    this.problems = problems;
  }
}

const nameOf = (e: unknown): unknown => (e as { name?: unknown } | null)?.name;

export function isQuotaError(e: unknown): boolean {
  const name = nameOf(e);
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

/** The connection was closed (the database deleted, or the browser shut it). */
const isGoneError = (e: unknown): boolean => nameOf(e) === 'InvalidStateError';

/** Runs a write; any failure becomes one of the errors above, so it always says what happened. */
export async function guard<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (e instanceof StoreError) throw e;
    if (isQuotaError(e)) throw new StorageFullError(e);
    if (isGoneError(e)) throw new StorageGoneError(e);
    throw new StorageWriteError(e);
  }
}
