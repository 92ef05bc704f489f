// The words of every verdict, in one place: the turn feedback, the debrief, the review pages and the CLI
// all say a result the same way, and every "not acceptable" or "not passed" says why, naming the rule
// of the scoring standard (shared/SCORING-STANDARD.md, section 4) it rests on.
import type { ScoreResult, Verdict } from '../scoring/types.ts';
import { citation, sourceTitle } from '../sources/seed-documents.ts';

export const VERDICT_LABEL: Readonly<Record<Verdict, string>> = {
  exact: 'Word for word',
  minor: 'Minor differences',
  fail: 'Not acceptable',
};

/** Shown in place of a verdict for a statement that was never attempted. */
export const NOT_SAID_LABEL = 'Not said';

const quote = (text: string) => `“${text}”`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Confidentiality statement" -> "the confidentiality statement", for use inside a sentence. */
export function theTitle(title: string): string {
  const lower = /^[A-Z][a-z]/.test(title) ? title[0]!.toLowerCase() + title.slice(1) : title;
  return `the ${lower}`;
}

const sentence = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** Each reason a statement failed, with the rule of the scoring standard it breaks. */
export function failReasons(r: ScoreResult): string[] {
  if (r.tooLong) return r.reasons;
  const out: string[] = [];
  for (const k of r.missingKeyElements)
    out.push(`the key words ${quote(k)} were not said as written (scoring standard 4.1: key elements)`);
  if (r.negationChanged)
    out.push('a “not”, “no”, “never” or “nothing” was added or left out (scoring standard 4.2: negation)');
  if (r.missingClause)
    out.push(
      `a whole clause was left out: ${quote(r.missingClause.words)} (scoring standard 4.3: five or more words in a row)`,
    );
  if (r.deviationCount > r.allowedDeviations)
    out.push(
      `${plural(r.deviationCount, 'word differs', 'words differ')}; at most ${r.allowedDeviations} of its ${r.scriptWordCount} may (scoring standard 4.4: tolerance)`,
    );
  return out;
}

/** Why a statement attempt got its verdict: one explanation, shown next to the score everywhere. */
export function explainResult(r: ScoreResult): string {
  if (r.verdict === 'exact') return 'Said word for word.';
  if (r.verdict === 'minor')
    return `Compliant: ${plural(r.deviationCount, 'word differs', 'words differ')}, within the ${r.allowedDeviations} allowed. Say it word for word next time.`;
  const reasons = failReasons(r);
  // "Not acceptable 93%" needs saying why: the score was within tolerance, another rule failed it.
  const lead =
    !r.tooLong && r.deviationCount <= r.allowedDeviations
      ? `Not acceptable, although the ${r.score}% score is within tolerance, because `
      : 'Not acceptable because ';
  return `${lead}${reasons.join('; ')}.`;
}

/** A statement the state expected that this turn did not attempt: said in words, with no score and no diff. */
export function expectedNotSaid(title: string): string {
  return `${sentence(theTitle(title))} was expected here and not said.`;
}

/** A statement attempted after its window. */
export function saidLate(turnIndex: number, withinTurns: number): string {
  return `Said late (turn ${turnIndex + 1}, needed within the first ${plural(withinTurns, 'turn', 'turns')}): it earns no credit.`;
}

/** A move made after its window. */
export function madeLate(turnIndex: number, withinTurns: number): string {
  return `Made late (turn ${turnIndex + 1}, expected by turn ${withinTurns})`;
}

export function madeAt(turnIndex: number): string {
  return `Made (turn ${turnIndex + 1})`;
}

export const MISSED_LABEL = 'Missed';

/** A source by document title and section; a section that already starts with the title is not doubled. */
export function cite(source: string, section?: string): string {
  return section?.startsWith(sourceTitle(source)) ? section : citation(source, section);
}

export interface CitationSpec {
  point: string;
  source?: string | undefined;
  section?: string | undefined;
  inference?: boolean | undefined;
}

/** A procedure point with its source by document title and section, or marked as good practice. */
export function formatCitation(c: CitationSpec): string {
  if (c.inference) {
    const compare = c.source ? `; compare ${cite(c.source, c.section)}` : '';
    return `${c.point} (good practice, not quoted CMS procedure${compare})`;
  }
  return `${c.point} (${cite(c.source ?? '', c.section)})`;
}
