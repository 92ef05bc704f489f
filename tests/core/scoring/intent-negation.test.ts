// Negation as the lexical stage reads it: how far a "not" reaches, where a clause ends it, and when "no" is an
// answer to the caller rather than a negation.
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/scoring/intent-analyse.ts';

const negated = (text: string) => [...analyse(text).negatedConcepts];

describe('negation scope', () => {
  it('reaches past words that carry no meaning', () => {
    expect(negated("don't worry none of this is being recorded")).toContain('record');
  });

  it('stops at the end of its clause, written or spoken', () => {
    for (const text of [
      "i'm sorry nobody got back to you, i'll log that as a complaint",
      "i'm sorry nobody got back to you i'll log that as a complaint",
      'nobody got back to you but i will log that as a complaint',
    ])
      expect(negated(text), text).not.toContain('complain');
  });

  it('covers only a few words that carry meaning', () => {
    const said = negated('i can not go through the payments arrears deductions or letters');
    expect(said.length).toBe(3);
  });

  it('reads "no" before a subject as an answer, and "no one" or "no need" as a negation', () => {
    expect(analyse("no we've got him somewhere else now").negated).toBe(false);
    expect(analyse('no, that is his old address').negated).toBe(false);
    expect(analyse('no one will see your address').negated).toBe(true);
    expect(negated('there is no need to record this')).toContain('record');
  });

  it('keeps numbers whole across a comma or point', () => {
    expect([...analyse('the arrears are £1,200.50 not 900').concepts.keys()]).toContain('1200.5');
  });
});
