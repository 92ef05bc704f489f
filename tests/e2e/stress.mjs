// `npm run test:stress [-- N]`: runs the whole browser suite N times in a row (default 5, or
// STRESS_RUNS) against the build in dist/, with one core kept busy by a child process, as on a
// loaded two-core CI machine. Stops at the first failing run and prints what failed; prints each
// run's time and timing figures. The busy child is always ended: when this script ends, on Ctrl+C,
// and by itself if this script dies without ending it.
import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const runner = fileURLToPath(new URL('./run.mjs', import.meta.url));
const runs = Number(process.argv[2] ?? process.env.STRESS_RUNS ?? 5);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`The number of runs must be a whole number of at least 1, not "${process.argv[2]}".`);
  process.exit(2);
}

// Spins one core. Checks now and then that its parent is still there, and ends if it is not.
const BUSY = `const parent = process.ppid;
for (let i = 1; ; i++) {
  if (i % 50_000_000 === 0 && process.ppid !== parent) process.exit(0);
}`;

function keepOneCoreBusy() {
  const child = spawn(process.execPath, ['-e', BUSY], { stdio: 'ignore' });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.on('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      stop();
      process.exit(130);
    });
  }
  return { pid: child.pid, stop };
}

/** One run of the suite, its output also written to `log` as it comes; resolves to { ok, output, seconds }. */
function runSuite(log) {
  const started = Date.now();
  writeFileSync(log, '');
  return new Promise((done) => {
    const child = spawn(process.execPath, [runner, '--test-reporter=spec'], {
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let output = '';
    const collect = (d) => {
      output += d;
      appendFileSync(log, d);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('close', (code) => done({ ok: code === 0, output, seconds: (Date.now() - started) / 1000 }));
  });
}

const count = (output, what) => output.match(new RegExp(`^ℹ ${what} (\\d+)`, 'm'))?.[1] ?? '?';
/** The timing figures the tests report (speech-to-feedback, the review benchmark). */
const figures = (output) =>
  output
    .split('\n')
    .filter((l) => /final result -> feedback|review benchmark/.test(l))
    .map((l) => `    ${l.replace(/^\s*ℹ\s*/, '').trim()}`);
/** The spec reporter's closing list of failures, or the whole output if there is none. */
const failures = (output) => {
  const at = output.indexOf('✖ failing tests:');
  return at >= 0 ? output.slice(at) : output;
};

const busy = keepOneCoreBusy();
console.log(`Browser suite ${runs} times, one core kept busy (pid ${busy.pid}).`);
const logs = mkdtempSync(join(tmpdir(), 'verbatim-stress-'));
let failed = false;
try {
  for (let i = 1; i <= runs; i++) {
    const log = join(logs, `run-${i}.log`);
    console.log(`run ${i}/${runs} started (progress: tail -f ${log})`);
    const { ok, output, seconds } = await runSuite(log);
    const tally = `${count(output, 'pass')} passed, ${count(output, 'fail')} failed`;
    console.log(`run ${i}/${runs}: ${ok ? 'ok' : 'FAILED'}, ${tally}, ${seconds.toFixed(0)} s`);
    for (const line of figures(output)) console.log(line);
    if (!ok) {
      console.log(`\nRun ${i} failed:\n${failures(output)}`);
      failed = true;
      break;
    }
  }
} finally {
  busy.stop();
}
if (!failed) console.log(`All ${runs} runs passed.`);
process.exit(failed ? 1 : 0);
