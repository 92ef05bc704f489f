// JSON text read without a try/catch at every caller: the value, or JSON.parse's own words for why
// the text is not JSON (each caller says which file, in its own words).
import { messageOf } from './message-of.ts';

export type JsonRead = { ok: true; value: unknown } | { ok: false; reason: string };

export function parseJson(text: string): JsonRead {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: messageOf(error) };
  }
}
