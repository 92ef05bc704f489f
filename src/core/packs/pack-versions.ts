// Which of two versions of a pack is newer, and what importing one means: the rules the packs screen
// applies before it installs a file. Pure, so the CLI and tests can apply them too.

/** What happens when a pack with this id and version is imported. */
export type ImportPlan =
  | { kind: 'new' }
  | { kind: 'newer'; installed: string }
  | { kind: 'same'; installed: string }
  | { kind: 'older'; installed: string };

/**
 * Compares dotted versions numerically (`1.10.0` > `1.9.2`); a pre-release (`2.0.0-beta`) sorts
 * before its release. Returns a negative number, zero or a positive number.
 */
export function compareVersions(a: string, b: string): number {
  const split = (v: string) => {
    const [core = '', pre] = v.trim().replace(/^v/i, '').split(/-(.*)/s, 2);
    return { parts: core.split('.').map((p) => Number.parseInt(p, 10) || 0), pre };
  };
  const x = split(a);
  const y = split(b);
  for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return d;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre.localeCompare(y.pre, 'en', { numeric: true });
}

/** Whether an incoming pack is new, replaces an installed one, or is not newer than it. */
export function planImport(
  installed: { version: string } | undefined,
  incoming: { version: string },
): ImportPlan {
  if (!installed) return { kind: 'new' };
  const d = compareVersions(incoming.version, installed.version);
  if (d > 0) return { kind: 'newer', installed: installed.version };
  if (d === 0) return { kind: 'same', installed: installed.version };
  return { kind: 'older', installed: installed.version };
}

/** `yaml` or `json`, from the file name, else from the first character of the text. */
export function formatOf(file: string, text: string): 'yaml' | 'json' {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}
