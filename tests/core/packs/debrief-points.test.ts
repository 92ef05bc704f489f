import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCall, type TraineeTurn } from '../../../src/core/session/index.ts';
import { defaultPack, loadSmall, NOTICE, smallPack } from './fixtures.ts';

const SECURITY = 'Can I take two digits from your PIN and your password please';
const GOODBYE = 'Thank you for calling, goodbye';

function withPoints(points: unknown[], procedure?: unknown[]) {
  const raw = smallPack();
  raw.scenarios[0].endings.done.points = points;
  if (procedure) raw.scenarios[0].endings.done.procedure = procedure;
  return loadSmall(raw);
}

describe('debrief points that depend on what happened', () => {
  it('shows a point only when the state or move it names happened on the call', () => {
    const r = withPoints([
      { text: 'You asked for security.', onlyIf: { move: 'ask-security' } },
      { text: 'You reached security.', onlyIf: { state: 'security' } },
      { text: 'You said goodbye.', onlyIf: { move: 'say-goodbye' } },
      { text: 'Always shown.' },
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const call = runCall(r.pack, 'demo', [{ text: NOTICE }, { text: SECURITY }, { text: GOODBYE }]);
    expect(call.ending?.points).toEqual([
      'You asked for security.',
      'You reached security.',
      'You said goodbye.',
      'Always shown.',
    ]);
  });

  it('refuses points that could never apply, naming where', () => {
    const r = withPoints(
      [
        { text: 'Not a move of the scenario.', onlyIf: { move: 'give-address' } },
        { text: 'No such state.', onlyIf: { state: 'nowhere' } },
      ],
      [{ point: 'Give the notice.', inference: true, onlyIf: { state: 'open' } }],
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const messages = r.errors.map((e) => `${String(e.path)}: ${e.message}`).join('\n');
    expect(messages).toContain('points[0].onlyIf: move "give-address" is not one of this scenario\'s moves');
    expect(messages).toContain('points[1].onlyIf: no state "nowhere" in this scenario');
  });

  it('asks for exactly one of state or move', () => {
    const r = withPoints([{ text: 'Both.', onlyIf: { state: 'security', move: 'ask-security' } }]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.message).join(' ')).toContain('give exactly one of state or move');
  });

  it('refuses a point on a state from which its ending cannot be reached', () => {
    const raw = smallPack();
    raw.scenarios[0].endings.disclosed.points = [{ text: 'x', onlyIf: { state: 'closing' } }];
    raw.scenarios[0].critical = [];
    raw.scenarios[0].states.open.on.unshift({ when: { intent: 'give-address' }, to: 'disclosed' });
    const r = loadSmall(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message)).toContain(
      'the call cannot reach "disclosed" after "closing", so this point could never apply',
    );
  });

  it('does not claim a copy was asked for when it was not (client-recording-call)', () => {
    const turns = (file: string) =>
      (
        JSON.parse(readFileSync(`tests/golden/client-recording-call/${file}`, 'utf8')) as {
          turns: TraineeTurn[];
        }
      ).turns;
    const notAsked = runCall(defaultPack(), 'client-recording-call', turns('client-records.json'));
    expect(notAsked.ending?.id).toBe('carried-on');
    expect(notAsked.ending?.points).toEqual([]);
    expect(notAsked.ending?.procedure.join(' ')).not.toContain('GDPR');
    const asked = runCall(defaultPack(), 'client-recording-call', turns('suspected-recording.json'));
    expect(asked.ending?.id).toBe('carried-on');
    expect(asked.ending?.points).toEqual([
      'Where asked for a copy of the CMS recording, you pointed to a subject access request.',
    ]);
  });
});
