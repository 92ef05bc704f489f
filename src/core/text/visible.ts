// Checks on text people type or import that the app shows to others (names, titles): it must have a
// character a reader can see, and it must not carry direction overrides that would reorder what is
// shown next to it. Shared by the pack schema and the attempts schema.

/**
 * Characters that draw nothing: white space, zero-width and joiner characters, direction marks and
 * overrides, the word joiner and invisible operators, the byte-order mark, variation selectors,
 * soft hyphen, combining grapheme joiner, Hangul fillers and tag characters.
 */
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- each listed character stands alone, none combines here
  /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;

/** Control characters other than tab, line feed and carriage return (ESC, BEL, NUL, DEL, C1). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** Embeddings, overrides and isolates: a name never needs them and they can reverse what follows. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** True when the text has at least one character that draws something. */
export function hasVisibleCharacter(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/** Why a one-line name or title cannot be shown as it is, or null when it can. */
export function displayTextProblem(text: string): string | null {
  if (!hasVisibleCharacter(text)) return 'has no visible character';
  if (CONTROL.test(text)) return 'contains a control character';
  if (BIDI_CONTROL.test(text)) return 'contains a text-direction override';
  return null;
}

/** Strips control characters a terminal would act on (ESC, BEL and the rest), keeping tab and new lines. */
export function stripControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu, '');
}
