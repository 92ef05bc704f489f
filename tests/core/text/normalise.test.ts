import { describe, expect, it } from 'vitest';
import { canonical, dropRepeatsAndFalseStarts, normalise } from '../../../src/core/text/normalise.ts';

const keys = (text: string): string => dropRepeatsAndFalseStarts(normalise(text)).map(canonical).join(' ');

describe('normalise', () => {
  it('ignores case, punctuation, quotation marks, bullets, line breaks, repeated spaces and hyphens (rule 1)', () => {
    expect(keys('“This CALL,”\n\n  « may-be  recorded!')).toBe(keys('this call may be recorded'));
  });
  it('drops filler words (rule 2)', () => {
    expect(keys('um I uh should er tell erm you ah hmm mm')).toBe('i should tell you');
  });
  it('drops a word said twice in a row and a cut-off false start (rule 3)', () => {
    expect(keys('the the call may be rec- recorded')).toBe(keys('the call may be recorded'));
    expect(keys('may be rec recorded')).toBe(keys('may be recorded'));
  });
  it('keeps a short function word that happens to begin the next word', () => {
    expect(keys('information in information')).toBe('information in information');
  });
  it.each([
    '£1000',
    '£1,000',
    '1000 pounds',
    '1,000 pounds',
    'one thousand pounds',
    'a thousand pounds',
    'a thousand pound',
  ])('treats "%s" as 1000 pounds (rule 4)', (money) => {
    expect(keys(`fined up to ${money}`)).toBe('fined up to 1000 pounds');
  });
  it('reads spelled numbers as digits (rule 4)', () => {
    expect(keys('twenty working days')).toBe(keys('20 working days'));
    expect(keys('forty')).toBe('40');
    expect(keys('one hundred and five')).toBe('105');
  });
  it('treats "and / or", "and/or" and "and or" alike, and "&" as "and" (rule 5)', () => {
    expect(keys('quality and / or training')).toBe('quality and or training');
    expect(keys('quality and/or training')).toBe('quality and or training');
    expect(keys('revenue & customs')).toBe('revenue and customs');
  });
  it.each([
    ['offence', 'offense'],
    ['authorise', 'authorize'],
    ['organisation', 'organization'],
    ['behaviour', 'behavior'],
  ])('treats the British "%s" and American "%s" alike (rule 6)', (gb, us) => {
    expect(keys(gb)).toBe(keys(us));
  });
  it('joins initials said letter by letter (rule 7)', () => {
    expect(keys('H M Revenue')).toBe(keys('HM Revenue'));
    expect(keys('H. M. Revenue')).toBe(keys('HM Revenue'));
    expect(keys('the C M G')).toBe(keys('the CMG'));
  });
  it.each([
    ['fined', 'find'],
    ['court', 'caught'],
    ['law', 'lore'],
    ['to', 'too'],
    ['to', 'two'],
    ['for', 'four'],
    ['there', 'their'],
    ['allowed', 'aloud'],
    ['whether', 'weather'],
    ['right', 'write'],
  ])('treats the sound-alikes "%s" and "%s" alike (rule 8)', (a, b) => {
    expect(keys(a)).toBe(keys(b));
  });
  it('does not treat other sound-alikes alike (rule 8 is a closed list)', () => {
    expect(keys('purposes')).not.toBe(keys('porpoises'));
  });
  it('accepts extra sound-alike pairs from a pack', () => {
    const opts = { soundAlikes: [['purposes', 'porpoises']] as const };
    expect(normalise('porpoises', opts)[0]?.sound).toBe(normalise('purposes', opts)[0]?.sound);
  });
  it('expands contractions and marks both halves as one contraction', () => {
    const t = normalise("it's won't cannot");
    expect(t.map((x) => x.key).join(' ')).toBe('it is will not can not');
    expect(new Set(t.map((x) => x.contraction)).size).toBe(3);
  });
  it('keeps a possessive "s" as part of the word', () => {
    expect(keys("the caller's details")).toBe('the callers details');
  });
  it('never throws on emoji, control characters or an empty string', () => {
    expect(keys('😀\u0000\u0007 \uFFFF')).toBe('');
    expect(keys('')).toBe('');
  });
});
