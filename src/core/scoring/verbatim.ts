/** Verdicts for verbatim statements, exactly as shared/SCORING-STANDARD.md sections 3 and 4 define them. */
import type { AlignOp, Deviation, ScoreResult, Token } from './types.ts';
import { align } from './align.ts';
import { canonical, dropRepeatsAndFalseStarts, normalise, type NormaliseOptions } from '../text/normalise.ts';
import {
  DEFAULT_TOLERANCE,
  MAX_ATTEMPT_CHARS,
  MAX_ATTEMPT_WORDS,
  MISSING_CLAUSE_WORDS,
  NEGATION_WORDS,
} from './config.ts';

/** A statement prepared for scoring: normalised once, reused for every attempt. */
export interface PreparedStatement {
  id: string;
  tokens: Token[];
  ids: Int32Array;
  idOf: Map<string, number>;
  keyElements: { text: string; ids: Int32Array }[];
  tolerance: number;
  negations: number;
  normaliseOptions: NormaliseOptions | undefined;
}

export function prepareStatement(
  id: string,
  wording: string,
  keyElements: readonly string[],
  options?: { tolerance?: number; soundAlikes?: NormaliseOptions['soundAlikes'] },
): PreparedStatement {
  const normaliseOptions = options?.soundAlikes ? { soundAlikes: options.soundAlikes } : undefined;
  const tokens = dropRepeatsAndFalseStarts(normalise(wording, normaliseOptions));
  const idOf = new Map<string, number>();
  const intern = (t: Token): number => {
    const c = canonical(t);
    let v = idOf.get(c);
    if (v === undefined) {
      v = idOf.size;
      idOf.set(c, v);
    }
    return v;
  };
  const ids = Int32Array.from(tokens, intern);
  const keys = keyElements.map((text) => ({
    text,
    ids: Int32Array.from(normalise(text, normaliseOptions), intern),
  }));
  return {
    id,
    tokens,
    ids,
    idOf,
    keyElements: keys,
    tolerance: options?.tolerance ?? DEFAULT_TOLERANCE,
    negations: tokens.filter((t) => NEGATION_WORDS.has(t.key)).length,
    normaliseOptions,
  };
}

