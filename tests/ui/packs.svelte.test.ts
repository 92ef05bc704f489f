import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openPackStore } from '../../src/adapters/pack-store.ts';
import { validateInWorker, validatePackText } from '../../src/adapters/pack-worker.ts';
import type { ValidationRequest, WorkerLike, PackValidation } from '../../src/core/ports/index.ts';
import { loadScriptLibrary } from '../../src/core/index.ts';
import { PacksState } from '../../src/ui/state/packs.svelte.ts';
import { ANY_STATE, scenarioStructure } from '../../src/ui/state/scenario-structure.ts';
import { PlayTest } from '../../src/ui/state/packs-play.svelte.ts';
import { PackEditorState } from '../../src/ui/state/packs-editor.svelte.ts';
import { schemaKeys } from '../../src/ui/state/pack-files.ts';
import { safeHref } from '../../src/ui/safe-href.ts';

const files = readdirSync('scripts-verbatim').filter(
  (f) => f.endsWith('.json') && !f.endsWith('.schema.json'),
);
const lib = loadScriptLibrary(
  files.map((f) => ({ file: f, data: JSON.parse(readFileSync(`scripts-verbatim/${f}`, 'utf8')) as unknown })),
);
if (!lib.ok) throw new Error('statement library did not load');
const scripts = lib.library;
const core = readFileSync('scenarios/cms-core.yaml', 'utf8');
// A pack of its own: its own id and, since scenario identity is (pack id, scenario id) and no pack
// may take over another's scenario, its own scenario ids.
const ownScenarios = (text: string) => {
  const at = text.search(/^scenarios:$/m);
  return text.slice(0, at) + text.slice(at).replace(/^( {2}- id: )([a-z-]+)$/gm, '$1qa-$2');
};
const qa = (version: string) =>
  ownScenarios(
    core.replace(/^id: cms-core$/m, 'id: qa-pack').replace(/^version: .*$/m, `version: ${version}`),
  );

/** A worker that validates on the spot, as the real one does off the page. */
const inlineWorker = (): WorkerLike => {
  const w: WorkerLike = {
    onmessage: null,
    onerror: null,
    postMessage(req: ValidationRequest) {
      const out = validatePackText(req.text, req.file, scripts);
      queueMicrotask(() => w.onmessage?.({ data: out } as MessageEvent<PackValidation>));
    },
    terminate() {},
  };
  return w;
};

let n = 0;
const newState = () => {
  const name = `packs-ui-${++n}`;
  return new PacksState(() =>
    Promise.resolve({
      openStore: () => openPackStore({ name }),
      validate: (request: ValidationRequest) => validateInWorker(request, { createWorker: inlineWorker }),
      builtinFiles: () => [{ file: 'scenarios/cms-core.yaml', text: core }],
      scripts: () => scripts,
    }),
  );
};

describe('PacksState', () => {
  it('lists the built-in pack with its scenarios', async () => {
    const packs = newState();
    await packs.load();
    expect(packs.installed.map((p) => [p.id, p.source])).toEqual([['cms-core', 'built-in']]);
    expect(packs.find('cms-core')?.pack.scenarios.size).toBeGreaterThanOrEqual(5);
  });

  it('installs a valid pack, and keeps it after a reload', { timeout: 30_000 }, async () => {
    const packs = newState();
    await packs.load();
    await packs.importText(qa('1.0.0'), 'qa.yaml');
    expect(packs.errors).toEqual([]);
    expect(packs.find('qa-pack')?.source).toBe('imported');
    await packs.load();
    expect(packs.find('qa-pack')?.version).toBe('1.0.0');
  });

  it('lists every problem of a broken pack and installs nothing', async () => {
    const packs = newState();
    await packs.load();
    await packs.importText(
      qa('1.0.0')
        .replace(/^passMark: .*$/m, 'passMark: lots')
        .replace(/^author: .*$/m, ''),
      'broken.yaml',
    );
    expect(packs.errors.length).toBeGreaterThanOrEqual(2);
    expect(packs.errors.some((e) => e.path === 'passMark' && typeof e.line === 'number')).toBe(true);
    expect(packs.find('qa-pack')).toBeUndefined();
  });

  it('replaces an older version only after confirmation', async () => {
    const packs = newState();
    await packs.load();
    await packs.importText(qa('1.0.0'), 'qa.yaml');
    await packs.importText(qa('1.1.0'), 'qa.yaml');
    expect(packs.pending?.incoming.version).toBe('1.1.0');
    expect(packs.find('qa-pack')?.version).toBe('1.0.0');
    packs.cancelReplace();
    expect(packs.find('qa-pack')?.version).toBe('1.0.0');
    await packs.importText(qa('1.1.0'), 'qa.yaml');
    await packs.confirmReplace();
    expect(packs.find('qa-pack')?.version).toBe('1.1.0');
  });

  it('refuses the same or an older version', async () => {
    const packs = newState();
    await packs.load();
    await packs.importText(core, 'cms-core.yaml');
    expect(packs.errors).toEqual([]);
    expect(packs.notice).toMatch(/already installed/);
    await packs.importText(qa('2.0.0'), 'qa.yaml');
    await packs.importText(qa('1.0.0'), 'qa.yaml');
    expect(packs.errors[0]?.message).toMatch(/older than the installed version 2.0.0/);
  });

  it('removes an imported pack', async () => {
    const packs = newState();
    await packs.load();
    await packs.importText(qa('1.0.0'), 'qa.yaml');
    await packs.remove('qa-pack');
    expect(packs.find('qa-pack')).toBeUndefined();
  });
});

