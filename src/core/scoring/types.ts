/** Public shapes of the scorer and the intent matcher. Plain data only: results are shown, stored and exported. */

export type Verdict = 'exact' | 'minor' | 'fail';

/** One word of a normalised text, keeping where it came from so the UI can show the original. */
export interface Token {
  /** Canonical comparison key: lower case, numbers as digits, British spelling. */
  key: string;
  /** Sound-alike class (recogniser homophones), when the word has one. */
  sound?: string;
  /** The word as written or said, for display. */
  display: string;
  /** Set when this word came from expanding a contraction; same id for both halves. */
  contraction?: number;
}

export type AlignOpType = 'match' | 'sub' | 'ins' | 'del';

/** One step of the word alignment. Indices point into the script's and the attempt's token lists. */
export interface AlignOp {
  type: AlignOpType;
  scriptIndex?: number;
  attemptIndex?: number;
  scriptWord?: string;
  saidWord?: string;
  /** Inside the judged stretch (false for free talk before or after the statement). */
  judged: boolean;
}

export type Deviation =
  | { kind: 'missing'; scriptIndex: number; scriptWord: string }
  | { kind: 'added'; saidWord: string; beforeScriptIndex: number }
  | { kind: 'replaced'; scriptIndex: number; scriptWord: string; saidWord: string }
  | { kind: 'contraction'; scriptIndex: number; scriptWords: string; saidWords: string };

export interface ScoreResult {
  scriptId: string;
  verdict: Verdict;
  /** 0..100 */
  score: number;
  deviations: Deviation[];
  deviationCount: number;
  allowedDeviations: number;
  scriptWordCount: number;
  missingKeyElements: string[];
  negationChanged: boolean;
  /** The first run of five or more consecutive script words left out, if any. */
  missingClause: { fromScriptIndex: number; toScriptIndex: number; words: string } | null;
  /** Plain-English reasons for a fail (empty unless verdict is fail) and coaching notes for minor. */
  reasons: string[];
  /** Every alignment step, attempt order, including free talk outside the judged stretch. */
  ops: AlignOp[];
  script: Token[];
  attempt: Token[];
  tooLong: boolean;
}

export interface IntentDefinition {
  id: string;
  /** Example phrasings the trainee might use. */
  examples: string[];
  label?: string;
  /** Optional rules: word groups that must all be present (each group lists alternatives). */
  requires?: string[][];
  /** Optional: 'question' when only a question counts (asking the caller), 'statement' when a question does not. */
  form?: 'question' | 'statement' | 'any';
  /** Optional phrases that rule this intent out. */
  excludes?: string[];
}

export interface IntentMatch {
  intent: string | null;
  confidence: number;
  /** The trainee's words that supported the match. */
  matchedWords: string[];
  /** The best candidate even when below the threshold, with why it was refused. */
  best: { id: string; score: number; refusedBecause?: string } | null;
  /** Set when the best two candidates were too close to tell apart: the caller asks again. */
  unclear?: boolean;
  /** Why it was decided: kept with the attempt, shown in feedback and review, printed by the CLI. */
  evidence?: IntentEvidence;
}

export interface IntentEvidence {
  /** "hybrid": sentence vectors and words; "lexical": words alone (the model was not available). */
  matcher: 'hybrid' | 'lexical';
  /** The sentence encoder that made the vectors, for the hybrid matcher. */
  model?: string;
  /** The best candidate's example closest to what was said. */
  nearestExample: string | null;
  /** The clause of the turn that carried the move, when one clause was closer than the whole turn. */
  part?: string;
  /** Cosine similarity to that example (hybrid only). */
  similarity: number | null;
  /** The best candidate's lexical score (0..1). */
  lexical: number;
  /** The trainee's words that the nearest example shares. */
  words: string[];
  runnerUp: { id: string; score: number } | null;
  /** The best candidate's lead over the runner-up. */
  margin: number | null;
  /** Whether the best candidate ends the call or raises a critical error in this state. */
  risky: boolean;
}
