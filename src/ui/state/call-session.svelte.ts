// One practice call. The call is a replay: the report is a pure function of the trainee's turns,
// so every turn is saved as it is made and a reloaded tab rebuilds the call exactly.
import type {
  AttemptRecord,
  StoredTurn,
  CallReport,
  CallerPersona,
  PracticeMode,
  ScenarioBriefing,
  ScenarioListing,
  TraineeTurn,
  MatcherLabel,
} from '../../core/ports/index.ts';
import { resumedMatcher, turnDecision, type CallDeps, type CallPhase } from './call-deps.ts';
import type { VectorTable } from '../../core/index.ts';
import { messageOf } from '../../core/message-of.ts';
import { summariseCall, traineeTurn } from '../../core/session/attempts.ts';

export type { CallDeps, CallPhase } from './call-deps.ts';

export class CallSession {
  phase = $state<CallPhase>('loading');
  mode = $state<PracticeMode>('practice');
  scenario = $state.raw<ScenarioListing | null>(null);
  briefing = $state.raw<ScenarioBriefing | null>(null);
  persona = $state.raw<CallerPersona | null>(null);
  turns = $state.raw<TraineeTurn[]>([]);
  /** Turn indexes marked for the coach (possible mishearing). */
  flagged = $state.raw<readonly number[]>([]);
  /** An unfinished call of this scenario found on open. */
  pending = $state.raw<AttemptRecord | null>(null);
  /** A plain message about saving (another tab, storage full). */
  notice = $state<string | null>(null);
  speaking = $state(false);
  /** Words of a turn another tab got in first: handed back so the trainee can send them again. */
  returned = $state<string | null>(null);
  /** The caller line shown as the current caption. */
  lastCallerLine = $derived.by(() => {
    const lines = this.report?.transcript.filter((e) => e.speaker === 'caller') ?? [];
    return lines.at(-1)?.text ?? null;
  });
  /** The matcher this call runs on, kept for the whole call (a resumed call keeps its own). */
  matcher = $state<MatcherLabel>('words only');
  vectors = $state.raw<VectorTable | undefined>(undefined);
  report: CallReport | null = $derived.by(() =>
    this.scenario && (this.phase === 'call' || this.phase === 'debrief' || this.phase === 'left')
      ? this.#deps.library.run(this.scenario, this.turns, this.mode, this.#attemptId, this.vectors)
      : null,
  );
  /** Feedback is shown turn by turn in practice mode; assessment holds it until the end. */
  showFeedback = $derived(this.mode === 'practice' || this.phase === 'debrief');

  #deps: CallDeps;
  #attemptId = $state<string | null>(null);
  #spoken = 0;
  #saving: Promise<unknown> = Promise.resolve();

  constructor(deps: CallDeps) {
    this.#deps = deps;
  }

  /** Resolves once every turn sent so far is saved (or failed). */
  saved = (): Promise<unknown> => this.#saving;
  get attemptId(): string | null {
    return this.#attemptId;
  }

  /** Opens a scenario by its id and its pack's id (without the pack, when only one pack has the id). */
  async open(scenarioId: string, packId?: string): Promise<void> {
    const scenario = this.#deps.library.find(scenarioId, packId);
    if (!scenario) {
      this.phase = 'missing';
      return;
    }
    this.scenario = scenario;
    this.briefing = this.#deps.library.brief(scenario);
    this.persona = this.#deps.library.persona(scenario);
    const trainee = this.#deps.trainee();
    if (!trainee) {
      this.phase = 'no-trainee';
      return;
    }
    const pending = await this.#deps.store.findInProgress(trainee, scenario.packId, scenario.id);
    if (pending && pending.packVersion !== scenario.packVersion) {
      // The pack changed since: its turns would replay differently, so the call cannot resume.
      await this.#deps.store.finish(pending.id, null, 'abandoned');
    } else if (pending) {
      this.pending = pending;
      this.phase = 'resume';
      return;
    }
    this.#toStart();
  }

