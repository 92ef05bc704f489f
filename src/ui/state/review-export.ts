// The review screens' exports: every attempt as JSON (read fresh from the store, since another tab may
// have saved a call since the page opened), and the attempts shown as CSV.
import type { AttemptStore, Settings } from '../../core/ports/index.ts';
import { attemptsCsv, buildExport, statementsCsv } from '../../core/review/index.ts';

/** Saves a file for the user (a download in the browser). */
export type SaveFile = (filename: string, text: string, type: string) => void;

const stamp = (now: Date): string => now.toISOString().slice(0, 19).replace(/[:T]/g, '-');

/** Saves every attempt as one JSON file; returns the settings with the export's date. */
export async function exportAllJson(store: AttemptStore, now: Date, save: SaveFile): Promise<Settings> {
  const text = buildExport(await store.list(), { exportedAt: now.toISOString() });
  save(`verbatim-attempts-${stamp(now)}.json`, text, 'application/json');
  return store.markExported(now.toISOString());
}

/** Saves the attempts with these ids as CSV: one row per attempt, or one per statement result. */
export async function exportShownCsv(
  store: AttemptStore,
  ids: readonly string[],
  kind: 'attempts' | 'statements',
  now: Date,
  save: SaveFile,
): Promise<void> {
  const shown = new Set(ids);
  const rows = (await store.list()).filter((a) => shown.has(a.id));
  const text = kind === 'attempts' ? attemptsCsv(rows) : statementsCsv(rows);
  save(`verbatim-${kind}-${stamp(now)}.csv`, text, 'text/csv');
}
