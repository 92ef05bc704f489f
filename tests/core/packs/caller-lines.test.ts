// The caller's lines: PIN digits that vary per call and follow what the trainee asked, the hang-up
// marker the call screen reads, and the checks on both.
import { describe, expect, it } from 'vitest';
import { runCall } from '../../../src/core/session/run-call.ts';
import { pinPositionsFor, seedOf } from '../../../src/core/packs/pin-digits.ts';
import { defaultPack, loadSmall, NOTICE, smallPack } from './fixtures.ts';

const ASK =
  'Before we go on I need to take you through security. Can I have two digits from your PIN please?';

/** The caller's line in the bogus caller's security state, after the given opening. */
function securityLine(opening: string, seed?: number): string {
  const report = runCall(
    defaultPack(),
    'bogus-caller',
    [{ text: opening }],
    seed === undefined ? {} : { seed },
  );
  expect(report.current.stateId).toBe('security');
  return report.transcript.findLast((e) => e.speaker === 'caller')!.text;
}

describe('PIN digits in the caller’s answer', () => {
  it('names the digits the call’s seed picked, different between calls, never a placeholder', () => {
    const lines = new Set<string>();
    for (const id of ['attempt-a', 'attempt-b', 'attempt-c', 'attempt-d', 'attempt-e']) {
      const seed = seedOf(id);
      const [a, b] = pinPositionsFor(seed);
      const line = securityLine(ASK, seed);
      const ordinals = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];
      expect(line).toContain(ordinals[a - 1]);
      expect(line).toContain(ordinals[b - 1]);
      expect(line).not.toMatch(/\{pin\./);
      lines.add(line);
    }
    expect(lines.size).toBeGreaterThan(1);
  });

  it('answers the digits the trainee asked for, whatever the seed', () => {
    const line = securityLine(
      'Could you give me the third and sixth digits of your PIN please?',
      seedOf('x'),
    );
    expect(line).toMatch(/third.*sixth/);
    expect(securityLine('Can I take the 1st and 4th digits of your PIN?', 12345)).toMatch(/first.*fourth/);
  });

  it('replays the same call the same way for one seed, and as before with none', () => {
    expect(securityLine(ASK, 99)).toBe(securityLine(ASK, 99));
    expect(securityLine(ASK)).toMatch(/second.*fifth/);
  });

  it('scores a hint about whichever digit was asked for as the critical error', () => {
    const turns = [
      { text: 'Could you give me the third and sixth digits of your PIN please?' },
      { text: "The third digit's right but the sixth one isn't." },
    ];
    const report = runCall(defaultPack(), 'bogus-caller', turns, { seed: 7 });
    expect(report.criticalErrors.map((e) => e.id)).toContain('revealed-security-answer');
  });
});

describe('a caller who hangs up while the call goes on', () => {
  it('is marked in the report only in a state the pack marks hangsUp', () => {
    const pack = defaultPack();
    const gone = Object.entries(pack.scenarios.get('bogus-caller')!.spec.states).filter(([, s]) => s.hangsUp);
    expect(gone.map(([id]) => id)).toEqual(['caller-gives-up']);
    const start = runCall(pack, 'bogus-caller', []);
    expect(start.current.callerHungUp).toBe(false);
  });

  it('is refused when a line says the caller hangs up and the state does not say hangsUp', () => {
    const raw = smallPack();
    raw.scenarios[0].states.closing.caller = ['Forget it. (The caller hangs up.)'];
    const r = loadSmall(raw);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(/hangs up here.*hangsUp: true/);
    raw.scenarios[0].states.closing.hangsUp = true;
    const fixed = loadSmall(raw);
    expect(fixed.ok).toBe(true);
    if (!fixed.ok) return;
    const turns = [
      { text: NOTICE },
      { text: 'Can I take two digits from your PIN and your password please' },
    ];
    const report = runCall(fixed.pack, 'demo', turns);
    expect(report.current.stateId).toBe('closing');
    expect(report.current.callerHungUp).toBe(true);
  });

  it('refuses a placeholder that is not a PIN digit', () => {
    const raw = smallPack();
    raw.scenarios[0].states.security.caller = ['The {pin.third} one is 7'];
    const r = loadSmall(raw);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors.map((e) => e.message).join('\n')).toMatch(/unknown placeholder \{pin\.third\}/);
  });
});
