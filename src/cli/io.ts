/** What a CLI command may do to the outside world; tests pass their own. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** The whole of standard input. */
  stdin(): Promise<string>;
}

export type Command = (args: string[], io: CliIo) => Promise<number>;
