// What a practice call (call-session.svelte.ts) needs from around it, and the phases it goes through.
import type { AttemptStore, CallerPersona, PracticeLibrary } from '../../core/ports/index.ts';

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
}
