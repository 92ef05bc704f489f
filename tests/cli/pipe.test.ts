// The command line piped into a reader that stops early (`eval | head -1`) ends quietly, with no stack trace.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('output piped into a reader that stops early', () => {
  it('ends with code 0 and nothing on standard error', async () => {
    const child = spawn('npx', ['tsx', 'src/cli/main.ts', 'eval', '--lexical'], { stdio: 'pipe' });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    // The reader takes the first chunk of output and goes away, as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(err).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
    // Starting npx and tsx takes seconds on a busy two-core machine, as in limits.test.ts.
  }, 60_000);
});
