// Wires one call screen together: the call, the trainee's voice or typing, the caller's voice and
// the silence count. The components only read this state and call its methods.
import type { AttemptStore } from '../../core/ports/index.ts';
import type { CallerPersona, PracticeLibrary, ScenarioListing } from '../../core/ports/index.ts';
import { VERDICT_LABEL } from '../../core/feedback/words.ts';
import type { AppState } from './app-state.svelte.ts';
import { CallSession } from './call-session.svelte.ts';
import { SilenceTimer } from './silence-timer.svelte.ts';
import { SpeechInput, type FinalSpeech } from './speech-input.svelte.ts';
import { VoiceList } from './voice-list.svelte.ts';
import { DraftKeeper } from './drafts.ts';
import { Understanding } from './understanding.svelte.ts';
import { messageOf } from '../../core/message-of.ts';
import { TurnMarks } from './turn-marks.svelte.ts';

/** The push-to-talk shortcut: a modifier chord, so it never clashes with typing (WCAG 2.1.4). */
export const TALK_KEY = {
  label: 'Alt+M',
  matches: (e: KeyboardEvent) => e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyM',
};

export class Practice {
  status = $state<'loading' | 'ready' | 'failed'>('loading');
  failure = $state<string | null>(null);
  session = $state.raw<CallSession | null>(null);
  /** Polite status message: the latest result, for screen readers (WCAG 4.1.3). */
  announcement = $state('');
  readonly app: AppState;
  readonly speech: SpeechInput;
  readonly silence: SilenceTimer;
  readonly voices: VoiceList;
  readonly understanding: Understanding;
  /** "The caller misunderstood me" marks on this call's turns. */
  readonly marks: TurnMarks;
  #scenarioId: string;
  #packId: string | undefined;
  readonly #drafts: DraftKeeper;
  #exampleTexts: string[] = [];

  constructor(app: AppState, scenarioId: string, packId?: string) {
    this.app = app;
    this.#scenarioId = scenarioId;
    this.#packId = packId;
    this.silence = new SilenceTimer(
      (seconds) => void this.session?.submit({ silenceBefore: seconds }),
      () => app.prefs.deadAir,
    );
    this.speech = new SpeechInput(app.prefs, app.services.speech, {
      onFinal: (speech) => this.#said(speech),
      onActivity: () => this.silence.activity(),
    });
    this.voices = new VoiceList(app.services.voice);
    this.#drafts = new DraftKeeper(app.services.drafts ?? null);
    this.understanding = new Understanding(app.services.encoder, () => app.prefs.wordsOnly);
    this.marks = new TurnMarks({ store: app.services.store, now: app.services.now });
  }

