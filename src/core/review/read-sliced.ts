// Reading a large attempts file without holding the page: the same checks as readAttemptsFile, done
// in slices. The file's "attempts" list is cut into one text per attempt by a scanner that can stop
// anywhere, each attempt is parsed and checked on its own, and between slices the caller hands the
// page back to the browser and shows how far it has got. A file the scanner cannot cut cleanly (not
// an export, or broken JSON) is read whole by readAttemptsFile, so it gets the same error.
import { AttemptSchema, type ReviewAttempt } from './schema.ts';
import { describePath, parseExport, type ParseResult } from './export-format.ts';
import { attemptProblems } from './invariants.ts';
import { MAX_LISTED, readAttemptsFile, tooBig } from './import-file.ts';
import { REVIEW_LIMITS } from './limits.ts';
import { piecesOf, type TextSource } from './piece-text.ts';

/** How the caller slices the work: whether the current slice is used up, and how to pause. */
export interface Slicing {
  /** True when the current slice has run long enough; the reader then calls `pause`. */
  due: () => boolean;
  /** Hands the page back (and starts a new slice). */
  pause: () => Promise<void>;
  /** How far the reading has got: attempts checked out of the attempts in the file. */
  progress?: (done: number, total: number) => void;
}

interface Split {
  /** The file with its "attempts" list emptied: the header, read by parseExport. */
  header: string;
  /** Each attempt's text. */
  items: string[];
}

// Characters scanned between two looks at the clock: a look costs more than a character.
const SCAN_STRIDE = 1 << 16;
const [QUOTE, BACKSLASH, COMMA, BRACKET] = ['"', '\\', ',', '['].map((c) => c.charCodeAt(0));
const OPENERS = new Set(['{', '['].map((c) => c.charCodeAt(0)));
const CLOSERS = new Set(['}', ']'].map((c) => c.charCodeAt(0)));

/**
 * Cuts the top-level "attempts" list into one text per attempt; null when the text is not one JSON
 * object holding exactly one such list (the whole-file reader then says what is wrong).
 */
// long: one pass of a hand-written scanner over up to 32 MB; split into calls it runs slower per character.
async function splitAttempts(text: TextSource, slicing: Slicing): Promise<Split | null> {
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let key = '';
  let list: { start: number; end: number } | null = null;
  let inList = false;
  let itemStart = 0;
  const items: string[] = [];
  const cut = (end: number) => {
    const item = text.slice(itemStart, end).trim();
    if (item) items.push(item);
  };
  let look = 0;
  let escaped = false;
  let offset = 0;
  // Piece by piece: a character of a plain string is read several times faster than through PieceText.
  for (const piece of piecesOf(text)) {
    for (let j = 0; j < piece.length; j++) {
      const i = offset + j;
      if (i >= look) {
        look = i + SCAN_STRIDE;
        if (slicing.due()) await slicing.pause();
      }
      const c = piece.charCodeAt(j);
      if (inString) {
        if (escaped) escaped = false;
        else if (c === BACKSLASH) escaped = true;
        else if (c === QUOTE) {
          inString = false;
          if (depth === 1) key = text.slice(stringStart + 1, i);
        }
      } else if (c === QUOTE) {
        inString = true;
        stringStart = i;
      } else if (OPENERS.has(c)) {
        depth++;
        if (depth === 2 && key === 'attempts' && c === BRACKET) {
          if (list) return null;
          list = { start: i + 1, end: -1 };
          inList = true;
          itemStart = i + 1;
        }
      } else if (CLOSERS.has(c)) {
        if (depth === 2 && inList) {
          cut(i);
          list!.end = i;
          inList = false;
        }
        depth--;
        if (depth < 0) return null;
      } else if (c === COMMA && inList && depth === 2) {
        cut(i);
        itemStart = i + 1;
      } else if (depth === 0 && c > 0x20) return null;
    }
    offset += piece.length;
  }
  if (depth !== 0 || inString || !list || list.end < 0) return null;
  return { header: text.slice(0, list.start) + text.slice(list.end), items };
}

/**
 * Each attempt parsed and checked against the schema, then against the invariants the pages rely on;
 * the problems (the schema's first, as readAttemptsFile gives them), or null for text that is not JSON.
 */
async function checkEach(
  items: readonly string[],
  slicing: Slicing,
): Promise<{ attempts: ReviewAttempt[]; errors: string[] } | null> {
  const attempts: ReviewAttempt[] = [];
  const shape: string[] = [];
  const broken: string[] = [];
  const ids = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (slicing.due()) {
      slicing.progress?.(i, items.length);
      await slicing.pause();
    }
    let raw: unknown;
    try {
      raw = JSON.parse(item);
    } catch {
      return null;
    }
    const parsed = AttemptSchema.safeParse(raw);
    if (!parsed.success) {
      const holder = Object.assign([], { [i]: raw });
      for (const issue of parsed.error.issues)
        shape.push(`${describePath(['attempts', i, ...issue.path], holder)}: ${issue.message}.`);
      if (shape.length > MAX_LISTED) break;
      continue;
    }
    const a = parsed.data;
    if (ids.has(a.id)) shape.push(`Attempt id ${JSON.stringify(a.id)} appears more than once in the file.`);
    ids.add(a.id);
    for (const p of attemptProblems(a)) broken.push(`Attempt ${i + 1} (id ${JSON.stringify(a.id)}): ${p}.`);
    attempts.push(a);
  }
  slicing.progress?.(items.length, items.length);
  return { attempts, errors: shape.length ? shape : broken };
}

const listed = (errors: string[]): ParseResult => ({
  ok: false,
  errors:
    errors.length > MAX_LISTED
      ? [...errors.slice(0, MAX_LISTED), `…and more problems after these ${MAX_LISTED}.`]
      : errors,
});

/**
 * readAttemptsFile's checks, in slices: the same file is accepted or refused, with the same words. A
 * file the scanner cannot cut (not an export, broken JSON) is joined into one string and read whole.
 */
export async function readAttemptsFileSliced(text: TextSource, slicing: Slicing): Promise<ParseResult> {
  if (text.length > REVIEW_LIMITS.maxFileBytes) return { ok: false, errors: [tooBig(text.length)] };
  const whole = () => readAttemptsFile(typeof text === 'string' ? text : text.slice(0));
  const split = await splitAttempts(text, slicing);
  if (!split) return whole();
  const head = parseExport(split.header);
  if (!head.ok) return head;
  if (split.items.length > REVIEW_LIMITS.maxAttempts)
    return {
      ok: false,
      errors: [
        `The file holds ${split.items.length} attempts; an import takes at most ${REVIEW_LIMITS.maxAttempts}. Import it in parts.`,
      ],
    };
  const checked = await checkEach(split.items, slicing);
  if (!checked) return whole();
  if (checked.errors.length) return listed(checked.errors);
  return { ok: true, file: { ...head.file, attempts: checked.attempts } };
}
