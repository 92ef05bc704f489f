// The sliced reader accepts and refuses exactly what the whole-file reader does, in the same words,
// while handing the page back between slices and saying how far it has got.
import { describe, expect, it } from 'vitest';
import {
  buildExport,
  readAttemptsFile,
  PieceText,
  readAttemptsFileSliced,
  type ReviewAttempt,
  type Slicing,
} from '../../../src/core/review/index.ts';
import { attempt } from './fixtures.ts';

const head = { format: 'verbatim-attempts', version: 1, exportedAt: '2026-01-01T00:00:00Z' };
const file = (attempts: unknown[], extra: object = {}) => JSON.stringify({ ...head, attempts, ...extra });
const note = (id: string, text = 'Good') => ({ id, author: 'Coach', text, at: '2026-01-01T10:00:00.000Z' });

/** Slices after every attempt and every scanned stride; records each pause and progress report. */
function everyTime(): Slicing & { pauses: number; reports: [number, number][] } {
  const s = {
    pauses: 0,
    reports: [] as [number, number][],
    due: () => true,
    pause: async () => void s.pauses++,
    progress: (done: number, total: number) => void s.reports.push([done, total]),
  };
  return s;
}

const tricky: ReviewAttempt = attempt({
  id: 'tricky',
  // Text that looks like the file's own structure must not cut an attempt in two.
  notes: [note('n1', 'He said "attempts": [1, 2], {"id": "x"} and a \\ backslash \\" then ]}, more')],
});

const cases: Record<string, string> = {
  'a valid export': buildExport([attempt({ id: 'a1' }), tricky, attempt({ id: 'a3' })], {
    exportedAt: head.exportedAt,
  }),
  'an empty list': file([]),
  'the list before the header': JSON.stringify({ attempts: [attempt()], ...head }),
  'broken JSON': file([attempt()]).slice(0, -10),
  'trailing text': `${file([attempt()])} x`,
  'a JSON array': JSON.stringify([attempt()]),
  'no list': JSON.stringify(head),
  'another format': file([attempt()], { format: 'other' }),
  'a newer version': file([attempt()], { version: 9 }),
  'a field of the wrong kind': file([attempt({ id: 'a1' }), { ...attempt({ id: 'bad' }), mode: 'karaoke' }]),
  'an impossible date': file([attempt({ id: 'd', startedAt: '2026-02-30T09:00:00.000Z' })]),
  'an id twice': file([attempt({ id: 'same' }), attempt({ id: 'same' })]),
  'repeated note ids': file([attempt({ id: 'n', notes: [note('n1'), note('n1')] })]),
  'a list that is not a list': JSON.stringify({ ...head, attempts: { a: 1 } }),
  'two lists': `{"format":"verbatim-attempts","version":1,"exportedAt":"x","attempts":[],"attempts":[]}`,
};

describe('readAttemptsFileSliced', () => {
  for (const [name, text] of Object.entries(cases)) {
    it(`gives the whole-file reader's answer for ${name}`, async () => {
      const whole = readAttemptsFile(text);
      const sliced = await readAttemptsFileSliced(text, everyTime());
      expect(sliced.ok).toBe(whole.ok);
      if (whole.ok && sliced.ok) expect(sliced.file).toEqual(whole.file);
      if (!whole.ok && !sliced.ok) expect(sliced.errors).toEqual(whole.errors);
    });
  }

  /** The text cut into pieces of `size` characters, as a file is read in chunks. */
  const pieces = (text: string, size: number) =>
    new PieceText(
      Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size)),
    );

  for (const [name, text] of Object.entries(cases)) {
    it(`gives the same answer from the file's pieces as from one string for ${name}`, async () => {
      const whole = readAttemptsFile(text);
      for (const size of [1, 7, 64]) {
        const sliced = await readAttemptsFileSliced(pieces(text, size), everyTime());
        expect(sliced, `pieces of ${size}`).toEqual(whole);
      }
    });
  }

  it('reads a text in pieces as the joined string, in order and at random', () => {
    const text = file([tricky, attempt({ id: 'é—ü' })]);
    const cut = new PieceText(['', ...text.match(/[\s\S]{1,13}/g)!, '']);
    expect(cut.length).toBe(text.length);
    expect(Array.from({ length: text.length + 2 }, (_, i) => cut.charCodeAt(i - 1))).toEqual(
      Array.from({ length: text.length + 2 }, (_, i) => text.charCodeAt(i - 1)),
    );
    for (const [a, b] of [
      [0, text.length],
      [5, 40],
      [12, 14],
      [13, 26],
      [30, 30],
      [40, 5],
      [-3, 9],
      [-20, -3],
      [3, -1],
      [100, 1e9],
    ])
      expect(cut.slice(a!, b), `${a}..${b}`).toBe(text.slice(a, b));
    expect(cut.slice(0)).toBe(text);
    expect(cut.charCodeAt(3)).toBe(text.charCodeAt(3));
  });

  it('keeps every character of an attempt whose text looks like the file structure', async () => {
    const r = await readAttemptsFileSliced(file([tricky]), everyTime());
    expect(r.ok && r.file.attempts[0]).toEqual(tricky);
  });

  it('pauses between slices and reports how many attempts it has checked', async () => {
    const attempts = Array.from({ length: 5 }, (_, i) => attempt({ id: `a${i}` }));
    const slicing = everyTime();
    const r = await readAttemptsFileSliced(file(attempts), slicing);
    expect(r.ok).toBe(true);
    expect(slicing.pauses).toBeGreaterThanOrEqual(5);
    expect(slicing.reports.at(-1)).toEqual([5, 5]);
    expect(slicing.reports.map(([done]) => done)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('does not pause when the slice is not used up', async () => {
    const slicing = { ...everyTime(), due: () => false };
    await readAttemptsFileSliced(file([attempt()]), slicing);
    expect(slicing.pauses).toBe(0);
  });
});
