// Links from packs and imported files: only `https:` addresses become links.

/** A link only for plain `https:` addresses; anything else (javascript:, data:, http:, user@host) is text. */
export function safeHref(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    const url = new URL(value.trim());
    // `https://www.gov.uk@evil.example/x` goes to evil.example: an address with a user name or
    // password in it is made to look like another site, so it is shown as text.
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}
