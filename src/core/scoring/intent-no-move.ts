/**
 * Talk that makes no procedural move: holding, asking the caller to repeat, moving on, small talk.
 * The semantic stage scores it as one more rival, so that a short or off-topic answer is "none" rather
 * than the nearest move, however weakly that move fits ("sorry, can you say that again" is not
 * dismissing the caller). Written from how caseworkers fill a call, not from any transcript.
 */
export const NO_MOVE_EXAMPLES: readonly string[] = [
  'ok',
  'right okay',
  'mm hmm',
  'i see',
  'alright',
  'hang on one moment',
  "i'm just bringing up your details on the screen",
  'bear with me while i look at this',
  'sorry the system is really slow today',
  "sorry i didn't catch that could you repeat it",
  'pardon say that again',
  'can you hear me alright',
  'the line keeps breaking up',
  "i'm just writing that down",
  'thanks for waiting',
  'right on to the next one',
  'next caller please',
  'that was a strange call',
  'what a day',
  'nice weather we are having',
  'sorry what was that',
  "i'm not sure what you mean",
  'let me think',
  'hello are you still there',
];
