import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openAttemptStore } from '../../src/adapters/storage/attempt-store.ts';
import type { AttemptStore } from '../../src/core/ports/index.ts';
import { CallSession } from '../../src/ui/state/call-session.svelte.ts';
import { callDeps } from './call-deps-fixture.ts';
import { MATCHER_VERSION } from '../../src/core/index.ts';
import { TraineeState } from '../../src/ui/state/trainee.svelte.ts';

let n = 0;
const opened: AttemptStore[] = [];
afterEach(() => opened.splice(0).forEach((s) => s.close()));

async function setup(name = `call-${++n}`, trainee: string | null = 'Sam') {
  const store = await openAttemptStore({ name });
  opened.push(store);
  const log = { spoken: [] as string[], silence: [] as (number | null)[], shown: [] as string[] };
  const deps = callDeps({
    store,
    trainee: () => trainee,
    speak: async (text) => {
      log.spoken.push(text);
    },
    startSilence: (limit) => log.silence.push(limit),
    onCallShown: (id) => log.shown.push(id),
  });
  return { session: new CallSession(deps), store, log, name };
}

/** A call answered once in one tab, then opened again in a second (as after a reload). */
async function unfinishedCallReopened() {
  const first = await setup();
  await first.session.open('test-call');
  await first.session.begin('practice');
  await first.session.submit({ text: 'hello' });
  const second = await setup(first.name);
  await second.session.open('test-call');
  return { first, second };
}

