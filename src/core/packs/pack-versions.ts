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

/** What an installed pack is, for the install rules. */
export interface InstalledPackFacts {
  id: string;
  version: string;
  text: string;
  scenarioIds: readonly string[];
}

/** The one decision every install makes (import and the editor's save alike). */
export type InstallDecision =
  | { kind: 'install' }
  | { kind: 'confirm-replace'; installed: string }
  | { kind: 'unchanged' }
  | { kind: 'refuse'; path: string; message: string };

/**
 * The install rules, whoever installs: a pack's scenarios are its own (scenario identity is the pack
 * id and the scenario id, so no pack may bring a scenario id another installed pack has); a pack
 * replaces an installed one only with a newer version, after confirmation; the same version with
 * different text is refused, because attempts are re-checked against the version they were made with.
 */
export function decideInstall(
  installed: readonly InstalledPackFacts[],
  incoming: InstalledPackFacts,
): InstallDecision {
  for (const other of installed) {
    if (other.id === incoming.id) continue;
    const taken = incoming.scenarioIds.filter((s) => other.scenarioIds.includes(s));
    if (taken.length)
      return {
        kind: 'refuse',
        path: 'scenarios',
        message: `scenario ${taken.map((s) => `"${s}"`).join(', ')} belongs to the installed pack ${other.id}; give ${taken.length === 1 ? 'it' : 'them'} an id of this pack's own`,
      };
  }
  const same = installed.find((p) => p.id === incoming.id);
  const plan = planImport(same, incoming);
  if (plan.kind === 'new') return { kind: 'install' };
  if (plan.kind === 'newer') return { kind: 'confirm-replace', installed: plan.installed };
  if (plan.kind === 'same' && same?.text === incoming.text) return { kind: 'unchanged' };
  return {
    kind: 'refuse',
    path: 'version',
    message:
      plan.kind === 'same'
        ? `version ${incoming.version} of ${incoming.id} is already installed with different content; give the pack a newer version`
        : `version ${incoming.version} is older than the installed version ${plan.installed} of ${incoming.id}; give the pack a newer version`,
  };
}
