// Failed writes, in plain words. Every write goes through `guard`: a caller either gets its result
// or one of these errors, whose message can be shown to the trainee or coach as it is.
import { messageOf } from '../../core/message-of.ts';

/** A write failed because the browser's storage for this site is full. */
export class StorageFullError extends Error {
  constructor(cause?: unknown) {
    super(
      'This computer has run out of space for saved calls. Export the attempts (Review, Export), then clear old ones or free disk space. Nothing was saved from the last change.',
      { cause },
    );
    this.name = 'StorageFullError';
  }
}

/** The database was closed or deleted under the app (the browser cleared the site's data). */
export class StorageGoneError extends Error {
  constructor(cause?: unknown) {
    super(
      'The saved calls on this computer are no longer there: the browser has removed this site’s storage. Nothing was saved from the last change. Reload the page; attempts exported before can be imported again.',
      { cause },
    );
    this.name = 'StorageGoneError';
  }
}

/** Any other failed write: the browser's own reason, with what it means for the user. */
export class StorageWriteError extends Error {
  constructor(cause?: unknown) {
    const reason = messageOf(cause);
    super(`This change could not be saved on this computer (${reason}). Nothing was saved from it.`, {
      cause,
    });
    this.name = 'StorageWriteError';
  }
}

/** An import that would leave a record the review pages cannot show: nothing was written. */
export class ImportRefusedError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join(' '));
    this.name = 'ImportRefusedError';
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
    if (
      e instanceof StorageFullError ||
      e instanceof StorageGoneError ||
      e instanceof StorageWriteError ||
      e instanceof ImportRefusedError
    )
      throw e;
    if (isQuotaError(e)) throw new StorageFullError(e);
    if (isGoneError(e)) throw new StorageGoneError(e);
    throw new StorageWriteError(e);
  }
}
