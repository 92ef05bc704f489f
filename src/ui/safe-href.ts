// Links from packs and imported files: only `https:` addresses become links.

/** A link only for `https:` addresses; anything else (javascript:, data:, http:) is shown as text. */
export function safeHref(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