function contains(haystack: Int32Array, needle: Int32Array): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) if (haystack[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

export function allowedDeviations(words: number, tolerance: number): number {
  return Math.max(1, Math.floor(words * tolerance + 1e-9));
}

function quote(words: readonly string[]): string {
  return `“${words.join(' ')}”`;
}

/** Score one attempt at a statement. Never throws; hostile or huge input is bounded. */
export function scoreStatement(
  statement: PreparedStatement,
  text: string,
  options?: { tolerance?: number },
): ScoreResult {
  const tolerance = options?.tolerance ?? statement.tolerance;
  const words = statement.tokens.length;
  const allowed = allowedDeviations(words, tolerance);
  const safe = typeof text === 'string' ? text : '';
  const attempt =
    safe.length > MAX_ATTEMPT_CHARS
      ? null
      : dropRepeatsAndFalseStarts(normalise(safe, statement.normaliseOptions));
  if (attempt === null || attempt.length > MAX_ATTEMPT_WORDS) return tooLongResult(statement, allowed);

  let unknown = -1;
  const attemptIds = Int32Array.from(attempt, (t) => statement.idOf.get(canonical(t)) ?? unknown--);
  const alignment = align(statement.ids, attemptIds);
  const walked = walkAlignment(alignment.steps, statement.tokens, attempt);
  const deviationCount = alignment.cost + walked.contractions;
  const missingKeyElements = statement.keyElements
    .filter((k) => !contains(attemptIds, k.ids))
    .map((k) => k.text);
  const negationChanged = walked.negationsSaid !== statement.negations;
  const judged = { missingKeyElements, negationChanged, missingClause: walked.clause, deviationCount };
  const reasons = failReasons(statement, judged, walked.negationsSaid, allowed);
  const verdict = reasons.length > 0 ? 'fail' : deviationCount === 0 ? 'exact' : 'minor';
  if (verdict === 'minor') {
    reasons.push(
      `${deviationCount} ${deviationCount === 1 ? 'word differs' : 'words differ'} from the statement: compliant, but say it word for word.`,
    );
  }
  const score =
    verdict === 'exact' ? 100 : Math.max(0, Math.round(100 * (1 - deviationCount / Math.max(1, words))));

  return {
    scriptId: statement.id,
    verdict,
    score,
    deviations: walked.deviations,
    deviationCount,
    allowedDeviations: allowed,
    scriptWordCount: words,
    missingKeyElements,
    negationChanged,
    missingClause: walked.clause,
    reasons,
    ops: walked.ops,
    script: statement.tokens,
    attempt,
    tooLong: false,
  };
}

/** The verdict on an answer too long to align: a fail that says to say the statement on its own. */
function tooLongResult(statement: PreparedStatement, allowed: number): ScoreResult {
  const words = statement.tokens.length;
  return {
    scriptId: statement.id,
    verdict: 'fail',
    score: 0,
    deviations: [],
    deviationCount: words,
    allowedDeviations: allowed,
    scriptWordCount: words,
    missingKeyElements: [],
    negationChanged: false,
    missingClause: null,
    reasons: [
      `The answer was too long to score (over ${MAX_ATTEMPT_WORDS.toLocaleString('en-GB')} words). Say the statement on its own.`,
    ],
    ops: [],
    script: statement.tokens,
    attempt: [],
    tooLong: true,
  };
}

/** Why an attempt fails (SCORING-STANDARD.md section 4), in the order the standard lists the rules. */
function failReasons(
  statement: PreparedStatement,
  judged: Pick<ScoreResult, 'missingKeyElements' | 'negationChanged' | 'missingClause' | 'deviationCount'>,
  negationsSaid: number,
  allowed: number,
): string[] {
  const reasons: string[] = [];
  for (const k of judged.missingKeyElements) {
    reasons.push(`The key words ${quote([k])} were not said as written.`);
  }
  if (judged.negationChanged) {
    reasons.push(
      `The meaning changed: the statement has ${statement.negations} of “not”, “no”, “never” or “nothing”, but ${negationsSaid} ${negationsSaid === 1 ? 'was' : 'were'} said.`,
    );
  }
  if (judged.missingClause)
    reasons.push(`A whole clause was left out: ${quote([judged.missingClause.words])}.`);
  const { deviationCount } = judged;
  if (deviationCount > allowed) {
    reasons.push(
      `${deviationCount} words differ from the statement; at most ${allowed} of its ${statement.tokens.length} words may differ.`,
    );
  }
  return reasons;
}

type Step = ReturnType<typeof align>['steps'][number];

interface Walked {
  ops: AlignOp[];
  deviations: Deviation[];
  /** Contractions said where the statement has none, or the reverse: each group counts once. */
  contractions: number;
  negationsSaid: number;
  clause: ScoreResult['missingClause'];
}

/** The word diff, deviations, negations said and first missing clause, read off the alignment. */
function walkAlignment(steps: readonly Step[], script: readonly Token[], attempt: readonly Token[]): Walked {
  const walked: Walked = { ops: [], deviations: [], contractions: 0, negationsSaid: 0, clause: null };
  const contractionGroups = new Set<string>();
  const run = { start: -1, length: 0 };
  const closeRun = (): void => {
    if (run.length >= MISSING_CLAUSE_WORDS && walked.clause === null) {
      const to = run.start + run.length - 1;
      const words = script.slice(run.start, to + 1).map((t) => t.display);
      walked.clause = { fromScriptIndex: run.start, toScriptIndex: to, words: words.join(' ') };
    }
    run.start = -1;
    run.length = 0;
  };
  for (const step of steps) {
    const sTok = script[step.s] as Token;
    const aTok = attempt[step.a] as Token;
    if (step.type !== 'del' && step.type !== 'ins') closeRun();
    if (step.type === 'match' || step.type === 'sub') {
      const { s: scriptIndex, a: attemptIndex } = step;
      const pair = { scriptIndex, attemptIndex, scriptWord: sTok.display, saidWord: aTok.display };
      walked.ops.push({ type: step.type, ...pair, judged: true });
      if (step.type === 'sub') {
        walked.deviations.push({
          kind: 'replaced',
          scriptIndex,
          scriptWord: pair.scriptWord,
          saidWord: pair.saidWord,
        });
      } else if (contractionDiffers(sTok, aTok, contractionGroups)) {
        walked.deviations.push({
          kind: 'contraction',
          scriptIndex,
          scriptWords: pair.scriptWord,
          saidWords: pair.saidWord,
        });
      }
    } else if (step.type === 'del') {
      walked.ops.push({ type: 'del', scriptIndex: step.s, scriptWord: sTok.display, judged: true });
      walked.deviations.push({ kind: 'missing', scriptIndex: step.s, scriptWord: sTok.display });
      if (run.start === -1) run.start = step.s;
      run.length++;
      continue;
    } else {
      walked.ops.push({ type: 'ins', attemptIndex: step.a, saidWord: aTok.display, judged: !step.free });
      if (step.free) continue;
      walked.deviations.push({ kind: 'added', saidWord: aTok.display, beforeScriptIndex: step.s });
    }
    if (NEGATION_WORDS.has(aTok.key)) walked.negationsSaid++;
  }
  closeRun();
  walked.contractions = contractionGroups.size;
  return walked;
}

/** Whether one side of a matched pair is a contraction and the other not, first time for its group. */
function contractionDiffers(sTok: Token, aTok: Token, groups: Set<string>): boolean {
  if ((sTok.contraction === undefined) === (aTok.contraction === undefined)) return false;
  const group = sTok.contraction !== undefined ? `s${sTok.contraction}` : `a${aTok.contraction ?? ''}`;
  if (groups.has(group)) return false;
  groups.add(group);
  return true;
}
