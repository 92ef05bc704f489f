// `validate PATH...`: one line per problem, `FILE: path.in.pack: message`; exit 0 only when every pack
// is valid. Warnings (lint) are printed but do not fail. Never a stack trace.
import { formatPackError } from '../core/packs/index.ts';
import type { CliIo } from './io.ts';
import { collectPackFiles, DEFAULT_SCRIPTS_DIR, loadPackFile, loadScriptsFrom } from './pack-files.ts';

const USAGE =
  'Usage: validate [--scripts DIR] PATH...   (pack files, or folders searched for *.yaml, *.yml, *.json)';

export async function runValidate(args: string[], io: CliIo): Promise<number> {
  const paths: string[] = [];
  let scriptsDir = DEFAULT_SCRIPTS_DIR;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--scripts') {
      const dir = args[++i];
      if (dir === undefined) {
        io.err(USAGE);
        return 2;
      }
      scriptsDir = dir;
    } else if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else if (a.startsWith('-')) {
      io.err(`Unknown option "${a}".\n${USAGE}`);
      return 2;
    } else paths.push(a);
  }
  if (paths.length === 0) {
    io.err(USAGE);
    return 2;
  }

  const scripts = loadScriptsFrom(scriptsDir);
  if (!scripts.ok) {
    for (const e of scripts.errors) io.err(formatPackError(e));
    return 1;
  }
  const { files, errors: missing } = collectPackFiles(paths);
  let failed = missing.length;
  for (const e of missing) io.err(formatPackError(e));
  if (files.length === 0 && missing.length === 0) {
    io.err(`${paths.join(', ')}: no pack files found (*.yaml, *.yml, *.json)`);
    return 1;
  }
  for (const file of files) {
    const result = loadPackFile(file, scripts.library);
    if (!result.ok) {
      failed++;
      for (const e of result.errors) io.err(formatPackError(e));
      continue;
    }
    for (const w of result.warnings) io.out(formatPackError(w));
    const n = result.pack.scenarios.size;
    io.out(
      `${file}: ok (${n} scenario${n === 1 ? '' : 's'}${result.warnings.length ? `, ${result.warnings.length} warnings` : ''})`,
    );
  }
  return failed > 0 ? 1 : 0;
}
