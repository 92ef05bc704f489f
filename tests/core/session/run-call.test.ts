import { describe, expect, it } from 'vitest';
import {
  describeScenario,
  listScenarios,
  runCall,
  type TraineeTurn,
} from '../../../src/core/session/index.ts';
import { defaultPack, GOODBYE, LATE_NOTICE, NOTICE, SECURITY, smallLoaded } from '../packs/fixtures.ts';

const good: TraineeTurn[] = [{ text: NOTICE }, { text: SECURITY }, { text: GOODBYE }];

const callerLines = (r: ReturnType<typeof runCall>) =>
  r.transcript.filter((e) => e.speaker === 'caller').map((e) => e.text);

describe('runCall', () => {
  it('plays a good call to its pass ending with full credit', () => {
    const r = runCall(smallLoaded(), 'demo', good);
    expect(r.ended).toBe(true);
    expect(r.ending).toMatchObject({ id: 'done', outcome: 'pass' });
    expect(r.ending!.procedure[0]).toBe('Give the notice. (Annex A - Client contact, Call recording)');
    expect(r.statements[0]).toMatchObject({ scriptId: 'call-recording-notice', turnIndex: 0 });
    expect(r.statements[0]!.result!.verdict).toBe('exact');
    expect(r.moves).toEqual([
      {
        intentId: 'ask-security',
        label: 'Ask for security',
        required: true,
        made: true,
        turnIndex: 1,
        withinTurns: null,
      },
      {
        intentId: 'say-goodbye',
        label: 'Say goodbye',
        required: false,
        made: true,
        turnIndex: 2,
        withinTurns: null,
      },
    ]);
    expect(r).toMatchObject({ score: 100, passMark: 80, passed: true, criticalErrors: [] });
    expect(callerLines(r)).toEqual([
      'Hello?',
      'Okay, what do you need?',
      'Right, is that everything?',
      'Bye.',
    ]);
  });

  it('gives the same report for the same turns, and replays a prefix as the same call so far', () => {
    const pack = smallLoaded();
    expect(runCall(pack, 'demo', good)).toEqual(runCall(pack, 'demo', good));
    const partial = runCall(pack, 'demo', good.slice(0, 2));
    expect(partial.ended).toBe(false);
    expect(partial.current).toMatchObject({
      stateId: 'closing',
      callerLine: 'Right, is that everything?',
      patienceSeconds: 5,
    });
    expect(partial.current.expects).toEqual([
      { kind: 'move', intentId: 'say-goodbye', label: 'Say goodbye' },
    ]);
    expect(runCall(pack, 'demo', good).transcript.slice(0, partial.transcript.length)).toEqual(
      partial.transcript,
    );
  });

  it('lets the caller react with a varying reply when the answer is not what the state expects', () => {
    const r = runCall(smallLoaded(), 'demo', [
      { text: 'Hiya' },
      { text: 'Hiya again' },
      { text: 'Hiya once more' },
    ]);
    expect(callerLines(r)).toEqual(['Hello?', 'Who is this?', 'Sorry, who?', 'Who is this?']);
    expect(r.current.stateId).toBe('open');
    const feedback = r.transcript.find((e) => e.speaker === 'trainee')!;
    expect(feedback.speaker === 'trainee' && feedback.feedback.expected).toBe('Give the recording notice.');
  });

  it('treats a turn with no text as dead air: the caller prompts, then gives up', () => {
    const pack = smallLoaded();
    const one = runCall(pack, 'demo', [{}]);
    expect(callerLines(one)).toEqual(['Hello?', 'Hello?']);
    expect(one.ended).toBe(false);
    const gone = runCall(pack, 'demo', [{}, {}, {}]);
    expect(callerLines(gone)).toEqual(['Hello?', 'Hello?', 'Anyone there?']);
    expect(gone.ending).toMatchObject({ id: 'hung-up', outcome: 'fail' });
    expect(gone.passed).toBe(false);
  });

  it('plays a long silence before speaking as every prompt it would have caused', () => {
    const r = runCall(smallLoaded(), 'demo', [{ text: NOTICE, silenceBefore: 11 }]);
    expect(r.transcript.map((e) => e.speaker)).toEqual(['caller', 'caller', 'caller', 'trainee', 'caller']);
    expect(r.current.stateId).toBe('security');
    const shorter = runCall(smallLoaded(), 'demo', [{ text: NOTICE, silenceBefore: 4 }]);
    expect(callerLines(shorter)).toEqual(['Hello?', 'Okay, what do you need?']);
  });

  it('fails the call on a critical error whatever else happened', () => {
    const r = runCall(smallLoaded(), 'demo', [{ text: NOTICE }, { text: 'His address is 22 Mill Lane' }]);
    expect(r.ending).toMatchObject({ id: 'disclosed', outcome: 'fail' });
    expect(r.criticalErrors).toEqual([
      { id: 'gave-address', message: 'You gave out an address.', turnIndex: 1 },
    ]);
    const turn = r.transcript.find((e) => e.speaker === 'trainee' && e.turnIndex === 1);
    expect(turn?.speaker === 'trainee' && turn.feedback.criticalError).toBe('You gave out an address.');
  });

  it('records a never-say phrase as a critical error even when the call otherwise passes', () => {
    const r = runCall(smallLoaded(), 'demo', [
      { text: NOTICE },
      { text: SECURITY },
      { text: `${GOODBYE}, you idiot` },
    ]);
    expect(r.ending?.outcome).toBe('pass');
    expect(r.criticalErrors.map((e) => e.id)).toEqual(['no-idiot']);
    expect(r.passed).toBe(false);
    const last = r.transcript.filter((e) => e.speaker === 'trainee').at(-1)!;
    expect(last.speaker === 'trainee' && last.feedback.forbidden).toEqual(['you idiot']);
  });

  it('gives no credit for a statement said after its window', () => {
    const r = runCall(smallLoaded(), 'demo', LATE_NOTICE);
    expect(r.ending?.outcome).toBe('pass');
    expect(r.statements[0]).toMatchObject({ turnIndex: 2, note: expect.stringContaining('first 2 turns') });
    expect(r.score).toBe(50);
    expect(r.passed).toBe(false);
  });

  it('judges a voice turn by the alternative that satisfies the state', () => {
    const turn: TraineeTurn = {
      text: 'I should tell you that this cold may be wrecked for quality and or training porpoises',
      alternatives: [
        {
          text: 'I should tell you that this cold may be wrecked for quality and or training porpoises',
          confidence: 0.55,
        },
        { text: NOTICE, confidence: 0.4 },
      ],
      source: 'voice',
    };
    const r = runCall(smallLoaded(), 'demo', [turn]);
    expect(r.current.stateId).toBe('security');
    const t = r.transcript.find((e) => e.speaker === 'trainee')!;
    expect(t.text).toBe(NOTICE);
    expect(t.speaker === 'trainee' && t.feedback.possibleMishear).toBe(false);
  });

  it('flags a failed statement attempt as a possible mishear when the recogniser was unsure', () => {
    const misheard = 'I should tell you that this cold may be recorded for quality and or training porpoises';
    const r = runCall(smallLoaded(), 'demo', [
      { text: misheard, alternatives: [{ text: misheard, confidence: 0.3 }] },
    ]);
    const t = r.transcript.find((e) => e.speaker === 'trainee')!;
    expect(t.speaker === 'trainee' && t.feedback.possibleMishear).toBe(true);
    // Only a statement actually attempted can raise it: unsure words that attempt nothing do not.
    const other = runCall(smallLoaded(), 'demo', [
      { text: 'Hello there', alternatives: [{ text: 'Hello there', confidence: 0.3 }] },
    ]);
    const o = other.transcript.find((e) => e.speaker === 'trainee')!;
    expect(o.speaker === 'trainee' && o.feedback.possibleMishear).toBe(false);
    const sure = runCall(smallLoaded(), 'demo', [
      { text: 'Hello', alternatives: [{ text: 'Hello', confidence: 0.95 }] },
    ]);
    const s = sure.transcript.find((e) => e.speaker === 'trainee')!;
    expect(s.speaker === 'trainee' && s.feedback.possibleMishear).toBe(false);
  });

  it('hides hints in assessment mode until the call ends', () => {
    const pack = smallLoaded();
    const mid = runCall(pack, 'demo', good.slice(0, 1), { mode: 'assessment' });
    expect(mid.current.expects).toEqual([]);
    const t = mid.transcript.find((e) => e.speaker === 'trainee')!;
    expect(t.speaker === 'trainee' && t.feedback.expected).toBe('');
    expect(runCall(pack, 'demo', good, { mode: 'assessment' }).passed).toBe(true);
  });

  it('ignores turns after the call has ended', () => {
    const r = runCall(smallLoaded(), 'demo', [...good, { text: 'Are you still there?' }]);
    expect(r.transcript.filter((e) => e.speaker === 'trainee')).toHaveLength(3);
  });

  it('refuses an unknown scenario id with a plain message', () => {
    expect(() => runCall(smallLoaded(), 'nope', [])).toThrow('no scenario "nope"');
  });
});

