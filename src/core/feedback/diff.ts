// A statement attempt as words to show: the script word by word against what was said, with the free
// talk around it. One said word can become two compared words ("you're" -> "you are", "£1000" ->
// "1000 pounds"); both keep the word as said for display, so it is shown once, not twice.
import type { AlignOp, ScoreResult } from '../scoring/types.ts';

export type DiffWord =
  | { kind: 'outside'; said: string }
  | { kind: 'match'; word: string }
  | { kind: 'missing'; script: string }
  | { kind: 'added'; said: string }
  | { kind: 'replaced'; script: string; said: string };

/** Whether `op` continues the same written word as `prev` on one side ("£1000" is "1000 pounds"). */
function continues(prev: AlignOp | undefined, op: AlignOp, side: 'script' | 'said'): boolean {
  const index = side === 'script' ? 'scriptIndex' : 'attemptIndex';
  const word = side === 'script' ? 'scriptWord' : 'saidWord';
  // a word really said twice ("the the") is dropped before alignment, so equal neighbours share a source
  return (
    prev?.[index] !== undefined &&
    op[index] === prev[index] + 1 &&
    op[word] !== undefined &&
    op[word] === prev[word]
  );
}

export function diffWords(result: ScoreResult): DiffWord[] {
  const out: DiffWord[] = [];
  let prevSaid: AlignOp | undefined;
  let prevScript: AlignOp | undefined;
  for (const op of result.ops) {
    const said = continues(prevSaid, op, 'said');
    const scr = continues(prevScript, op, 'script');
    if (op.attemptIndex !== undefined) prevSaid = op;
    if (op.scriptIndex !== undefined) prevScript = op;
    const word = diffWord(op, said, scr);
    if (word !== null) out.push(word);
  }
  return out;
}

function diffWord(op: AlignOp, said: boolean, scr: boolean): DiffWord | null {
  const s = op.scriptWord ?? '';
  const a = op.saidWord ?? '';
  if (!op.judged) return said ? null : { kind: 'outside', said: a || s };
  switch (op.type) {
    case 'match':
      return scr ? null : { kind: 'match', word: s || a };
    case 'del':
      return scr ? null : { kind: 'missing', script: s };
    case 'ins':
      return said ? null : { kind: 'added', said: a };
    case 'sub':
      if (scr && said) return null;
      if (scr) return { kind: 'added', said: a };
      if (said) return { kind: 'missing', script: s };
      return { kind: 'replaced', script: s, said: a };
  }
}

/** A word diff for a terminal: [-left out-], {+added+}, [-script->said+]. Free talk is left out. */
export function formatDiff(result: ScoreResult): string {
  const parts: string[] = [];
  for (const w of diffWords(result)) {
    if (w.kind === 'match') parts.push(w.word);
    else if (w.kind === 'missing') parts.push(`[-${w.script}-]`);
    else if (w.kind === 'replaced') parts.push(`[-${w.script}->${w.said}+]`);
    else if (w.kind === 'added') parts.push(`{+${w.said}+}`);
  }
  return parts.join(' ');
}
