// Caseworkers' shorthand is spelt out before a text is embedded or its words are read, on both sides.
import { describe, expect, it } from 'vitest';
import { compileIntents, matchIntent, plainText } from '../../../src/core/index.ts';

describe('shorthand', () => {
  it('spells out "TL" as "team leader" in the text the encoder embeds', () => {
    expect(plainText("I'll let my TL know, erm, straight away")).toBe(
      "i'll let my team leader know straight away",
    );
    expect(plainText('two TLs were on')).toBe('two team leaders were on');
  });

  it('leaves words that only contain the letters alone', () => {
    expect(plainText('the title of the atlas')).toBe('the title of the atlas');
    expect(plainText("atlas tl's")).toBe("atlas tl's");
  });

  it('reads "TL" as a manager in the words alone, so a move that needs a team leader can be made', () => {
    const model = compileIntents([
      {
        id: 'refer-team-leader',
        label: 'Tell the team leader',
        examples: ['I will let my team leader know about this call'],
        requires: [['leader', 'manager', 'tl']],
      },
    ]);
    expect(matchIntent(model, "I'll let my TL know about this one").intent).toBe('refer-team-leader');
    expect(matchIntent(model, "I'll let my colleague know about this one").intent).toBeNull();
  });
});

describe('contractions without their apostrophe', () => {
  it('gives the apostrophe back in the text the encoder embeds', () => {
    expect(plainText('erm i cant say if thats right and im not able to')).toBe(
      "i can't say if that's right and i'm not able to",
    );
    expect(plainText('Youre fine, we WONT be long')).toBe("you're fine we won't be long");
  });

  it('leaves words that are words without one alone', () => {
    expect(plainText('were you ill well its id is the shell')).toBe('were you ill well its id is the shell');
    expect(plainText("don't can’t")).toBe("don't can't");
  });

  it('reads "cant" as a negation, as "can\'t" is read', () => {
    const model = compileIntents([
      { id: 'refuse', label: 'Refuse', examples: ["I can't confirm the address"] },
      { id: 'confirm', label: 'Confirm', examples: ['I can confirm the address'] },
    ]);
    expect(matchIntent(model, 'i cant confirm the address').intent).toBe('refuse');
    expect(matchIntent(model, "i can't confirm the address").intent).toBe('refuse');
    expect(matchIntent(model, 'i can confirm the address').intent).toBe('confirm');
  });
});
