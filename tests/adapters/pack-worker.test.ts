import { describe, expect, it, vi } from 'vitest';
import { serveValidation, validateInWorker } from '../../src/adapters/pack-worker.ts';
import type { PackValidation, ValidationRequest, WorkerLike } from '../../src/core/ports/index.ts';

/** A worker that answers with `reply` (or never, when reply is null). */
function fakeWorker(reply: (req: ValidationRequest) => PackValidation | null | 'crash') {
  const made: (WorkerLike & { terminated: boolean; posted: ValidationRequest[] })[] = [];
  const create = () => {
    const w = {
      terminated: false,
      posted: [] as ValidationRequest[],
      onmessage: null as WorkerLike['onmessage'],
      onerror: null as WorkerLike['onerror'],
      postMessage(req: ValidationRequest) {
        w.posted.push(req);
        const out = reply(req);
        queueMicrotask(() => {
          if (out === 'crash') w.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
          else if (out !== null) w.onmessage?.({ data: out } as MessageEvent<PackValidation>);
        });
      },
      terminate() {
        w.terminated = true;
      },
    };
    made.push(w);
    return w;
  };
  return { create, made };
}

const valid: PackValidation = {
  ok: true,
  warnings: [],
  pack: { id: 'p', version: '1.0.0', title: 'P', author: 'QA', description: '', scenarios: [] },
};

describe('validateInWorker', () => {
  it('returns what the worker says and then terminates it', async () => {
    const w = fakeWorker(() => valid);
    const result = await validateInWorker({ text: 'id: p', file: 'p.yaml' }, { createWorker: w.create });
    expect(result).toEqual(valid);
    expect(w.made[0]?.posted).toEqual([{ text: 'id: p', file: 'p.yaml' }]);
    expect(w.made[0]?.terminated).toBe(true);
  });

  it('refuses a file over the size limit without starting a worker', async () => {
    const w = fakeWorker(() => valid);
    const result = await validateInWorker(
      { text: 'x'.repeat(101), file: 'big.yaml' },
      { createWorker: w.create, maxBytes: 100 },
    );
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toMatch(
      /too large \(101 bytes; the limit is 100 bytes\)/,
    );
    expect(w.made).toHaveLength(0);
  });

  it('counts bytes, not characters, against the limit', async () => {
    const w = fakeWorker(() => valid);
    const result = await validateInWorker(
      { text: '£'.repeat(60), file: 'p.yaml' },
      { createWorker: w.create, maxBytes: 100 },
    );
    expect(result.ok).toBe(false);
  });

  it('terminates a worker that overruns the time limit and reports it', async () => {
    vi.useFakeTimers();
    try {
      const w = fakeWorker(() => null);
      const pending = validateInWorker(
        { text: 'id: p', file: 'slow.yaml' },
        { createWorker: w.create, timeoutMs: 2000 },
      );
      await vi.advanceTimersByTimeAsync(2001);
      const result = await pending;
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors[0]).toMatchObject({
        file: 'slow.yaml',
        path: '',
        severity: 'error',
      });
      expect(!result.ok && result.errors[0]?.message).toMatch(/longer than 2 seconds/);
      expect(w.made[0]?.terminated).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports a worker that crashes as an error, not an exception', async () => {
    const w = fakeWorker(() => 'crash');
    const result = await validateInWorker({ text: 'id: p', file: 'p.yaml' }, { createWorker: w.create });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]?.message).toMatch(/boom/);
    expect(w.made[0]?.terminated).toBe(true);
  });

  it('reports a worker that cannot start', async () => {
    const result = await validateInWorker(
      { text: 'id: p', file: 'p.yaml' },
      {
        createWorker: () => {
          throw new Error('workers are blocked');
        },
      },
    );
    expect(!result.ok && result.errors[0]?.message).toMatch(/workers are blocked/);
  });

  it('ignores a reply that is not a validation result', async () => {
    const w = fakeWorker(() => ({ nonsense: true }) as unknown as PackValidation);
    const result = await validateInWorker({ text: 'id: p', file: 'p.yaml' }, { createWorker: w.create });
    expect(result.ok).toBe(false);
  });
});

describe('serveValidation', () => {
  it('answers each request, turning a thrown error into an error result', () => {
    const posted: PackValidation[] = [];
    const scope = {
      onmessage: null as ((e: MessageEvent<ValidationRequest>) => void) | null,
      postMessage: (m: PackValidation) => posted.push(m),
    };
    serveValidation(scope, () => {
      throw new Error('no library');
    });
    scope.onmessage?.({ data: { text: 'id: p', file: 'p.yaml' } } as MessageEvent<ValidationRequest>);
    expect(posted[0]).toMatchObject({
      ok: false,
      errors: [{ file: 'p.yaml', message: expect.stringMatching(/no library/) }],
    });
  });

  it('says so when the statement library is missing', () => {
    const posted: PackValidation[] = [];
    const scope = {
      onmessage: null as ((e: MessageEvent<ValidationRequest>) => void) | null,
      postMessage: (m: PackValidation) => posted.push(m),
    };
    serveValidation(scope, () => null);
    scope.onmessage?.({ data: { text: 'id: p', file: 'p.yaml' } } as MessageEvent<ValidationRequest>);
    expect(posted[0]).toMatchObject({ ok: false });
  });
});

describe('validatePackText', () => {
  it('accepts the built-in pack and lists its scenarios', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { loadScriptLibrary } = await import('../../src/core/index.ts');
    const { validatePackText } = await import('../../src/adapters/pack-worker.ts');
    const files = readdirSync('scripts-verbatim').filter(
      (f) => f.endsWith('.json') && !f.endsWith('.schema.json'),
    );
    const lib = loadScriptLibrary(
      files.map((f) => ({
        file: f,
        data: JSON.parse(readFileSync(`scripts-verbatim/${f}`, 'utf8')) as unknown,
      })),
    );
    if (!lib.ok) throw new Error('statement library did not load');
    const text = readFileSync('scenarios/cms-core.yaml', 'utf8');
    const result = validatePackText(text, 'cms-core.yaml', lib.library);
    expect(result.ok).toBe(true);
    expect(result.ok && result.pack.scenarios.length).toBeGreaterThanOrEqual(5);
    const broken = validatePackText(
      text.replace(/^version: .*$/m, 'version: [1'),
      'broken.yaml',
      lib.library,
    );
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.errors[0]?.line).toBeTypeOf('number');
  });
});
