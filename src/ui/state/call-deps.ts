// What a practice call (call-session.svelte.ts) needs from around it, and the phases it goes through.
import type {
  AttemptRecord,
  AttemptStore,
  CallerPersona,
  CallReport,
  TurnDecision,
  TurnFeedback,
  MatcherLabel,
  PracticeLibrary,
  TraineeTurn,
} from '../../core/ports/index.ts';
import { MATCHER_VERSION, type VectorTable } from '../../core/index.ts';

export type CallPhase =
  'loading' | 'missing' | 'no-trainee' | 'resume' | 'content-note' | 'briefing' | 'call' | 'debrief' | 'left';

export interface CallDeps {
  library: PracticeLibrary;
  store: AttemptStore;
  /**
   * Who is practising, read when the call starts: the same state the header shows, so a call is
   * never saved under the trainee who was signed in a moment before.
   */
  trainee: () => string | null;
  now: () => Date;
  /** Speaks caller lines; resolves when they have been said (or at once when muted). */
  speak: (text: string, persona: CallerPersona) => Promise<void>;
  cancelSpeech: () => void;
  /** The caller has finished: start counting silence (null = no limit here). */
  startSilence: (limit: number | null) => void;
  stopSilence: () => void;
  /** The call of this attempt is on screen (started or carried on): an unsent answer can be put back. */
  onCallShown?: (attemptId: string) => void;
  /** Which matcher a new call uses, and the sentence vectors for a call's turns (none: words alone). */
  understanding: {
    readonly matcher: MatcherLabel;
    vectorsFor(turns: readonly TraineeTurn[], matcher: MatcherLabel): Promise<VectorTable | undefined>;
  };
}

/** Which matcher decided an attempt's moves, from its turns' decisions; null for attempts saved before they were kept. */
export function attemptMatcher(record: Pick<AttemptRecord, 'turns'>): MatcherLabel | null {
  const labels = record.turns.flatMap((t) => (t.decision ? [t.decision.matcher] : []));
  if (labels.length === 0) return null;
  return labels.includes('words only') ? 'words only' : 'hybrid';
}

/** A resumed call keeps the matcher it started on: a call begun on words only goes on that way. */
export function resumedMatcher(record: AttemptRecord, now: MatcherLabel): MatcherLabel {
  return record.turns.some((t) => t.decision?.matcher === 'words only') ? 'words only' : now;
}

/** ", matcher version 2" (or versions, if a call spans several); empty when none was kept. */
export function matcherVersion(record: Pick<AttemptRecord, 'turns'>): string {
  const versions = [
    ...new Set(record.turns.flatMap((t) => (t.decision?.version ? [t.decision.version] : []))),
  ];
  return versions.length === 0 ? '' : `, matcher version ${versions.join(' and ')}`;
}

/** What is stored with a turn: the matcher and its version, the move read and the moves it was credited with. */
export function turnDecision(
  report: CallReport,
  index: number,
  matcher: MatcherLabel,
  judged: TurnFeedback | null,
): TurnDecision {
  const credited = report.moves.filter((m) => m.turnIndex === index).map((m) => m.intentId);
  return { matcher, version: MATCHER_VERSION, intent: judged?.intent ?? null, credited };
}
