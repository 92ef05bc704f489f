import type { ScoreResult } from '../core/index.ts';

/** A word diff for a terminal: [-left out-], {+added+}, [-script->said+]. Free talk is left out. */
export function formatDiff(result: ScoreResult): string {
  const parts: string[] = [];
  for (const op of result.ops) {
    if (op.type === 'match') parts.push(op.scriptWord ?? '');
    else if (op.type === 'del') parts.push(`[-${op.scriptWord ?? ''}-]`);
    else if (op.type === 'sub') parts.push(`[-${op.scriptWord ?? ''}->${op.saidWord ?? ''}+]`);
    else if (op.judged) parts.push(`{+${op.saidWord ?? ''}+}`);
  }
  return parts.join(' ');
}