describe('describeScenario and listScenarios', () => {
  it('lists the default scenarios with direction and content note', () => {
    const list = listScenarios(defaultPack());
    expect(list.map((s) => s.id)).toEqual([
      'bogus-caller',
      'client-recording-call',
      'representative-without-authority',
      'suicide-threat',
      'first-contact',
    ]);
    expect(list.find((s) => s.id === 'suicide-threat')!.contentNote).toBeDefined();
    expect(list.find((s) => s.id === 'client-recording-call')!.direction).toBe('outbound');
  });

  it('shows everything that will be judged before the call, with labels and windows', () => {
    const b = describeScenario(defaultPack(), 'client-recording-call');
    expect(b.statements).toEqual([
      {
        scriptId: 'call-recording-notice',
        title: 'Call recording notice',
        required: true,
        note: 'within your first 3 turns',
        wording: 'I should tell you that this call may be recorded for quality and or training purposes',
        source: 'Annex A - Client contact: call recording',
      },
    ]);
    expect(b.moves[0]).toEqual({
      intentId: 'greet-and-identify',
      label: 'Greet and say who you are',
      required: false,
      note: 'Good practice on every outbound call.',
    });
    expect(b.persona).toMatchObject({ name: 'Lee', lang: 'en-GB' });
    // Only the never-say rules that belong to this call: the suicide wording rule is the suicide role-play's.
    expect(b.neverSay.map((n) => n.id)).not.toContain('said-committed-suicide');
    expect(describeScenario(defaultPack(), 'suicide-threat').neverSay).toEqual([
      {
        id: 'said-committed-suicide',
        message: expect.stringContaining('take their own life'),
        phrases: ['committed suicide', 'commit suicide'],
      },
    ]);
    expect(b.passMark).toBe(80);
  });
});
