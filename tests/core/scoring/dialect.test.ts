// Regional and spoken spellings are read in standard spelling, by the encoder's text and by the words alone.
import { describe, expect, it } from 'vitest';
import { compileIntents, matchIntent, plainText } from '../../../src/core/index.ts';

describe('regional and spoken spellings', () => {
  it('gives Scots and Northern forms, dropped g’s and run-together words in standard spelling', () => {
    expect(plainText('Can I ask ye straight out, are ye thinkin about killin yerself?')).toBe(
      'can i ask you straight out are you thinking about killing yourself',
    );
    expect(plainText("och dinnae fret, ye're fine, I'm gonna stay wi ye")).toBe(
      "och don't fret you're fine i'm going to stay with you",
    );
    expect(plainText("I'm goin' nowhere")).toBe("i'm going nowhere");
  });

  it('reads a regional "no" as "not" only where "no" could not stand', () => {
    expect(plainText('im no goin anywhere')).toBe("i'm not going anywhere");
    expect(plainText("we'll no bother wi all that")).toBe("we'll not bother with all that");
    expect(plainText('its no pointed at you')).toBe('its not pointed at you');
    expect(plainText("that's no problem, it's no bother, no I can't")).toBe(
      "that's no problem it's no bother no i can't",
    );
  });

  it('reads "hang on" as asking the caller to wait, not as hanging up', () => {
    expect(plainText('erm right okay hang on let me just check something')).toBe(
      'right okay wait let me just check something',
    );
    const model = compileIntents([
      { id: 'end-call', label: 'End the call', examples: ["I'm going to hang up now"] },
    ]);
    expect(matchIntent(model, 'hang on a second').intent).toBeNull();
    expect(matchIntent(model, "i'm going to hang up on you now").intent).toBe('end-call');
  });

  it('leaves words that merely end in "in" alone', () => {
    expect(plainText('begin again, explain the margin, join in, pin, within the cabin')).toBe(
      'begin again explain the margin join in pin within the cabin',
    );
  });

  it('lets the words alone read a dialect turn as its move', () => {
    const model = compileIntents([
      {
        id: 'stay-on-line',
        label: 'Stay on the line',
        examples: ["I'm staying with you"],
      },
    ]);
    expect(matchIntent(model, 'aye im stayin wi ye').intent).toBe('stay-on-line');
  });
});
