/** What a CLI command may do to the outside world; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** The whole of standard input. */
  stdin(): Promise<string>;
}

export type Command = (args: string[], io: CliIo) => Promise<number>;

// Control characters a terminal acts on (ESC starts escape sequences that can rewrite the screen or
// the title, BEL rings), and the bidi controls that reorder what is shown. Tabs and newlines stay.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from packs, transcripts and files as it may safely reach a terminal. */
export const printable = (text: string): string => text.replace(UNPRINTABLE, '');

/** The same io with every line made printable. */
export const printableIo = (io: CliIo): CliIo => ({
  out: (line) => io.out(printable(line)),
  err: (line) => io.err(printable(line)),
  stdin: io.stdin,
});
