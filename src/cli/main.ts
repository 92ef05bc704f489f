// The Node shell: reads files and standard input, hands data to the core, prints results.
import { printableIo, type CliIo, type Command } from './io.ts';
import { messageOf } from '../core/message-of.ts';

const USAGE = `Usage: npm run -s cli -- <command> [options]

  score --script ID [--version V] "TEXT"      score one attempt, readable
  score --jsonl                               score JSON Lines {"id","script","text"} from stdin
  match --intents FILE --jsonl                match JSON Lines {"id","text"} from stdin
  validate PATH...                            validate scenario packs (files or folders)
  play [PACK] [--scenario ID] --transcript FILE [--json] [--lexical]
                                              play a scenario from a transcript; PACK: a file
                                              or folder (scenarios); the scenario and the
                                              expected ending can come from the transcript
  eval [--transcripts DIR]... [--utterances FILE]... [--lexical] [--json]
                                              how well calls and utterances are understood`;

const commands: Record<string, () => Promise<Command>> = {
  score: async () => (await import('./score.ts')).runScore,
  match: async () => (await import('./match.ts')).runMatch,
  validate: async () => (await import('./validate.ts')).runValidate,
  play: async () => (await import('./play.ts')).runPlay,
  eval: async () => (await import('./eval.ts')).runEval,
};

// Output piped into a reader that stops early (`eval | head`) ends the command quietly, as other tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Every line printed is made printable: pack and transcript text can hold terminal control codes.
const io: CliIo = printableIo({
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
});

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = name === undefined ? undefined : commands[name];
  if (load === undefined) {
    io.err(
      name === undefined || name === '--help' || name === '-h'
        ? USAGE
        : `Unknown command "${name}".\n\n${USAGE}`,
    );
    return name === '--help' || name === '-h' ? 0 : 2;
  }
  try {
    return await (
      await load()
    )(args, io);
  } catch (error) {
    // Never a stack trace: a one-line message and a failing exit code.
    io.err(`verbatim ${name}: ${messageOf(error)}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.exitCode = 1;
  },
);
