import { describe, expect, it } from 'vitest';
import { callFeedback, diffWords, explainResult, formatDiff } from '../../../src/core/feedback/index.ts';
import { scoreStatement } from '../../../src/core/scoring/verbatim.ts';
import { runCall, type TurnStatement } from '../../../src/core/session/index.ts';
import { script } from '../../helpers/library.ts';
import {
  defaultPack,
  GOODBYE,
  LATE_NOTICE,
  loadSmall,
  NOTICE,
  SECURITY,
  smallLoaded,
  smallPack,
} from '../packs/fixtures.ts';

const turnStatements = (r: ReturnType<typeof runCall>, turnIndex: number): TurnStatement[] => {
  const t = r.transcript.find((e) => e.speaker === 'trainee' && e.turnIndex === turnIndex);
  return t?.speaker === 'trainee' ? t.feedback.statements : [];
};

describe('turn feedback', () => {
  it('says in words that an expected statement was not said, with no verdict, score or diff', () => {
    const r = runCall(defaultPack(), 'first-contact', [
      { text: "Hello, Child Maintenance Service, I'm Tess." },
    ]);
    expect(turnStatements(r, 0)).toEqual([
      {
        scriptId: 'confidentiality-statement',
        title: 'Confidentiality statement',
        attempted: false,
        explanation: 'The confidentiality statement was expected here and not said.',
      },
    ]);
  });

  it('judges only the statement a turn attempts: a warning said where the confidentiality statement is due', () => {
    const warning = script('false-information-warning').wording;
    const r = runCall(defaultPack(), 'first-contact', [{ text: warning }]);
    const shown = turnStatements(r, 0);
    expect(shown.find((s) => s.scriptId === 'false-information-warning')).toMatchObject({
      attempted: true,
      verdict: 'exact',
    });
    expect(shown.find((s) => s.scriptId === 'confidentiality-statement')).toEqual(
      expect.objectContaining({ attempted: false }),
    );
    const t = r.transcript.find((e) => e.speaker === 'trainee');
    expect(t?.speaker === 'trainee' && t.feedback.possibleMishear).toBe(false);
  });

  it('does not judge a statement again once said acceptably, unless it is attempted again', () => {
    const pack = loadSmall({
      ...smallPack(),
      scenarios: [
        {
          ...smallPack().scenarios[0],
          states: {
            ...smallPack().scenarios[0].states,
            security: {
              caller: ['Okay, what do you need?'],
              expects: 'Ask for security.',
              on: [
                { when: { intent: 'ask-security' }, to: 'closing' },
                { when: { attempt: 'call-recording-notice' }, reply: ['You said that.'] },
              ],
            },
          },
        },
      ],
    });
    if (!pack.ok) throw new Error(JSON.stringify(pack.errors));
    const r = runCall(pack.pack, 'demo', [{ text: NOTICE }, { text: 'Hello?' }, { text: NOTICE }]);
    expect(turnStatements(r, 0)[0]).toMatchObject({ attempted: true, verdict: 'exact', score: 100 });
    expect(turnStatements(r, 1)).toEqual([]);
    expect(turnStatements(r, 2)[0]).toMatchObject({ attempted: true, verdict: 'exact' });
  });

  it('explains a fail with a high score by the rule it broke', () => {
    const r = scoreStatement(script('call-recording-notice'), NOTICE.replace('this call', 'this cold'));
    expect(r.verdict).toBe('fail');
    expect(explainResult(r)).toBe(
      'Not acceptable, although the 94% score is within tolerance, because the key words “call” were not said as written (scoring standard 4.1: key elements).',
    );
  });
});

describe('call feedback', () => {
  it('says a move made after its window was made late, not missed', () => {
    const raw = smallPack();
    raw.scenarios[0].moves = [{ intent: 'ask-security', within: { turns: 1 } }];
    const loaded = loadSmall(raw);
    if (!loaded.ok) throw new Error('pack');
    const fb = callFeedback(
      runCall(loaded.pack, 'demo', [{ text: NOTICE }, { text: SECURITY }, { text: GOODBYE }]),
    );
    expect(fb.moves).toEqual([
      {
        intentId: 'ask-security',
        label: 'Ask for security',
        status: 'late',
        statusLabel: 'Made late (turn 2, expected by turn 1)',
      },
    ]);
    expect(fb.improvements).toContain(
      'Ask for security: Made late (turn 2, expected by turn 1). Do it sooner.',
    );
  });

  it('puts the reason next to the score when a critical error overrides a full score', () => {
    const r = runCall(smallLoaded(), 'demo', [
      { text: NOTICE },
      { text: SECURITY },
      { text: `${GOODBYE}, you idiot` },
    ]);
    expect(r.score).toBe(100);
    const fb = callFeedback(r);
    expect(fb.outcome).toMatchObject({
      passed: false,
      label: 'Not passed',
      scoreLine: 'Score 100% (pass mark 80%)',
    });
    expect(fb.outcome.reasons).toEqual(['A critical error fails the call whatever the score, even at 100%.']);
    expect(fb.improvements[0]).toBe('Never insult a caller. (said: "you idiot") (turn 3)');
  });

  it('says why a pass ending with a low score did not pass', () => {
    const r = runCall(smallLoaded(), 'demo', LATE_NOTICE);
    const fb = callFeedback(r);
    expect(fb.outcome.reasons).toEqual(['The score, 50%, is below the pass mark of 80%.']);
    expect(fb.statements[0]).toMatchObject({ label: 'Word for word', counted: false });
    expect(fb.statements[0]!.explanation).toBe(
      'Said word for word. Said late (turn 3, needed within the first 2 turns): it earns no credit.',
    );
  });
});

describe('diff words', () => {
  it('shows a word said once, once, even when it stands for two compared words', () => {
    const said = `That's absolutely fine, you're allowed. ${script('false-information-warning').wording}`;
    const r = scoreStatement(script('false-information-warning'), said);
    const outside = diffWords(r)
      .filter((w) => w.kind === 'outside')
      .map((w) => (w.kind === 'outside' ? w.said : ''));
    expect(outside.join(' ')).toBe("That's absolutely fine you're allowed");
    const shown = diffWords(r).map((w) => (w.kind === 'match' ? w.word : ''));
    expect(shown.filter((w) => w === '£1000')).toHaveLength(1);
  });

  it('prints the same diff for the terminal', () => {
    const r = scoreStatement(script('call-recording-notice'), NOTICE.replace('may be', 'will be'));
    expect(formatDiff(r)).toContain('[-may->will+]');
  });
});
