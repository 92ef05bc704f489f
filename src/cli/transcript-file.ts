// A trainee's turns from a file: a JSON list of turns, a JSON object holding them (which may name its
// scenario and the ending and verdict it should reach), or a .txt file with one turn a line. Size, turn
// and length limits are checked before anything is replayed.
import { readFileSync, statSync } from 'node:fs';
import type { TraineeTurn } from '../core/session/index.ts';
import { z } from '../core/zod.ts';
import { parseJson } from '../core/parse-json.ts';

const MAX_TRANSCRIPT_BYTES = 512_000;
/** Turns in one transcript, whatever its format: far more than any scenario's call takes. */
export const MAX_TURNS = 500;
/** Characters in one turn: a long paragraph, well past any statement. */
export const MAX_TURN_CHARS = 5000;

const TurnSchema = z.strictObject({
  text: z.string().max(MAX_TURN_CHARS).optional(),
  silenceBefore: z.number().min(0).max(3600).optional(),
  alternatives: z
    .array(
      z.strictObject({
        text: z.string().max(MAX_TURN_CHARS),
        confidence: z.number().min(0).max(1).optional(),
      }),
    )
    .max(10)
    .optional(),
  source: z.enum(['typed', 'voice']).optional(),
});
/** The ending and verdict a labelled call should reach (golden and calibration files; other keys are theirs). */
const ExpectSchema = z.looseObject({
  ending: z.string(),
  passed: z.boolean(),
  criticalErrors: z.array(z.string()).optional(),
});
export type Expectation = z.infer<typeof ExpectSchema>;
/**
 * A transcript is a list of turns, or an object holding one; the object may name its scenario and what
 * the call should come to (golden and calibration files).
 */
const TranscriptSchema = z.union([
  z
    .array(TurnSchema)
    .max(MAX_TURNS)
    .transform((turns) => ({ turns, scenario: undefined, expect: undefined })),
  z.looseObject({
    turns: z.array(TurnSchema).max(MAX_TURNS),
    scenario: z.string().max(200).optional(),
    expect: ExpectSchema.optional(),
  }),
]);

export interface Transcript {
  turns: TraineeTurn[];
  scenario?: string;
  expect?: Expectation;
}

/** The turns in FILE, with the scenario and expectation a JSON object names; or why it cannot be used. */
export function readTranscript(
  file: string,
): { ok: true; transcript: Transcript } | { ok: false; message: string } {
  let text: string;
  try {
    if (statSync(file).size > MAX_TRANSCRIPT_BYTES)
      return { ok: false, message: `the transcript is over ${MAX_TRANSCRIPT_BYTES} bytes` };
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  if (/\.txt$/i.test(file)) {
    const read = readTextTranscript(text);
    return read.ok ? { ok: true, transcript: { turns: read.turns } } : read;
  }
  const json = parseJson(text);
  if (!json.ok) return { ok: false, message: `not valid JSON (${json.reason})` };
  const parsed = TranscriptSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `not a transcript: ${issue.path.join('.') || '(file)'}: ${issue.message}` };
  }
  const { turns, scenario, expect } = parsed.data;
  return {
    ok: true,
    transcript: {
      turns: turns.map((t) => ({ ...t })),
      ...(scenario === undefined ? {} : { scenario }),
      ...(expect === undefined ? {} : { expect }),
    },
  };
}

/** A .txt transcript: one turn per line; "..." or "(silence N)" is dead air. Same limits as JSON. */
function readTextTranscript(
  text: string,
): { ok: true; turns: TraineeTurn[] } | { ok: false; message: string } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length > MAX_TURNS)
    return {
      ok: false,
      message: `the transcript has ${lines.length} turns; a transcript can have at most ${MAX_TURNS}`,
    };
  const long = lines.findIndex((l) => l.trim().length > MAX_TURN_CHARS);
  if (long >= 0)
    return {
      ok: false,
      message: `turn ${long + 1} is over ${MAX_TURN_CHARS} characters; say one turn per line`,
    };
  const turns = lines.map((l): TraineeTurn => {
    const m = /^\s*(?:\.\.\.|\(silence(?:\s+(\d+(?:\.\d+)?))?\))\s*$/.exec(l);
    if (m) return m[1] === undefined ? {} : { silenceBefore: Number(m[1]) };
    return { text: l.trim() };
  });
  return { ok: true, turns };
}
