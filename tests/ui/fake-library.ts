// A small stand-in for the installed packs, so the practice state can be tested without them.
import { explainResult, type ScoreResult } from '../../src/core/index.ts';
import type {
  CallReport,
  PracticeLibrary,
  ScenarioListing,
  TraineeTurn,
  TranscriptEntry,
} from '../../src/core/ports/index.ts';

export const scenario: ScenarioListing = {
  packId: 'test-pack',
  packVersion: '1.0.0',
  packTitle: 'Test pack',
  id: 'test-call',
  title: 'A test call',
  summary: 'Say the recording notice.',
  direction: 'inbound',
};

function score(text: string): ScoreResult {
  const ok = /may be recorded/.test(text);
  return {
    scriptId: 'call-recording-notice',
    verdict: ok ? 'exact' : 'fail',
    score: ok ? 100 : 40,
    deviations: [],
    deviationCount: 0,
    allowedDeviations: 1,
    scriptWordCount: 4,
    missingKeyElements: ok ? [] : ['may be recorded'],
    negationChanged: false,
    missingClause: null,
    reasons: ok ? [] : ['A key element is missing'],
    ops: [],
    script: [],
    attempt: [],
    tooLong: false,
  };
}

export function runFake(turns: TraineeTurn[]): CallReport {
  const transcript: TranscriptEntry[] = [{ speaker: 'caller', text: 'Hello?', stateId: 'start' }];
  let ended: CallReport['ending'] = null;
  const criticalErrors: CallReport['criticalErrors'] = [];
  let silences = 0;
  let said: ScoreResult | null = null;
  turns.forEach((turn, turnIndex) => {
    if (ended) return;
    const text = turn.text ?? '';
    const result = text ? score(text) : null;
    const mishear =
      !!result &&
      result.verdict === 'fail' &&
      !!turn.alternatives?.some((a) => /may be recorded/.test(a.text));
    const critical = /address is/.test(text) ? 'You disclosed an address' : null;
    transcript.push({
      speaker: 'trainee',
      turnIndex,
      text,
      stateId: 'start',
      feedback: {
        statements: result
          ? [
              {
                scriptId: result.scriptId,
                title: 'Call recording notice',
                attempted: true as const,
                verdict: result.verdict,
                score: result.score,
                explanation: explainResult(result),
                result,
              },
            ]
          : [],
        intent: null,
        forbidden: [],
        criticalError: critical,
        expected: 'The recording notice',
        possibleMishear: mishear,
      },
    });
    if (critical) {
      criticalErrors.push({ id: 'disclosure', message: critical, turnIndex });
      ended = {
        id: 'disclosed',
        title: 'Disclosed',
        outcome: 'fail',
        debrief: 'You disclosed.',
        procedure: ['Never disclose'],
        points: [],
      };
    } else if (!text) {
      silences += 1;
      if (silences >= 2)
        ended = {
          id: 'hung-up',
          title: 'Caller hung up',
          outcome: 'fail',
          debrief: 'Too quiet.',
          procedure: [],
          points: [],
        };
      transcript.push({
        speaker: 'caller',
        text: silences >= 2 ? 'Goodbye.' : 'Are you there?',
        stateId: 'start',
      });
    } else if (result?.verdict === 'exact') {
      said = result;
      ended = {
        id: 'good',
        title: 'Good call',
        outcome: 'pass',
        debrief: 'Well done.',
        procedure: ['Say the notice'],
        points: [],
      };
      transcript.push({ speaker: 'caller', text: 'Thanks.', stateId: 'end' });
    } else {
      transcript.push({ speaker: 'caller', text: 'Sorry?', stateId: 'start' });
    }
  });
  const passed = (ended as CallReport['ending'])?.outcome === 'pass';
  return {
    scenario: { id: scenario.id, title: scenario.title, summary: scenario.summary },
    transcript,
    current: {
      stateId: 'start',
      callerLine: transcript.at(-1)?.text ?? null,
      patienceSeconds: ended ? null : 8,
      callerHungUp: false,
      expects: [],
    },
    ended: ended !== null,
    ending: ended,
    criticalErrors,
    statements: [
      {
        scriptId: 'call-recording-notice',
        title: 'Call recording notice',
        required: true,
        result: said,
        turnIndex: null,
        withinTurns: null,
      },
    ],
    moves: [],
    score: passed ? 100 : 0,
    passMark: 80,
    passed,
  };
}

export const fakeLibrary: PracticeLibrary = {
  scenarios: [
    scenario,
    { ...scenario, id: 'sensitive', title: 'Sensitive', contentNote: 'Talks about self-harm.' },
    { ...scenario, id: 'suicide-threat', title: 'Suicide threat', contentNote: 'Talks about suicide.' },
  ],
  problems: [],
  scripts: [
    { id: 'call-recording-notice', title: 'Call recording notice', wording: 'this call may be recorded' },
  ],
  find: (id, packId) => {
    const all = fakeLibrary.scenarios.filter(
      (s) => s.id === id && (packId === undefined || s.packId === packId),
    );
    return all.length === 1 ? all[0] : undefined;
  },
  exampleTexts: () => ['this call may be recorded'],
  brief: () => ({
    statements: [
      {
        scriptId: 'call-recording-notice',
        title: 'Call recording notice',
        required: true,
        wording: 'this call may be recorded',
        source: 'Annex A - Client contact',
      },
    ],
    moves: [],
    neverSay: [],
    notes: [],
  }),
  persona: () => ({ name: 'Pat', rate: 1.1, pitch: 0.9 }),
  run: (_s, turns) => runFake(turns),
  drill: (_id, said) => score(said),
};
