import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadPack } from '../../../src/core/packs/index.ts';
import { defaultPack, defaultPackText, loadSmall, shippedScripts, smallPack } from './fixtures.ts';

const errorsOf = (r: ReturnType<typeof loadSmall>) => {
  if (r.ok) throw new Error('expected the pack to be refused');
  return r.errors;
};

describe('loadPack', () => {
  it('loads the default pack with the five required role-plays, no errors and no warnings', () => {
    const pack = defaultPack();
    expect([...pack.scenarios.keys()]).toEqual(
      expect.arrayContaining([
        'bogus-caller',
        'client-recording-call',
        'representative-without-authority',
        'suicide-threat',
        'first-contact',
      ]),
    );
    const r = loadPack(structuredClone(pack.spec), { file: 'x', scripts: shippedScripts() });
    expect(r.ok && r.warnings).toEqual([]);
  });

  it('gives every default scenario at least three branches and an ending for every outcome', () => {
    for (const s of defaultPack().spec.scenarios) {
      const branching = Object.values(s.states).filter(
        (st) => new Set(st.on.flatMap((t) => (t.to ? [t.to] : []))).size >= 2,
      );
      expect(branching.length, s.id).toBeGreaterThanOrEqual(1);
      expect(Object.keys(s.endings).length, s.id).toBeGreaterThanOrEqual(4);
      expect(
        Object.values(s.endings).some((e) => e.outcome === 'pass'),
        s.id,
      ).toBe(true);
      expect(
        Object.values(s.endings).some((e) => e.outcome === 'fail'),
        s.id,
      ).toBe(true);
    }
  });

  it('gives the suicide-threat scenario a content note and staff support in every debrief', () => {
    const s = defaultPack().scenarios.get('suicide-threat')!.spec;
    expect(s.contentNote).toMatch(/take their own life|116 123/);
    for (const [id, e] of Object.entries(s.endings)) expect(e.support?.length, id).toBeGreaterThan(0);
  });

  it('refuses a misspelt field, naming the path and the line', () => {
    const raw = smallPack();
    raw.scenarios[0].moves[0].requried = true;
    const text = stringify(raw);
    const errors = errorsOf(loadSmall(raw, text));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'small.yaml', path: 'scenarios[0].moves[0]', severity: 'error' });
    expect(errors[0]!.message).toContain('"requried"');
    expect(text.split('\n')[errors[0]!.line! - 1]).toMatch(/intent: ask-security/);
  });

  it('reports every bad reference at once, each with its path', () => {
    const raw = smallPack();
    const s = raw.scenarios[0];
    s.initial = 'start';
    s.states.open.on[0].to = 'secrity';
    s.states.security.on[0].when = { intent: 'ask-securty' };
    s.statements.push({ script: 'no-such-statement' });
    s.statements[0].version = 'cmx';
    s.moves.push({ intent: 'unknown-move' });
    s.deadAir.then = 'nowhere';
    s.states.closing.on.push({ when: { statement: 'false-information-warning' }, to: 'done' });
    const errors = errorsOf(loadSmall(raw));
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath).toMatchObject({
      'scenarios[0].initial': 'no state "start"',
      'scenarios[0].states.open.on[0].to': expect.stringContaining('did you mean "security"?'),
      'scenarios[0].states.security.on[0].when.intent': expect.stringContaining(
        'did you mean "ask-security"?',
      ),
      'scenarios[0].statements[1].script': expect.stringContaining('no statement "no-such-statement"'),
      'scenarios[0].statements[0].version': expect.stringContaining('no version "cmx"'),
      'scenarios[0].moves[2].intent': expect.stringContaining('no intent "unknown-move"'),
      'scenarios[0].deadAir.then': expect.stringContaining('"nowhere"'),
      'scenarios[0].states.closing.on[1].when.statement': expect.stringContaining('not listed'),
    });
    expect(errors.every((e) => e.file === 'small.yaml' && e.severity === 'error')).toBe(true);
  });

  it('refuses a state and an ending with the same id, duplicates and a start in an ending', () => {
    const raw = smallPack();
    const s = raw.scenarios[0];
    s.endings.security = s.endings.done;
    raw.intents.push({ ...raw.intents[0] });
    raw.scenarios.push(structuredClone(s));
    const errors = errorsOf(loadSmall(raw));
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['scenarios[0].endings.security', 'intents[3].id', 'scenarios[1].id']),
    );
  });

  it('refuses schema problems in one pass: a bad id, a bad version, a condition with two kinds', () => {
    const raw = smallPack();
    raw.id = 'Small Pack';
    raw.version = 'one';
    raw.scenarios[0].states.open.on[0].when = { intent: 'ask-security', otherwise: true };
    raw.scenarios[0].states.open.on[1].to = 'security';
    const errors = errorsOf(loadSmall(raw));
    expect(errors.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'id',
        'version',
        'scenarios[0].states.open.on[0].when',
        'scenarios[0].states.open.on[1].reply',
      ]),
    );
  });

  it('refuses a version of 1.5 million characters and an over-long title, at their paths', () => {
    const raw = smallPack();
    raw.version = `1.0.0-${'a'.repeat(1_500_000)}`;
    raw.title = 'T'.repeat(100_000);
    const errors = errorsOf(loadSmall(raw));
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['version', 'title']));
  });

  it('refuses data that is not a pack at all with a plain message', () => {
    for (const raw of [null, 42, 'text', []]) {
      const errors = errorsOf(loadSmall(raw));
      expect(errors[0]!.message).toMatch(/expected object/);
    }
  });

  it('warns about unreachable states and endings, dead ends, unused intents and rules after otherwise', () => {
    const raw = smallPack();
    const s = raw.scenarios[0];
    s.critical = [];
    s.states.island = {
      caller: ['Nobody comes here.'],
      expects: 'Nothing.',
      on: [],
      deadAir: { after: 5, prompts: ['Hm?'], then: 'island-two' },
    };
    s.states['island-two'] = {
      caller: ['Still here.'],
      expects: 'Nothing.',
      on: [],
      deadAir: { after: 5, prompts: ['Hm?'], then: 'island' },
    };
    s.endings.orphan = {
      title: 'Orphan',
      outcome: 'fail',
      debrief: 'x',
      procedure: [{ point: 'x', inference: true }],
    };
    s.states.open.on.push({ when: { intent: 'ask-security' }, to: 'security' });
    raw.intents.push({ id: 'never-used', label: 'Never used', examples: ['nothing at all'] });
    const r = loadSmall(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const warnings = r.warnings.map((w) => `${w.path}: ${w.message}`);
    expect(warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^scenarios\[0\]\.states\.island: .*never be reached/),
        expect.stringMatching(/^scenarios\[0\]\.states\.island: .*no way out/),
        expect.stringMatching(/^scenarios\[0\]\.endings\.orphan: .*never be reached/),
        expect.stringMatching(/^scenarios\[0\]\.states\.open\.on\[2\]: .*otherwise/),
        expect.stringMatching(/^intents\[3\]\.id: .*never used/),
      ]),
    );
    expect(r.warnings.every((w) => w.severity === 'warning')).toBe(true);
  });

  it('freezes the loaded pack so nothing downstream can change it', () => {
    const pack = defaultPack();
    expect(Object.isFrozen(pack.spec)).toBe(true);
    expect(Object.isFrozen(pack.spec.scenarios[0]!.states)).toBe(true);
  });

  it('places errors in the default pack text at the right line', () => {
    const text = defaultPackText().replace('initial: trigger', 'initial: trigger-typo');
    const r = loadPack(parseYaml(text), { file: 'cms-core.yaml', scripts: shippedScripts(), source: text });
    if (r.ok) throw new Error('expected a failure');
    const line = text.split('\n')[r.errors[0]!.line! - 1];
    expect(line).toContain('initial: trigger-typo');
  });

  it('builds machines whose every guard and action is implemented', () => {
    for (const sc of defaultPack().scenarios.values()) {
      const impl = sc.machine.implementations;
      const used = JSON.stringify(sc.machine.config);
      for (const m of used.matchAll(/"type":"([A-Za-z]+)"/g)) {
        const name = m[1]!;
        if (name === 'final') continue;
        expect(name in impl.guards || name in impl.actions, `${sc.spec.id}: ${name}`).toBe(true);
      }
    }
  });
});
