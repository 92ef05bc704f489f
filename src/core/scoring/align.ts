/**
 * Word alignment with backtrace (unit costs: the smallest number of left-out, added and replaced words).
 * Semi-global: talk before and after the best-matching stretch of the attempt is free, but every script
 * word is inside it, so a script word left out at the start or end still counts.
 */

export type Step = 'match' | 'sub' | 'ins' | 'del';

export interface Alignment {
  /** Steps in order; 'ins' steps outside the judged stretch are marked free. */
  steps: { type: Step; s: number; a: number; free: boolean }[];
  cost: number;
  /** Judged stretch of the attempt, [start, end) in attempt indices. */
  start: number;
  end: number;
}

let buffer = new Uint16Array(0);

/** Align script ids against attempt ids (ids equal means the same word). Lengths must stay below 65535. */
export function align(script: Int32Array, attempt: Int32Array): Alignment {
  const d = fillTable(script, attempt);
  const { end, best } = bestEnd(d, script.length, attempt.length);
  const { steps, start } = backtrace(d, script, attempt, end);
  return { steps, cost: best, start, end };
}

/** The edit-distance table, row by row, with a free prefix: (n + 1) x (m + 1) cells in a reused buffer. */
function fillTable(script: Int32Array, attempt: Int32Array): Uint16Array {
  const n = script.length;
  const m = attempt.length;
  const width = m + 1;
  const size = (n + 1) * width;
  if (buffer.length < size) buffer = new Uint16Array(Math.max(size, buffer.length * 2));
  const d = buffer;
  for (let j = 0; j <= m; j++) d[j] = 0; // free prefix
  for (let i = 1; i <= n; i++) {
    const row = i * width;
    const prev = row - width;
    const si = script[i - 1];
    d[row] = i;
    // One read per cell: the diagonal and left neighbours are carried in locals.
    let left = i;
    let diagonal = d[prev] as number;
    for (let j = 1; j <= m; j++) {
      const above = d[prev + j] as number;
      let v = si === attempt[j - 1] ? diagonal : diagonal + 1;
      if (above + 1 < v) v = above + 1;
      if (left + 1 < v) v = left + 1;
      d[row + j] = v;
      left = v;
      diagonal = above;
    }
  }
  return d;
}

/** Best end: the fewest deviations; on a tie the longer stretch, so a word said at the end is credited. */
function bestEnd(d: Uint16Array, n: number, m: number): { end: number; best: number } {
  const last = n * (m + 1);
  let end = 0;
  let best = d[last] as number;
  for (let j = 1; j <= m; j++) {
    const v = d[last + j] as number;
    if (v <= best) {
      best = v;
      end = j;
    }
  }
  return { end, best };
}

/** The steps from the table, in order; talk after `end` and before the stretch's start is free. */
function backtrace(
  d: Uint16Array,
  script: Int32Array,
  attempt: Int32Array,
  end: number,
): { steps: Alignment['steps']; start: number } {
  const n = script.length;
  const width = attempt.length + 1;
  const steps: Alignment['steps'] = [];
  for (let j = attempt.length; j > end; j--) steps.push({ type: 'ins', s: n, a: j - 1, free: true });
  let i = n;
  let j = end;
  while (i > 0) {
    const here = d[i * width + j] as number;
    let type: Step = 'del';
    if (j > 0) {
      if (script[i - 1] === attempt[j - 1] && (d[(i - 1) * width + j - 1] as number) === here) type = 'match';
      else if ((d[(i - 1) * width + j] as number) + 1 === here) type = 'del';
      else if ((d[i * width + j - 1] as number) + 1 === here) type = 'ins';
      else type = 'sub';
    }
    if (type === 'ins') steps.push({ type, s: i, a: j - 1, free: false });
    else if (type === 'del') steps.push({ type, s: i - 1, a: j, free: false });
    else steps.push({ type, s: i - 1, a: j - 1, free: false });
    if (type !== 'ins') i--;
    if (type !== 'del') j--;
  }
  const start = j;
  for (; j > 0; j--) steps.push({ type: 'ins', s: 0, a: j - 1, free: true });
  steps.reverse();
  return { steps, start };
}
