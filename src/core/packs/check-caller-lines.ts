// Checks on what the caller says: placeholders a line may hold (only the PIN digits of pin-digits.ts),
// and a state whose line has the caller hang up while the call goes on must say so with `hangsUp:
// true`, which is what the call screen reads to prompt the trainee for what they do next.
import type { PathSegment } from './pack-errors.ts';
import type { ScenarioSpec } from './pack-schema.ts';
import { PIN_PLACEHOLDERS, unknownPlaceholders } from './pin-digits.ts';

/** A stage direction that the caller has gone: "(The caller hangs up.)", "(The line goes dead.)". */
export const HANG_UP_DIRECTION = /\((?:the )?(?:caller|client) hangs up|\((?:the )?line (?:goes|is) dead/i;

export function checkCallerLines(
  s: ScenarioSpec,
  at: PathSegment[],
  out: { path: PathSegment[]; message: string }[],
): void {
  const err = (path: PathSegment[], message: string) => out.push({ path: [...at, ...path], message });
  const lines = (path: PathSegment[], list: readonly string[] | undefined) =>
    list?.forEach((line, i) => {
      for (const p of unknownPlaceholders(line)) {
        err(
          [...path, i],
          `unknown placeholder ${p}: a caller line may hold only ${PIN_PLACEHOLDERS.join(' and ')}`,
        );
      }
    });
  lines(['clarify'], s.clarify);
  lines(['deadAir', 'prompts'], s.deadAir.prompts);
  s.critical.forEach((c, i) => lines(['critical', i, 'reply'], c.reply));
  for (const [id, st] of Object.entries(s.states)) {
    const p: PathSegment[] = ['states', id];
    lines([...p, 'caller'], st.caller);
    lines([...p, 'clarify'], st.clarify);
    lines([...p, 'deadAir', 'prompts'], st.deadAir?.prompts);
    st.on.forEach((t, i) => lines([...p, 'on', i, 'reply'], t.reply));
    st.critical.forEach((c, i) => lines([...p, 'critical', i, 'reply'], c.reply));
    if (st.hangsUp !== true && st.caller.some((line) => HANG_UP_DIRECTION.test(line))) {
      err(
        [...p, 'caller'],
        'the caller hangs up here but the call goes on: add `hangsUp: true` to this state, so the screen asks the trainee what they do next',
      );
    }
  }
  for (const [id, ending] of Object.entries(s.endings)) {
    if (ending.caller !== undefined) lines(['endings', id, 'caller'], [ending.caller]);
  }
}
