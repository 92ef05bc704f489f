// The procedure documents the packs are built from, by file name, with the title a reader knows them by.
// Citations everywhere (briefing, debrief, review, pack pages, CLI) show the title and section, never the
// file name: the file names are content hashes from the document store, meaningless to a caseworker.

export interface SeedDocument {
  readonly file: string;
  readonly title: string;
  readonly description: string;
}

export const SEED_DOCUMENTS: readonly SeedDocument[] = [
  {
    file: '000_c1d9e3c0246ce890.txt',
    title: 'CMG Procedures: client contact topics',
    description:
      'CMG procedures page: bogus calls, call recording, complaints, confidentiality, data protection, parental contact, false information warnings, FOI, interpreters, sensitive cases, representatives, suicide threats, unacceptable behaviour',
  },
  {
    file: '001_43724bad90100c4e.txt',
    title: 'Annex A - Client contact',
    description: 'CMS decision-making guidance, Annex A',
  },
  {
    file: '002_9c5d5f2d24450167.txt',
    title: 'Client Contact Overview',
    description: 'DWP Procedures, Child Maintenance Group',
  },
  {
    file: '003_77e5c1534c3b25c9.txt',
    title: 'Assurance And Guidance Overview',
    description: 'CMG procedures: FOI and MP contact',
  },
  {
    file: '004_7f0967dfaf3d60eb.txt',
    title: 'How we collect and use your information',
    description: 'Withdrawn CMS factsheet, correct as of 1 October 2013',
  },
];

const BY_FILE = new Map(SEED_DOCUMENTS.map((d) => [d.file, d]));

/** The seed document a source names, when it names one (by file name). */
export function seedDocument(source: string): SeedDocument | undefined {
  return BY_FILE.get(source.trim());
}

/** A source as a reader sees it: a seed document's title, or the source as written (a web address, say). */
export function sourceTitle(source: string): string {
  return seedDocument(source)?.title ?? source;
}

/**
 * "Client Contact Overview, Call recording": the title and, when given, the section. A section that
 * repeats the document's title ("Annex A - Client contact, Bogus calls") is not repeated.
 */
export function citation(source: string, section?: string): string {
  const title = sourceTitle(source);
  let rest = section?.trim() ?? '';
  if (seedDocument(source) && rest.toLowerCase().startsWith(title.toLowerCase())) {
    rest = rest
      .slice(title.length)
      .replace(/^[\s,:;-]+/, '')
      .replace(/^\((.*)\)$/, '$1')
      .trim();
  }
  return rest ? `${title}, ${rest}` : title;
}
