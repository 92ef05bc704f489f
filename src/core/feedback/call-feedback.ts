// The feedback on a whole call: what was expected, what was said, what it counted for. The debrief, the
// review attempt page and the CLI all draw from this one model, so they say the same thing in the same
// words, and every "Not passed" carries its reasons.
import type { ScoreResult, Verdict } from '../scoring/types.ts';
import type { CallEnding, CallReport, MoveOutcome, StatementOutcome } from '../session/types.ts';
import {
  explainResult,
  madeAt,
  madeLate,
  MISSED_LABEL,
  NOT_SAID_LABEL,
  theTitle,
  VERDICT_LABEL,
} from './words.ts';

export interface OutcomeFeedback {
  passed: boolean;
  label: 'Passed' | 'Not passed';
  scoreLine: string;
  /** Why the call passed or did not: shown next to the score. */
  reasons: string[];
}

export interface StatementRow {
  scriptId: string;
  title: string;
  required: boolean;
  /** The verdict of the best attempt, or null when never attempted. */
  verdict: Verdict | null;
  label: string;
  score: number | null;
  turnIndex: number | null;
  /** Whether it earned credit towards the score. */
  counted: boolean;
  explanation: string;
  result: ScoreResult | null;
}

export interface MoveRow {
  intentId: string;
  label: string;
  status: 'made' | 'late' | 'missed';
  statusLabel: string;
}

export interface CallFeedback {
  outcome: OutcomeFeedback;
  ending: CallEnding | null;
  /** What to do differently next time, most serious first. */
  improvements: string[];
  criticalErrors: string[];
  statements: StatementRow[];
  moves: MoveRow[];
}

export function outcomeOf(r: CallReport): OutcomeFeedback {
  const scoreLine = `Score ${r.score}% (pass mark ${r.passMark}%)`;
  if (r.passed) {
    const reasons = [
      `The call ended on “${r.ending?.title ?? ''}” with no critical error, and the score meets the pass mark.`,
    ];
    return { passed: true, label: 'Passed', scoreLine, reasons };
  }
  const reasons: string[] = [];
  if (!r.ended) reasons.push('The call did not reach an ending.');
  const n = r.criticalErrors.length;
  if (n > 0) {
    const which = n === 1 ? 'A critical error fails' : `${n} critical errors fail`;
    const even = r.score >= r.passMark ? `, even at ${r.score}%` : '';
    reasons.push(`${which} the call whatever the score${even}.`);
  }
  if (r.ending?.outcome === 'fail')
    reasons.push(`The call ended on “${r.ending.title}”, which fails the call.`);
  if (r.score < r.passMark) reasons.push(`The score, ${r.score}%, is below the pass mark of ${r.passMark}%.`);
  return { passed: false, label: 'Not passed', scoreLine, reasons };
}

export function statementRow(s: StatementOutcome): StatementRow {
  const r = s.result;
  const counted = r !== null && r.verdict !== 'fail' && s.note === undefined;
  const base = { scriptId: s.scriptId, title: s.title, required: s.required, turnIndex: s.turnIndex };
  if (r === null) {
    const explanation = s.required
      ? 'Required on this call, and never said.'
      : 'Not needed on this call, and not said.';
    return { ...base, verdict: null, label: NOT_SAID_LABEL, score: null, counted, explanation, result: null };
  }
  const explanation = s.note === undefined ? explainResult(r) : `${explainResult(r)} ${s.note}`;
  return {
    ...base,
    verdict: r.verdict,
    label: VERDICT_LABEL[r.verdict],
    score: r.score,
    counted,
    explanation,
    result: r,
  };
}

export function moveRow(m: MoveOutcome): MoveRow {
  const base = { intentId: m.intentId, label: m.label };
  if (m.made) return { ...base, status: 'made', statusLabel: madeAt(m.turnIndex!) };
  if (m.turnIndex !== null && m.withinTurns !== null)
    return { ...base, status: 'late', statusLabel: madeLate(m.turnIndex, m.withinTurns) };
  return { ...base, status: 'missed', statusLabel: MISSED_LABEL };
}

function improvements(r: CallReport, statements: StatementRow[], moves: MoveRow[]): string[] {
  const out = r.criticalErrors.map((e) => `${e.message} (turn ${e.turnIndex + 1})`);
  for (const s of statements) {
    if (!s.required || s.verdict === 'exact') continue;
    const within = r.statements.find((x) => x.scriptId === s.scriptId)?.withinTurns;
    if (s.verdict === null)
      out.push(
        `Say ${theTitle(s.title)} word for word${within ? ` within your first ${within} turns` : ''}.`,
      );
    else out.push(`${s.title}: ${s.explanation}`);
  }
  r.moves.forEach((m, i) => {
    const row = moves[i]!;
    if (row.status === 'late') out.push(`${m.label}: ${row.statusLabel}. Do it sooner.`);
    else if (row.status === 'missed' && m.required) out.push(`${m.label}: missed.`);
  });
  return out;
}

export function callFeedback(r: CallReport): CallFeedback {
  const statements = r.statements.map(statementRow);
  const moves = r.moves.map(moveRow);
  return {
    outcome: outcomeOf(r),
    ending: r.ending,
    improvements: improvements(r, statements, moves),
    criticalErrors: r.criticalErrors.map((e) => `${e.message} (turn ${e.turnIndex + 1})`),
    statements,
    moves,
  };
}
