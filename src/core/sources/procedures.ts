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

export const PROCEDURES: readonly (Procedure & { readonly id: ProcedureId })[] = [
  {
    id: 'order-of-call',
    title: 'The order of a call',
    sources: [{ source: S2, section: 'Client Contact Overview (security, four key promises)' }],
  },
  {
    id: 'security-check',
    title: 'Security checks and bogus callers',
    sources: [
      { source: S2, section: 'Security FAQ' },
      { source: S1, section: 'Bogus calls' },
    ],
  },
  {
    id: 'call-recording',
    title: 'Call recording',
    sources: [
      { source: S0, section: 'Call recording' },
      { source: S1, section: 'Call recording' },
    ],
  },
  {
    id: 'representatives',
    title: 'Representatives and third parties',
    sources: [{ source: S1, section: 'Representatives' }],
  },
  {
    id: 'suicide-threats',
    title: 'Threats of suicide',
    sources: [
      { source: S1, section: 'Suicide Threats' },
      { source: S2, section: 'Threats of suicide' },
    ],
  },
  {
    id: 'confidentiality-statement',
    title: 'Confidentiality statement',
    sources: [{ source: S0, section: 'Confidentiality Statements' }],
  },
  {
    id: 'false-information-warning',
    title: 'False information warning',
    sources: [{ source: S0, section: 'False Information Warnings' }],
  },
  {
    id: 'unsafe-behaviour',
    title: 'Unsafe or abusive behaviour (KCIS)',
    sources: [
      { source: S1, section: 'Unsafe Interactions and potentially violent persons' },
      { source: S0, section: 'Unacceptable Client Behaviour and Potentially Violent Persons' },
    ],
  },
  {
    id: 'freedom-of-information',
    title: 'Freedom of Information requests',
    sources: [
      { source: S3, section: 'Freedom of Information' },
      { source: S1, section: 'Freedom of information' },
    ],
  },
  {
    id: 'subject-access',
    title: 'Data protection and subject access requests',
    sources: [
      { source: S2, section: 'Subject Access Request (SAR)' },
      { source: S4, section: 'Can I have access to my personal information?' },
    ],
  },
  {
    id: 'complaints',
    title: 'Complaints',
    sources: [{ source: S1, section: 'Complaints' }],
  },
  {
    id: 'interpreters',
    title: 'Interpreters and translation',
    sources: [
      { source: S1, section: 'Interpreters and translation services' },
      { source: S2, section: 'Interpretation' },
    ],
  },
  {
    id: 'sensitive-cases',
    title: 'Personal interest and sensitive cases',
    sources: [{ source: S1, section: 'Personal interest or sensitive cases' }],
  },
  {
    id: 'parental-contact',
    title: 'Facilitating parental contact',
    sources: [
      { source: S1, section: 'Facilitating parental contact' },
      { source: S0, section: 'Facilitating Parental Contact' },
    ],
  },
  {
    id: 'unauthorised-disclosure',
    title: 'Unauthorised disclosure of information',
    sources: [{ source: S1, section: 'Unauthorised disclosure of information' }],
  },
  {
    id: 'face-to-face-visits',
    title: 'Face to face visits',
    sources: [{ source: S1, section: 'Face to face visits' }],
  },
  {
    id: 'special-payments',
    title: 'Special payments',
    sources: [{ source: S0, section: 'Special Payments' }],
  },
  {
    id: 'mp-enquiries',
    title: 'MP enquiries',
    sources: [{ source: S3, section: 'MP Enquiries' }],
  },
];

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
