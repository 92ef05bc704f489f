import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreStatement } from '../../../src/core/index.ts';
import { script } from '../../helpers/library.ts';

const NOTICE = 'I should tell you that this call may be recorded for quality and or training purposes';
const notice = script('call-recording-notice');
const fiw = script('false-information-warning');
const conf = script('confidentiality-statement');

describe('scoreStatement', () => {
  it('counts the script words after normalisation, as the standard does', () => {
    expect([notice, fiw, conf].map((s) => s.tokens.length)).toEqual([16, 75, 173]);
    expect([notice, fiw, conf].map((s) => scoreStatement(s, '').allowedDeviations)).toEqual([2, 11, 25]);
  });

  it('scores both versions of the recording notice the same', () => {
    const cmg = script('call-recording-notice', 'cmg');
    expect(cmg.wording).toContain('and / or');
    expect(scoreStatement(cmg, NOTICE).verdict).toBe('exact');
  });

  it('reports each deviation with its script position and the word said', () => {
    const r = scoreStatement(
      notice,
      'I should tell you that your call may be recorded for quality and or for training',
    );
    expect(r.deviations).toEqual([
      { kind: 'replaced', scriptIndex: 5, scriptWord: 'this', saidWord: 'your' },
      { kind: 'added', saidWord: 'for', beforeScriptIndex: 14 },
      { kind: 'missing', scriptIndex: 15, scriptWord: 'purposes' },
    ]);
    expect(r.verdict).toBe('fail');
    expect(r.score).toBe(81);
    expect(r.deviationCount).toBe(3);
    expect(r.reasons.join(' ')).toMatch(/3 words differ.*at most 2 of its 16/);
  });

  it('marks talk before and after the statement as outside the judged stretch', () => {
    const r = scoreStatement(notice, `hello it is Sam ${NOTICE} thanks`);
    expect(r.verdict).toBe('exact');
    const outside = r.ops.filter((o) => !o.judged).map((o) => o.saidWord);
    expect(outside).toEqual(['hello', 'it', 'is', 'Sam', 'thanks']);
  });

  it('counts a contraction once per pair, and not as a negation change', () => {
    const r = scoreStatement(conf, conf.wording.replace('We will not give', "We won't give"));
    expect(r.deviationCount).toBe(1);
    expect(r.deviations[0]?.kind).toBe('contraction');
    expect(r.negationChanged).toBe(false);
    expect(r.verdict).toBe('minor');
  });

  it('fails a changed negation even when the words are otherwise close', () => {
    const r = scoreStatement(conf, conf.wording.replace('We will not give', 'We will give'));
    expect(r.negationChanged).toBe(true);
    expect(r.verdict).toBe('fail');
  });

  it('breaks a key element with a word added inside it', () => {
    const r = scoreStatement(notice, NOTICE.replace('may be recorded', 'may well be recorded'));
    expect(r.missingKeyElements).toEqual(['may be recorded']);
    expect(r.verdict).toBe('fail');
  });

  it('finds a key element anywhere in the attempt', () => {
    const r = scoreStatement(
      notice,
      `this call may be recorded ${NOTICE.replace('may be recorded', 'is recorded')}`,
    );
    expect(r.missingKeyElements).toEqual([]);
  });

  it('fails five consecutive script words left out as a missing clause', () => {
    const r = scoreStatement(fiw, fiw.wording.replace('when requested to do so', ''));
    expect(r.missingClause?.words).toBe('when requested to do so');
    expect(r.verdict).toBe('fail');
    const four = scoreStatement(fiw, fiw.wording.replace('requested to do so', ''));
    expect(four.missingClause).toBeNull();
    expect(four.verdict).toBe('minor');
  });

  it('honours a pack tolerance', () => {
    const text = NOTICE.replace('this call', 'your call').replace('quality and', 'quality');
    expect(scoreStatement(notice, text).verdict).toBe('minor');
    expect(scoreStatement(notice, text, { tolerance: 0.05 }).verdict).toBe('fail');
  });

  it('says an attempt over the word limit is too long rather than scoring it', () => {
    const r = scoreStatement(notice, 'alpha beta gamma delta '.repeat(600));
    expect(r.tooLong).toBe(true);
    expect(r.verdict).toBe('fail');
    expect(r.reasons[0]).toMatch(/too long/);
  });

  it('survives hostile input', () => {
    for (const text of [
      '',
      '😀'.repeat(50_000),
      '\u0000\u0001\u0002'.repeat(1000),
      'a'.repeat(100_000),
      NOTICE.repeat(100),
    ]) {
      const r = scoreStatement(notice, text);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
    }
  });
});

describe('scoreStatement properties', () => {
  const scripts = [notice, fiw, conf];
  const arbScript = fc.constantFrom(...scripts);

  it('scores a script against itself as exact', () => {
    for (const s of scripts) expect(scoreStatement(s, s.wording).verdict).toBe('exact');
  });

  it('keeps the verdict when fillers are inserted or the case changes', () => {
    fc.assert(
      fc.property(
        arbScript,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('um', 'er', 'erm', 'uh', 'hmm')), { maxLength: 6 }),
        fc.boolean(),
        fc.nat(),
        (s, fillers, upper, drop) => {
          const words = s.wording.split(/\s+/);
          // a base attempt that may already deviate: drop one word somewhere
          const base = words.filter((_, i) => i !== drop % (words.length + 3));
          const before = scoreStatement(s, base.join(' ')).verdict;
          const noisy = [...base];
          for (const [at, f] of fillers) noisy.splice(at % (noisy.length + 1), 0, f);
          const text = noisy.join(' ');
          expect(scoreStatement(s, upper ? text.toUpperCase() : text.toLowerCase()).verdict).toBe(before);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('always gives a score from 0 to 100 and never throws', () => {
    fc.assert(
      fc.property(arbScript, fc.string({ unit: 'grapheme', maxLength: 400 }), (s, text) => {
        const r = scoreStatement(s, text);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(['exact', 'minor', 'fail']).toContain(r.verdict);
      }),
      { numRuns: 300 },
    );
  });

  it('only ever judges the script words it was given, with every script word in the alignment', () => {
    fc.assert(
      fc.property(
        arbScript,
        fc.array(fc.constantFrom('the', 'call', 'court', 'not', 'law', 'information', 'x'), {
          maxLength: 60,
        }),
        (s, words) => {
          const r = scoreStatement(s, words.join(' '));
          const covered = r.ops.filter((o) => o.scriptIndex !== undefined && o.type !== 'ins').length;
          expect(covered).toBe(s.tokens.length);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('scoreStatement with words that name object properties', () => {
  it('treats "constructor", "toString" and "__proto__" as ordinary words', () => {
    const r = scoreStatement(notice, `constructor toString __proto__ hasOwnProperty valueOf ${NOTICE}`);
    expect(r.verdict).toBe('exact');
  });
});
