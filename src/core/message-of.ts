// One way to turn anything thrown into the plain line shown to a user or written by the CLI.
// Kept in a file of its own so that the first page can import it without the rest of the core.

/** The message of an Error, or the thrown value as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
