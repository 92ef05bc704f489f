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
  if (attempt === null || attempt.length > MAX_ATTEMPT_WORDS) {
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

  let unknown = -1;
  const attemptIds = Int32Array.from(attempt, (t) => statement.idOf.get(canonical(t)) ?? unknown--);
  const alignment = align(statement.ids, attemptIds);
  const script = statement.tokens;

  const ops: AlignOp[] = [];
  const deviations: Deviation[] = [];
  const contractionGroups = new Set<string>();
  let negationsSaid = 0;
  let clause: ScoreResult['missingClause'] = null;
  let runStart = -1;
  let runLength = 0;
  const closeRun = (): void => {
    if (runLength >= MISSING_CLAUSE_WORDS && clause === null) {
      const to = runStart + runLength - 1;
      clause = {
        fromScriptIndex: runStart,
        toScriptIndex: to,
        words: script
          .slice(runStart, to + 1)
          .map((t) => t.display)
          .join(' '),
      };
    }
    runStart = -1;
    runLength = 0;
  };

  for (const step of alignment.steps) {
    const s = script[step.s];
    const a = attempt[step.a];
    if (step.type !== 'del' && step.type !== 'ins') closeRun();
    switch (step.type) {
      case 'match': {
        const sTok = s as Token;
        const aTok = a as Token;
        ops.push({
          type: 'match',
          scriptIndex: step.s,
          attemptIndex: step.a,
          scriptWord: sTok.display,
          saidWord: aTok.display,
          judged: true,
        });
        if ((sTok.contraction === undefined) !== (aTok.contraction === undefined)) {
          const group =
            sTok.contraction !== undefined ? `s${sTok.contraction}` : `a${aTok.contraction ?? ''}`;
          if (!contractionGroups.has(group)) {
            contractionGroups.add(group);
            deviations.push({
              kind: 'contraction',
              scriptIndex: step.s,
              scriptWords: sTok.display,
              saidWords: aTok.display,
            });
          }
        }
        if (NEGATION_WORDS.has(aTok.key)) negationsSaid++;
        break;
      }
      case 'sub': {
        const sTok = s as Token;
        const aTok = a as Token;
        ops.push({
          type: 'sub',
          scriptIndex: step.s,
          attemptIndex: step.a,
          scriptWord: sTok.display,
          saidWord: aTok.display,
          judged: true,
        });
        deviations.push({
          kind: 'replaced',
          scriptIndex: step.s,
          scriptWord: sTok.display,
          saidWord: aTok.display,
        });
        if (NEGATION_WORDS.has(aTok.key)) negationsSaid++;
        break;
      }
      case 'del': {
        const sTok = s as Token;
        ops.push({ type: 'del', scriptIndex: step.s, scriptWord: sTok.display, judged: true });
        deviations.push({ kind: 'missing', scriptIndex: step.s, scriptWord: sTok.display });
        if (runStart === -1) runStart = step.s;
        runLength++;
        break;
      }
      case 'ins': {
        const aTok = a as Token;
        ops.push({ type: 'ins', attemptIndex: step.a, saidWord: aTok.display, judged: !step.free });
        if (!step.free) {
          deviations.push({ kind: 'added', saidWord: aTok.display, beforeScriptIndex: step.s });
          if (NEGATION_WORDS.has(aTok.key)) negationsSaid++;
        }
        break;
      }
    }
  }
  closeRun();

  const deviationCount = alignment.cost + contractionGroups.size;
  const missingKeyElements = statement.keyElements
    .filter((k) => !contains(attemptIds, k.ids))
    .map((k) => k.text);
  const negationChanged = negationsSaid !== statement.negations;
  const missingClause = clause as ScoreResult['missingClause'];

  const reasons: string[] = [];
  for (const k of missingKeyElements) reasons.push(`The key words ${quote([k])} were not said as written.`);
  if (negationChanged) {
    reasons.push(
      `The meaning changed: the statement has ${statement.negations} of “not”, “no”, “never” or “nothing”, but ${negationsSaid} ${negationsSaid === 1 ? 'was' : 'were'} said.`,
    );
  }
  if (missingClause) reasons.push(`A whole clause was left out: ${quote([missingClause.words])}.`);
  if (deviationCount > allowed) {
    reasons.push(
      `${deviationCount} words differ from the statement; at most ${allowed} of its ${words} words may differ.`,
    );
  }
  const fail = reasons.length > 0;
  const verdict = fail ? 'fail' : deviationCount === 0 ? 'exact' : 'minor';
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
    deviations,
    deviationCount,
    allowedDeviations: allowed,
    scriptWordCount: words,
    missingKeyElements,
    negationChanged,
    missingClause,
    reasons,
    ops,
    script,
    attempt,
    tooLong: false,
  };
}
