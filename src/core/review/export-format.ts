// The export file: versioned so an older app refuses a newer file plainly instead of misreading it.
import { z } from '../zod.ts';
import { AttemptSchema, type ReviewAttempt } from './schema.ts';
import { parseJson } from '../parse-json.ts';
import { REVIEW_LIMITS } from './limits.ts';

export const EXPORT_FORMAT = 'verbatim-attempts';
export const EXPORT_VERSION = 1;

const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  attempts: z.array(AttemptSchema).max(REVIEW_LIMITS.maxAttempts),
});

export type ExportFile = z.infer<typeof ExportFileSchema>;

export type ParseResult = { ok: true; file: ExportFile } | { ok: false; errors: string[] };

export interface ExportOptions {
  exportedAt: string;
}

/** The file's text: every field of every attempt, note and dispute, in a stable order (oldest first). */
export function buildExport(attempts: readonly ReviewAttempt[], opts: ExportOptions): string {
  const sorted = [...attempts].sort((a, b) => compare(a.startedAt, b.startedAt) || compare(a.id, b.id));
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: opts.exportedAt,
    attempts: sorted,
  };
  return JSON.stringify(file, null, 2);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Where an issue is, in words: "Attempt 2 (id \"x\"), field \"mode\"" (`attempts`: the file's list). */
export function describePath(path: readonly PropertyKey[], attempts: unknown): string {
  if (path.length === 0) return 'The file';
  const parts: string[] = [];
  if (path[0] === 'attempts' && typeof path[1] === 'number') {
    const attempt = Array.isArray(attempts)
      ? (attempts[path[1]] as Record<string, unknown> | undefined)
      : undefined;
    const id = attempt && typeof attempt.id === 'string' ? ` (id ${JSON.stringify(attempt.id)})` : '';
    parts.push(`Attempt ${path[1] + 1}${id}`);
    const rest = path.slice(2).map(String);
    if (rest.length) parts.push(`field "${rest.join('.')}"`);
  } else {
    parts.push(`Field "${path.map(String).join('.')}"`);
  }
  return parts.join(', ');
}

/** Reads an export file's text. Returns every problem, each naming the attempt and field. */
export function parseExport(text: string): ParseResult {
  const json = parseJson(text);
  if (!json.ok) return { ok: false, errors: [`The file is not valid JSON (${json.reason}).`] };
  const raw = json.value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: ['The file is not a Verbatim export: it holds no export header.'] };
  }
  const head = raw as Record<string, unknown>;
  if (head.format !== EXPORT_FORMAT) {
    return {
      ok: false,
      errors: ['The file is not a Verbatim attempts export (its "format" is missing or different).'],
    };
  }
  if (typeof head.version !== 'number' || !Number.isInteger(head.version) || head.version < 1) {
    return { ok: false, errors: ['The file has no valid format version.'] };
  }
  if (head.version > EXPORT_VERSION) {
    return {
      ok: false,
      errors: [
        `The file is from a newer version of Verbatim (format version ${head.version}); this version reads up to version ${EXPORT_VERSION}. Update Verbatim on this machine, then import again.`,
      ],
    };
  }
  const parsed = ExportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map(
      (issue) => `${describePath(issue.path, head.attempts)}: ${issue.message}.`,
    );
    return { ok: false, errors };
  }
  const seen = new Set<string>();
  const dupes: string[] = [];
  for (const a of parsed.data.attempts) {
    if (seen.has(a.id)) dupes.push(`Attempt id ${JSON.stringify(a.id)} appears more than once in the file.`);
    seen.add(a.id);
  }
  if (dupes.length) return { ok: false, errors: dupes };
  return { ok: true, file: parsed.data };
}