describe('scenarioStructure', () => {
  it('has a node for every state and ending and an edge for every move between them', async () => {
    const packs = newState();
    await packs.load();
    const pack = packs.find('cms-core')!.pack;
    for (const [id, sc] of pack.scenarios) {
      const g = scenarioStructure(pack, id)!;
      const ids = new Set(g.nodes.map((x) => x.id));
      for (const s of [...Object.keys(sc.spec.states), ...Object.keys(sc.spec.endings)])
        expect(ids).toContain(s);
      for (const e of g.edges) {
        expect(ids).toContain(e.from);
        expect(ids).toContain(e.to);
      }
      expect(g.nodes.filter((x) => x.initial)).toHaveLength(1);
      if (g.nodes.some((x) => x.id === ANY_STATE))
        expect(g.edges.some((e) => e.kind === 'critical')).toBe(true);
    }
  });
});

describe('PlayTest', () => {
  it('replays typed turns and shows the matched intent', async () => {
    const packs = newState();
    await packs.load();
    const pack = packs.find('cms-core')!.pack;
    const [first] = pack.scenarios.keys();
    const play = new PlayTest(pack, first!);
    const start = play.report.current.stateId;
    expect(start).toBeTruthy();
    play.say('Hello, this is Alex calling from the Child Maintenance Service');
    const turn = play.report.transcript.find((t) => t.speaker === 'trainee');
    expect(turn?.speaker === 'trainee' && turn.feedback.intent).toBeTruthy();
    play.undo();
    expect(play.turns).toEqual([]);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://www.gov.uk/child-maintenance', 'https://www.gov.uk/child-maintenance'],
    ['javascript:alert(1)', null],
    ['http://example.com', null],
    ['data:text/html,hi', null],
    ['001_43724bad90100c4e.txt', null],
    ['https://www.gov.uk@evil.example/x', null],
    ['https://user:pw@www.gov.uk/x', null],
  ])('%s -> %s', (input, out) => {
    expect(safeHref(input)).toBe(out);
  });
});

describe('PackEditorState', () => {
  it('finds problems as the text changes and saves only a valid pack', { timeout: 30_000 }, async () => {
    const packs = newState();
    await packs.load();
    await packs.importText(qa('1.0.0'), 'qa.yaml');
    const editor = new PackEditorState(packs, packs.find('qa-pack')!);
    expect(editor.summary).toMatch(/valid/);
    editor.change(`bogusKey: 1\n${editor.text}`);
    expect(editor.validate(editor.text)[0]).toMatchObject({ line: 1, severity: 'error' });
    expect(editor.summary).toMatch(/^1 error/);
    await editor.save();
    expect(editor.saved).toBeNull();
    // The editor's save follows the import rules: an older version is refused ...
    editor.change(qa('0.0.1'));
    await editor.save();
    expect(packs.errors[0]?.message).toMatch(/older than the installed version 1\.0\.0/);
    expect(packs.find('qa-pack')?.version).toBe('1.0.0');
    // ... and a newer one replaces the installed version only after confirmation.
    editor.change(qa('1.2.0'));
    await editor.save();
    expect(packs.pending?.installed.version).toBe('1.0.0');
    expect(packs.find('qa-pack')?.version).toBe('1.0.0');
    await packs.confirmReplace();
    expect(packs.find('qa-pack')?.version).toBe('1.2.0');
  });

  it('offers the pack format property names for completion', () => {
    expect(schemaKeys()).toEqual(expect.arrayContaining(['id', 'version', 'scenarios', 'states', 'deadAir']));
  });
});