  async init(): Promise<void> {
    try {
      const [library, store] = await Promise.all([this.app.services.library(), this.app.services.store()]);
      if (!this.app.trainee.loaded) await this.app.trainee.load();
      this.session = this.#newSession(library, store);
      await this.session.open(this.#scenarioId, this.#packId);
      const scenario = this.session.scenario;
      if (scenario)
        void this.understanding
          .prepare((this.#exampleTexts = library.exampleTexts(scenario)))
          .then(() => this.#warm(library, scenario));
      this.status = 'ready';
      await this.speech.init();
    } catch (error) {
      this.failure = messageOf(error);
      this.status = 'failed';
    }
  }

  /** While the trainee reads the briefing, fits what the matcher would otherwise fit at the first turn. */
  async #warm(library: PracticeLibrary, scenario: ScenarioListing): Promise<void> {
    const vectors = await this.understanding.vectorsFor([], this.understanding.matcher);
    if (vectors) setTimeout(() => library.warm?.(scenario, vectors), 0);
  }

  #newSession(library: PracticeLibrary, store: AttemptStore): CallSession {
    const { voice, now } = this.app.services;
    return new CallSession({
      library,
      store,
      trainee: () => this.app.trainee.name,
      now,
      speak: (text, persona) => this.#speak(text, persona),
      cancelSpeech: () => voice.cancel(),
      startSilence: (limit) => this.silence.start(limit),
      stopSilence: () => this.silence.stop(),
      onCallShown: (attemptId) => this.#restoreDraft(attemptId),
      understanding: this.understanding,
    });
  }

  /** Puts back an answer typed and not sent before Back or a reload, unless something is in the box. */
  #restoreDraft(attemptId: string): void {
    const kept = this.#drafts.load(attemptId);
    if (kept !== null && !this.speech.draft.trim()) this.speech.draft = kept;
  }

  /** Starts the call once the language model has loaded or failed (the briefing shows its progress). */
  async begin(mode: Parameters<CallSession['begin']>[0]): Promise<void> {
    await this.understanding.prepare(this.#exampleTexts);
    await this.session?.begin(mode);
  }

  /** Resumes an unfinished call once the language model has loaded or failed. */
  async resume(): Promise<void> {
    await this.understanding.prepare(this.#exampleTexts);
    if (this.session?.pending) this.marks.load(this.session.pending);
    await this.session?.resume();
  }

  #speak(text: string, persona: CallerPersona): Promise<void> {
    if (this.app.prefs.muted) return Promise.resolve();
    return this.app.services.voice.speak(text, {
      voiceId: this.app.prefs.voiceId,
      lang: persona.lang ?? 'en-GB',
      rate: persona.rate,
      pitch: persona.pitch,
    });
  }

  /** The trainee typed in the answer box: the caller waits, and the unsent answer is kept for this tab. */
  typing(text: string = this.speech.draft): void {
    this.silence.activity();
    this.#drafts.save(this.session?.attemptId ?? null, text);
  }

  sendTyped(): boolean {
    const text = this.speech.draft.trim();
    if (!text) return false;
    this.speech.draft = '';
    // The sent answer stays kept for this tab until its turn is saved: a reload in between puts it
    // back in the box rather than losing it. Kept only if nothing new was typed meanwhile.
    const attemptId = this.session?.attemptId ?? null;
    this.#drafts.save(attemptId, text);
    void this.#submit({ text, source: 'typed', silenceBefore: this.silence.silenceBefore() }).then(
      (saved) => {
        if (saved && attemptId !== null && this.#drafts.load(attemptId) === text)
          this.#drafts.clear(attemptId);
      },
    );
    return true;
  }

  #said(speech: FinalSpeech): void {
    void this.#submit({
      text: speech.text,
      alternatives: speech.alternatives.map((a) =>
        a.confidence === undefined ? { text: a.text } : { text: a.text, confidence: a.confidence },
      ),
      source: 'voice',
      silenceBefore: this.silence.silenceBefore(),
    });
  }

  /** Sends a turn; true when it was saved. */
  async #submit(turn: Parameters<CallSession['submit']>[0]): Promise<boolean> {
    const session = this.session;
    if (!session) return false;
    // The vectors this turn needs, made before it is sent (the hybrid matcher reads them).
    session.vectors = await this.understanding.vectorsFor([...session.turns, turn], session.matcher);
    const submitting = session.submit(turn);
    this.announcement = this.#describeLatest();
    await submitting;
    const saved = session.returned === null;
    if (session.returned) {
      // Another tab answered first: nothing typed or said here is lost, it goes back in the box.
      if (!this.speech.draft.trim()) {
        this.speech.draft = session.returned;
        this.#drafts.save(session.attemptId, session.returned);
      }
      session.returned = null;
    }
    if (session.phase === 'debrief') this.speech.abort();
    return saved;
  }

  #describeLatest(): string {
    const session = this.session;
    const report = session?.report;
    if (!session || !report) return '';
    if (report.ended) return `The call has ended: ${report.ending?.title ?? ''}.`;
    // Assessment mode: the receipt on the call screen is the announcement ("Answer 2 recorded."), once.
    if (!session.showFeedback) return '';
    const last = report.transcript.findLast((e) => e.speaker === 'trainee');
    if (!last || last.speaker !== 'trainee') return '';
    const f = last.feedback;
    // The same words as the feedback on screen: a verdict only for a statement the turn attempted.
    const parts = f.statements.map((s) =>
      s.attempted ? `${s.title}: ${VERDICT_LABEL[s.verdict]}, ${s.score} per cent` : s.explanation,
    );
    if (f.criticalError) parts.unshift(`Critical error: ${f.criticalError}`);
    if (f.possibleMishear) parts.push('the recogniser may have misheard you');
    return parts.length ? `Feedback: ${parts.join('; ')}.` : 'Answer recorded.';
  }

  /** Marks a turn of this call as misunderstood by the caller, or takes the mark off. */
  toggleMisunderstood(turnIndex: number, stateId: string): void {
    const session = this.session;
    if (session) void this.marks.toggle(session.attemptId, turnIndex, stateId, session.saved());
  }

  keydown(event: KeyboardEvent): void {
    if (this.session?.phase !== 'call') return;
    if (TALK_KEY.matches(event)) {
      event.preventDefault();
      if (!this.speech.voiceOn) this.speech.chooseVoice();
      else this.speech.toggle();
    } else if (event.key === 'Escape' && this.speech.status !== 'idle') {
      this.speech.stop();
    }
  }

  dispose(): void {
    this.speech.abort();
    this.session?.dispose();
    this.silence.stop();
  }
}
