import { bench, describe } from 'vitest';
import { compileIntents, matchIntent, scoreStatement } from '../../src/core/index.ts';
import { script } from '../helpers/library.ts';

const fiw = script('false-information-warning');
const conf = script('confidentiality-statement');
// A spoken-style 75-word attempt with one replaced word and money in words.
const attempt = fiw.wording
  .replace('£1000', 'a thousand pounds')
  .replace('them guilty', 'somebody guilty')
  .toLowerCase();
const model = compileIntents([
  {
    id: 'ask-if-recording',
    examples: ['Are you recording this call?', 'Can I ask whether you are recording our conversation?'],
  },
  {
    id: 'alert-team-leader',
    examples: ["I'm going to let my team leader know", 'I will tell my manager about this'],
  },
  {
    id: 'refuse-disclose',
    examples: [
      "I'm sorry, I can't give out any information about another person",
      'I am not able to discuss that',
    ],
  },
]);

describe('scoring', () => {
  bench('score a 75-word statement (false information warning)', () => {
    scoreStatement(fiw, attempt);
  });
  bench('score the 173-word confidentiality statement', () => {
    scoreStatement(conf, conf.wording);
  });
  bench('match an utterance against three intents', () => {
    matchIntent(model, "I won't be telling my manager about this");
  });
});