  #toStart(): void {
    this.phase = this.scenario?.contentNote ? 'content-note' : 'briefing';
  }

  acceptContentNote(): void {
    this.phase = 'briefing';
  }

  async begin(mode: PracticeMode): Promise<void> {
    const scenario = this.scenario;
    const trainee = this.#deps.trainee();
    if (!scenario || !trainee) return;
    const record = await this.#deps.store.create({
      trainee,
      packId: scenario.packId,
      packVersion: scenario.packVersion,
      scenarioId: scenario.id,
      scenarioTitle: scenario.title,
      mode,
    });
    this.#attemptId = record.id;
    this.mode = mode;
    this.matcher = this.#deps.understanding.matcher;
    this.vectors = await this.#deps.understanding.vectorsFor([], this.matcher);
    this.turns = [];
    this.flagged = [];
    this.notice = null;
    this.#spoken = 0;
    this.phase = 'call';
    this.#deps.onCallShown?.(record.id);
    await this.#afterTurn();
  }

  async resume(): Promise<void> {
    const record = this.pending;
    if (!record) return;
    this.pending = null;
    this.#attemptId = record.id;
    this.mode = record.mode;
    this.matcher = resumedMatcher(record, this.#deps.understanding.matcher);
    this.turns = record.turns.map(traineeTurn);
    this.vectors = await this.#deps.understanding.vectorsFor(this.turns, this.matcher);
    this.flagged = record.turns.flatMap((t, i) => (t.flaggedForCoach ? [i] : []));
    this.phase = 'call';
    // Caller lines already heard are shown, not spoken again; the last one is repeated.
    const callerLines = this.report?.transcript.filter((e) => e.speaker === 'caller').length ?? 0;
    this.#spoken = Math.max(0, callerLines - 1);
    this.#deps.onCallShown?.(record.id);
    await this.#afterTurn();
  }

  async discardPending(): Promise<void> {
    if (this.pending) await this.#deps.store.finish(this.pending.id, null, 'abandoned');
    this.pending = null;
    this.#toStart();
  }

  /** Sends one trainee turn. The feedback is on screen before the save finishes. */
  async submit(turn: TraineeTurn): Promise<void> {
    if (this.phase !== 'call' || !this.report || this.report.ended) return;
    const index = this.turns.length;
    this.#quiet();
    this.turns = [...this.turns, turn];
    const feedback = this.report.transcript.find((e) => e.speaker === 'trainee' && e.turnIndex === index);
    const judged = feedback?.speaker === 'trainee' ? feedback.feedback : null;
    if (judged?.possibleMishear) this.flagged = [...this.flagged, index];
    const stored = { ...turn, decision: turnDecision(this.report, index, this.matcher, judged) };
    if (await this.#save(index, stored, judged?.possibleMishear === true)) await this.#afterTurn();
  }

  /**
   * A turn that could not be saved is taken back: the call stops where it was saved, the answer
   * goes back in the box, and the message says why. Nothing is shown as said that is not stored.
   */
  #unsaved(index: number, turn: TraineeTurn, why: string): false {
    this.turns = this.turns.slice(0, index);
    this.flagged = this.flagged.filter((i) => i < index);
    this.returned = turn.text ?? null;
    this.notice = `Your last answer was not saved, so the call has stopped here. ${why} Your answer is back in the box: send it again when this is sorted out.`;
    return false;
  }

  /** Saves one turn; false when it was not saved and the call has stopped. */
  async #save(index: number, turn: Omit<StoredTurn, 'at'>, flaggedForCoach: boolean): Promise<boolean> {
    const id = this.#attemptId;
    if (!id) return this.#unsaved(index, turn, 'This call has no saved record.');
    const stored: StoredTurn = { ...turn, at: this.#deps.now().toISOString() };
    if (flaggedForCoach) stored.flaggedForCoach = true;
    const saving = this.#saving.then(() => this.#deps.store.appendTurn(id, index, stored));
    this.#saving = saving.catch(() => undefined);
    try {
      const result = await saving;
      if (result.ok) {
        this.notice = null;
        return true;
      }
      if (result.reason === 'conflict' || result.reason === 'closed') {
        // Another tab carried on with this call: follow what it saved rather than overwrite it.
        this.notice =
          'This call was continued in another tab or window. What was saved there is shown here; carry on in one place only.';
        this.turns = result.record.turns.map(traineeTurn);
        this.returned = turn.text ?? null;
        if (result.record.status !== 'in-progress') this.phase = 'debrief';
        return false;
      }
      return this.#unsaved(index, turn, 'Its saved record is no longer on this computer.');
    } catch (error) {
      return this.#unsaved(index, turn, messageOf(error));
    }
  }

  async #afterTurn(): Promise<void> {
    const report = this.report;
    if (!report) return;
    if (report.ended) {
      await this.#finish(report);
      return;
    }
    await this.#speakNewLines();
  }

  /** The caller's lines not yet spoken, marked as spoken. */
  #freshCallerLines(): string[] {
    const lines = this.report?.transcript.filter((e) => e.speaker === 'caller').map((e) => e.text) ?? [];
    const fresh = lines.slice(this.#spoken);
    this.#spoken = lines.length;
    return fresh;
  }

  async #speakNewLines(): Promise<void> {
    if (!this.report || !this.persona) return;
    const fresh = this.#freshCallerLines();
    const turnsWhenStarted = this.turns.length;
    if (fresh.length) {
      this.speaking = true;
      await this.#deps.speak(fresh.join(' '), this.persona);
      this.speaking = false;
    }
    // Only start the silence count if nothing happened while the caller was speaking.
    if (this.phase === 'call' && this.turns.length === turnsWhenStarted && !this.report?.ended) {
      this.#deps.startSilence(this.report?.current.patienceSeconds ?? null);
    }
  }

  async repeatLastLine(): Promise<void> {
    const line = this.lastCallerLine;
    if (!line || !this.persona || this.phase !== 'call') return;
    this.#quiet();
    this.speaking = true;
    await this.#deps.speak(line, this.persona);
    this.speaking = false;
    if (this.phase === 'call') this.#deps.startSilence(this.report?.current.patienceSeconds ?? null);
  }

  async #finish(report: CallReport): Promise<void> {
    this.#deps.stopSilence();
    const id = this.#attemptId;
    // The caller's closing words are still shown and spoken.
    void this.#speakNewLinesOnly();
    this.phase = 'debrief';
    await this.#saving;
    if (!id) return;
    try {
      await this.#deps.store.finish(id, summariseCall(report), 'completed');
    } catch (error) {
      // Every turn is saved, but the result is not: say so rather than show a debrief as if it were.
      this.phase = 'call';
      this.notice = `The call has ended, but its result was not saved. ${messageOf(error)} Every answer is saved: reload the page to save the result again.`;
    }
  }

  async #speakNewLinesOnly(): Promise<void> {
    if (!this.report || !this.persona) return;
    const fresh = this.#freshCallerLines();
    if (fresh.length) await this.#deps.speak(fresh.join(' '), this.persona);
  }

  /** Leave at any moment: the call is kept, marked abandoned. */
  async leave(): Promise<void> {
    this.#quiet();
    const id = this.#attemptId;
    const wasRunning = this.phase === 'call';
    this.phase = 'left';
    await this.#saving;
    if (id && wasRunning) await this.#deps.store.finish(id, null, 'abandoned');
  }

  tryAgain(): void {
    this.#quiet();
    this.#attemptId = null;
    this.turns = [];
    this.flagged = [];
    this.notice = null;
    this.#toStart();
  }

  dispose(): void {
    this.#quiet();
  }

  /** Stops the silence count and the caller's voice. */
  #quiet(): void {
    this.#deps.stopSilence();
    this.#deps.cancelSpeech();
  }
}
