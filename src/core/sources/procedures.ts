// The call-handling procedures a new caseworker is trained in: every procedure of the domain research
// (DOMAIN.md, sections 0 to 5.8) and every client-contact topic of the seed documents. A scenario names
// the procedures it trains (`procedures:` in a pack); the start page groups scenarios by them and the
// coverage table at #/packs shows which procedures no scenario trains yet. Plain data: the first page
// reads it without the pack loader.

export interface Procedure {
  readonly id: string;
  readonly title: string;
  /** Where the procedure is published: a seed document (shown by title via citation()) and its section. */
  readonly sources: readonly { readonly source: string; readonly section: string }[];
}

export const PROCEDURE_IDS = [
  'order-of-call',
  'security-check',
  'call-recording',
  'representatives',
  'suicide-threats',
  'confidentiality-statement',
  'false-information-warning',
  'unsafe-behaviour',
  'freedom-of-information',
  'subject-access',
  'complaints',
  'interpreters',
  'sensitive-cases',
  'parental-contact',
  'unauthorised-disclosure',
  'face-to-face-visits',
  'special-payments',
  'mp-enquiries',
] as const;

export type ProcedureId = (typeof PROCEDURE_IDS)[number];

const S0 = '000_c1d9e3c0246ce890.txt';
const S1 = '001_43724bad90100c4e.txt';
const S2 = '002_9c5d5f2d24450167.txt';
const S3 = '003_77e5c1534c3b25c9.txt';
const S4 = '004_7f0967dfaf3d60eb.txt';

/** Each procedure as `[id, title, ...[source, section]]`: one line a procedure reads as a table. */
const TABLE: readonly (readonly [ProcedureId, string, ...(readonly [string, string])[]])[] = [
  ['order-of-call', 'The order of a call', [S2, 'Client Contact Overview (security, four key promises)']],
  ['security-check', 'Security checks and bogus callers', [S2, 'Security FAQ'], [S1, 'Bogus calls']],
  ['call-recording', 'Call recording', [S0, 'Call recording'], [S1, 'Call recording']],
  ['representatives', 'Representatives and third parties', [S1, 'Representatives']],
  ['suicide-threats', 'Threats of suicide', [S1, 'Suicide Threats'], [S2, 'Threats of suicide']],
  ['confidentiality-statement', 'Confidentiality statement', [S0, 'Confidentiality Statements']],
  ['false-information-warning', 'False information warning', [S0, 'False Information Warnings']],
  [
    'unsafe-behaviour',
    'Unsafe or abusive behaviour (KCIS)',
    [S1, 'Unsafe Interactions and potentially violent persons'],
    [S0, 'Unacceptable Client Behaviour and Potentially Violent Persons'],
  ],
  [
    'freedom-of-information',
    'Freedom of Information requests',
    [S3, 'Freedom of Information'],
    [S1, 'Freedom of information'],
  ],
  [
    'subject-access',
    'Data protection and subject access requests',
    [S2, 'Subject Access Request (SAR)'],
    [S4, 'Can I have access to my personal information?'],
  ],
  ['complaints', 'Complaints', [S1, 'Complaints']],
  [
    'interpreters',
    'Interpreters and translation',
    [S1, 'Interpreters and translation services'],
    [S2, 'Interpretation'],
  ],
  ['sensitive-cases', 'Personal interest and sensitive cases', [S1, 'Personal interest or sensitive cases']],
  [
    'parental-contact',
    'Facilitating parental contact',
    [S1, 'Facilitating parental contact'],
    [S0, 'Facilitating Parental Contact'],
  ],
  [
    'unauthorised-disclosure',
    'Unauthorised disclosure of information',
    [S1, 'Unauthorised disclosure of information'],
  ],
  ['face-to-face-visits', 'Face to face visits', [S1, 'Face to face visits']],
  ['special-payments', 'Special payments', [S0, 'Special Payments']],
  ['mp-enquiries', 'MP enquiries', [S3, 'MP Enquiries']],
];

export const PROCEDURES: readonly (Procedure & { readonly id: ProcedureId })[] = TABLE.map(
  ([id, title, ...sources]) => ({
    id,
    title,
    sources: sources.map(([source, section]) => ({ source, section })),
  }),
);

const BY_ID = new Map<string, Procedure>(PROCEDURES.map((p) => [p.id, p]));

/** The procedure with this id, if it is one. */
export function procedure(id: string): Procedure | undefined {
  return BY_ID.get(id);
}

export interface CoverageRow {
  procedure: Procedure;
  scenarios: { packId: string; id: string; title: string }[];
}

/** Every procedure, in order, with the scenarios that train it (none yet: an empty list). */
export function procedureCoverage(
  scenarios: readonly { packId: string; id: string; title: string; procedures?: readonly string[] }[],
): CoverageRow[] {
  return PROCEDURES.map((p) => ({
    procedure: p,
    scenarios: scenarios
      .filter((s) => s.procedures?.includes(p.id))
      .map(({ packId, id, title }) => ({ packId, id, title })),
  }));
}

/** Scenarios grouped by the first procedure each trains, in procedure order; the rest last, under null. */
export function groupByProcedure<T extends { procedures?: readonly string[] }>(
  scenarios: readonly T[],
): { procedure: Procedure | null; scenarios: T[] }[] {
  const groups = new Map<Procedure | null, T[]>();
  for (const p of PROCEDURES) groups.set(p, []);
  groups.set(null, []);
  for (const s of scenarios) {
    const first = s.procedures?.[0];
    groups.get((first !== undefined ? BY_ID.get(first) : undefined) ?? null)!.push(s);
  }
  return [...groups]
    .filter(([, list]) => list.length > 0)
    .map(([procedure, list]) => ({ procedure, scenarios: list }));
}

/** Scenarios by pack (in the order the packs first appear), then by procedure as groupByProcedure. */
export function groupByPackAndProcedure<
  T extends { packId: string; packTitle: string; procedures?: readonly string[] },
>(
  scenarios: readonly T[],
): { id: string; title: string; groups: { procedure: Procedure | null; scenarios: T[] }[] }[] {
  const byPack = new Map<string, { id: string; title: string; scenarios: T[] }>();
  for (const s of scenarios) {
    const pack = byPack.get(s.packId) ?? { id: s.packId, title: s.packTitle, scenarios: [] };
    pack.scenarios.push(s);
    byPack.set(s.packId, pack);
  }
  return [...byPack.values()].map((p) => ({
    id: p.id,
    title: p.title,
    groups: groupByProcedure(p.scenarios),
  }));
}
