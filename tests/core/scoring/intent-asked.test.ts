// Asked back: a question to the caller is not a move its examples make as statements (intent-asked.ts).
import { describe, expect, it } from 'vitest';
import { askedBack } from '../../../src/core/scoring/intent-asked.ts';
import { compileIntents } from '../../../src/core/index.ts';

const model = compileIntents([
  {
    id: 'offer-free-information',
    examples: [
      'i can send you a copy of that letter for free',
      "we'll post the june letter out again",
      'that one we can just send you',
    ],
  },
  {
    id: 'ask-location',
    examples: ['where are you right now', 'is anyone there with you', 'what is your address'],
  },
]);
const statements = model.byId.get('offer-free-information')!;
const questions = model.byId.get('ask-location')!;

describe('a question back to the caller', () => {
  it.each([
    'When in June was the letter, roughly?',
    'Sorry, which letter was that again, love? The June one?',
    'Was it the one about the annual review, the June letter?',
    'Has he got the letters at his, or have you got them at yours?',
    'Oh, is that the letter from the beginning of the month?',
    "May I ask what it is you'd like the copy for?",
    "Does Daniel know you're calling us today?",
  ])('"%s" makes no move whose examples are statements', (text) => {
    expect(askedBack(statements, text)).toBe(true);
  });

  it.each([
    // A statement after the question: "yeah, that went out last week" discloses.
    'Oh, is that the one about his payments going up? Yeah, that went out last week.',
    // A statement that opens like a question.
    'What I can do is send you a copy of the June letter for free?',
    // Proposals may be the move itself.
    'Could you switch the recording off?',
    'Do you want me to send the June letter out again?',
    'Is it okay if I send the June letter out again?',
    // Not a question.
    "We'll send the June letter out again.",
    // No question mark: a recogniser's words are not judged so.
    'when in june was the letter',
  ])('"%s" is not judged a question back', (text) => {
    expect(askedBack(statements, text)).toBe(false);
  });

  it('a move its examples ask as questions may still be a question', () => {
    expect(askedBack(questions, 'Where are you at the moment?')).toBe(false);
  });
});
