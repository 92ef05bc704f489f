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
  // Best end: the fewest deviations; on a tie the longer stretch, so a word said at the end is credited.
  const last = n * width;
  let end = 0;
  let best = d[last] as number;
  for (let j = 1; j <= m; j++) {
    const v = d[last + j] as number;
    if (v <= best) {
      best = v;
      end = j;
    }
  }
  const steps: Alignment['steps'] = [];
  for (let j = m; j > end; j--) steps.push({ type: 'ins', s: n, a: j - 1, free: true });
  let i = n;
  let j = end;
  while (i > 0) {
    const here = d[i * width + j] as number;
    if (j > 0) {
      const same = script[i - 1] === attempt[j - 1];
      const diag = d[(i - 1) * width + j - 1] as number;
      if (same && diag === here) {
        steps.push({ type: 'match', s: i - 1, a: j - 1, free: false });
        i--;
        j--;
        continue;
      }
      if ((d[(i - 1) * width + j] as number) + 1 === here) {
        steps.push({ type: 'del', s: i - 1, a: j, free: false });
        i--;
        continue;
      }
      if ((d[i * width + j - 1] as number) + 1 === here) {
        steps.push({ type: 'ins', s: i, a: j - 1, free: false });
        j--;
        continue;
      }
      steps.push({ type: 'sub', s: i - 1, a: j - 1, free: false });
      i--;
      j--;
      continue;
    }
    steps.push({ type: 'del', s: i - 1, a: 0, free: false });
    i--;
  }
  const start = j;
  for (; j > 0; j--) steps.push({ type: 'ins', s: 0, a: j - 1, free: true });
  steps.reverse();
  return { steps, cost: best, start, end };
}