describe('CallSession', () => {
  it('shows the briefing, then runs the call, speaking each caller line and counting silence after it', async () => {
    const { session, log } = await setup();
    await session.open('test-call');
    expect(session.phase).toBe('briefing');
    await session.begin('practice');
    expect(session.phase).toBe('call');
    expect(log.spoken).toEqual(['Hello?']);
    expect(log.silence).toEqual([8]);
    await session.submit({ text: 'hello', source: 'typed' });
    expect(session.lastCallerLine).toBe('Sorry?');
    expect(log.spoken).toEqual(['Hello?', 'Sorry?']);
  });

  it('saves every turn as it is made and finishes the attempt with a summary', async () => {
    const { session, store } = await setup();
    await session.open('test-call');
    await session.begin('assessment');
    await session.submit({ text: 'hello', source: 'typed' });
    await session.submit({ text: 'this call may be recorded', source: 'typed' });
    expect(session.phase).toBe('debrief');
    const [record] = await store.list({ trainee: 'Sam' });
    expect(record?.turns.map((t) => t.text)).toEqual(['hello', 'this call may be recorded']);
    // Each turn keeps what was decided then: the matcher, its version, the move read and the moves credited.
    expect(record?.turns[0]?.decision).toEqual({
      matcher: 'words only',
      version: MATCHER_VERSION,
      intent: null,
      credited: [],
    });
    expect(record?.status).toBe('completed');
    expect(record?.summary).toMatchObject({
      ending: { id: 'good', outcome: 'pass' },
      passed: true,
      score: 100,
    });
    expect(record?.mode).toBe('assessment');
  });

  it('holds feedback until the end in assessment mode', async () => {
    const { session } = await setup();
    await session.open('test-call');
    await session.begin('assessment');
    expect(session.showFeedback).toBe(false);
    await session.submit({ text: 'this call may be recorded' });
    expect(session.showFeedback).toBe(true);
  });

  it('resumes an unfinished call after a reload, with nothing lost', async () => {
    const { first, second } = await unfinishedCallReopened();
    expect(second.session.phase).toBe('resume');
    await second.session.resume();
    expect(second.session.turns).toEqual([{ text: 'hello' }]);
    expect(second.session.lastCallerLine).toBe('Sorry?');
    expect(second.log.spoken).toEqual(['Sorry?']);
    // The screen is told which attempt it shows, on starting and on carrying on, to put an unsent answer back.
    expect(first.log.shown).toEqual([first.session.attemptId]);
    expect(second.log.shown).toEqual([first.session.attemptId]);
  });

  it('records the unfinished call as abandoned when the trainee starts again', async () => {
    const { second } = await unfinishedCallReopened();
    await second.session.discardPending();
    expect(second.session.phase).toBe('briefing');
    expect((await second.store.list({ status: 'abandoned' })).length).toBe(1);
  });

  it('follows another tab that already wrote the same turn, instead of overwriting it', async () => {
    const tabA = await setup();
    await tabA.session.open('test-call');
    await tabA.session.begin('practice');
    const tabB = await setup(tabA.name);
    await tabB.session.open('test-call');
    await tabB.session.resume();
    await tabB.session.submit({ text: 'from tab B' });
    await tabA.session.submit({ text: 'from tab A' });
    expect(tabA.session.notice).toMatch(/another tab/);
    expect(tabA.session.turns).toEqual([{ text: 'from tab B' }]);
    expect(tabA.session.returned).toBe('from tab A');
    const [record] = await tabA.store.list();
    expect(record?.turns.map((t) => t.text)).toEqual(['from tab B']);
  });

  it('marks a turn the recogniser may have misheard for the coach', async () => {
    const { session, store } = await setup();
    await session.open('test-call');
    await session.begin('practice');
    await session.submit({
      text: 'this call maybe recorded',
      alternatives: [
        { text: 'this call maybe recorded', confidence: 0.5 },
        { text: 'this call may be recorded', confidence: 0.4 },
      ],
      source: 'voice',
    });
    expect(session.flagged.includes(0)).toBe(true);
    const [record] = await store.list();
    expect(record?.turns[0]?.flaggedForCoach).toBe(true);
  });

  it('ends on a critical error, and dead air makes the caller react', async () => {
    const { session } = await setup();
    await session.open('test-call');
    await session.begin('practice');
    await session.submit({ silenceBefore: 8 });
    expect(session.lastCallerLine).toBe('Are you there?');
    await session.submit({ text: 'their address is 1 High Street' });
    expect(session.phase).toBe('debrief');
    expect(session.report?.criticalErrors).toHaveLength(1);
  });

  it('opens with the content note and can be left at any moment, marked abandoned', async () => {
    const { session, store } = await setup();
    await session.open('sensitive');
    expect(session.phase).toBe('content-note');
    session.acceptContentNote();
    await session.begin('practice');
    await session.leave();
    expect(session.phase).toBe('left');
    expect((await store.list())[0]?.status).toBe('abandoned');
  });

  it('asks who is practising before a call, and says when a scenario is missing', async () => {
    const nobody = await setup(undefined, null);
    await nobody.session.open('test-call');
    expect(nobody.session.phase).toBe('no-trainee');
    const { session } = await setup();
    await session.open('no-such-scenario');
    expect(session.phase).toBe('missing');
  });

  it('stops the call when a turn cannot be saved: the turn is taken back, the answer returned, the reason shown', async () => {
    const { session, store } = await setup();
    await session.open('test-call');
    await session.begin('practice');
    await session.submit({ text: 'hello', source: 'typed' });
    // The disk fills: the next write fails as the browser reports it.
    const full = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const realAppend = store.appendTurn.bind(store);
    store.appendTurn = () => Promise.reject(full);
    await session.submit({ text: 'this call may be recorded', source: 'typed' });
    expect(session.turns).toHaveLength(1);
    expect(session.phase).toBe('call');
    expect(session.returned).toBe('this call may be recorded');
    expect(session.notice).toMatch(/not saved, so the call has stopped here/);
    // Space is freed: sending again carries on from where the call was saved.
    store.appendTurn = realAppend;
    session.returned = null;
    await session.submit({ text: 'this call may be recorded', source: 'typed' });
    expect(session.turns).toHaveLength(2);
    expect(session.notice).toBeNull();
    const [saved] = await store.list({ trainee: 'Sam' });
    expect(saved?.turns.map((t) => t.text)).toEqual(['hello', 'this call may be recorded']);
  });

  it('reads the trainee when the call starts, from the state the header shows', async () => {
    const { store } = await setup();
    const trainee = new TraineeState(() => Promise.resolve(store));
    await trainee.choose('Old Trainee');
    const session = new CallSession(callDeps({ store, trainee: () => trainee.name }));
    await session.open('test-call');
    // A new trainee signs in and the call is started at once, before the sign-in is stored.
    const signingIn = trainee.choose('New Trainee');
    expect(trainee.name).toBe('New Trainee');
    await session.begin('practice');
    await signingIn;
    const [saved] = await store.list();
    expect(saved?.trainee).toBe('New Trainee');
  });
});
