// CSV for spreadsheets. A cell that begins with = + - @ (or a tab or carriage return) would run
// as a formula in Excel: it is prefixed with an apostrophe so it shows as text.
import type { ReviewAttempt } from './schema.ts';
import { effectiveStatementVerdict } from './disputes.ts';

export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutralise(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const row = (cells: (string | number | boolean | null | undefined)[]) => cells.map(csvCell).join(',');

export const ATTEMPT_COLUMNS = [
  'attempt_id',
  'trainee',
  'scenario_id',
  'scenario',
  'pack_id',
  'pack_version',
  'started_at',
  'mode',
  'status',
  'ending',
  'outcome',
  'score',
  'passed',
  'critical_errors',
  'turns',
  'notes',
  'disputes',
  'result_checked',
] as const;

/**
 * A UTF-8 byte-order mark at the start of every CSV file: without it Excel reads the file in the
 * machine's legacy code page and shows "Zoë" as "ZoÃ«".
 */
export const CSV_BOM = '\uFEFF';

/** How far an attempt's result can be trusted, as the review pages say it. */
export function resultChecked(a: Pick<ReviewAttempt, 'notRechecked' | 'imported'>): string {
  if (!a.notRechecked) return a.imported ? 're-checked on import' : 'scored here';
  return a.notRechecked.accepted
    ? `not re-checked, accepted by ${a.notRechecked.accepted.by}`
    : 'not re-checked';
}

export const STATEMENT_COLUMNS = [
  'attempt_id',
  'trainee',
  'scenario_id',
  'started_at',
  'script_id',
  'verdict',
  'score',
  'coach_verdict',
] as const;

/** One row per attempt. Lines end in CRLF, as RFC 4180 asks. */
export function attemptsCsv(attempts: readonly ReviewAttempt[]): string {
  const lines = [ATTEMPT_COLUMNS.join(',')];
  for (const a of attempts) {
    const s = a.summary;
    lines.push(
      row([
        a.id,
        a.trainee,
        a.scenarioId,
        a.scenarioTitle,
        a.packId,
        a.packVersion,
        a.startedAt,
        a.mode,
        a.status,
        s?.ending.title,
        s?.ending.outcome,
        s?.score,
        s?.passed,
        s?.criticalErrors.map((e) => e.message).join('; '),
        a.turns.length,
        a.notes.length,
        a.disputes.length,
        resultChecked(a),
      ]),
    );
  }
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}

/** One row per statement result; `coach_verdict` is set where a dispute was overridden. */
export function statementsCsv(attempts: readonly ReviewAttempt[]): string {
  const lines = [STATEMENT_COLUMNS.join(',')];
  for (const a of attempts) {
    for (const st of a.summary?.statements ?? []) {
      const eff = effectiveStatementVerdict(a, st.scriptId);
      lines.push(
        row([
          a.id,
          a.trainee,
          a.scenarioId,
          a.startedAt,
          st.scriptId,
          st.verdict,
          st.score,
          eff.overridden ? eff.verdict : null,
        ]),
      );
    }
  }
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
