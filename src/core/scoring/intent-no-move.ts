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
  'could you speak a bit louder please',
  "you're very quiet can you come closer to the phone",
  'is this a good time for you',
  'have you got a few minutes to go through this',
  // Trouble on the line: asking again is not a move, however kindly it starts ("sorry you cut out").
  'sorry you cut out there what did you say',
  'sorry i lost you for a second',
  "sorry you're breaking up a bit there",
  "the line's really quiet can you speak up a bit",
  'hello can you hear me okay',
  // Checking what the caller said: a question about their words, not a move ("sorry, did you say six hundred?").
  'sorry did you say fifty or fifteen',
  'sorry which one do you mean',
  'sorry which one was that again',
  'could you hold on one second please',
  // Small talk about what the caller mentioned, and checking on them, asks nothing of the procedure.
  'how old are they now',
  'are you okay do you need a minute',
];

/**
 * Kind words: acknowledging how the caller feels. Where a state expects empathy they are that move (the pack's
 * own examples say so); elsewhere they are talk that makes no move, and never a risky one. They are a rival only
 * to risky moves, so they cannot take an expected empathic move away: "I'm sorry you're going through all this"
 * was read as answering abuse with abuse (0.60) and "I understand you're upset" (0.59) once risky moves needed
 * 0.55, as found by saying fifteen kind phrases in every state of both built-in packs. Written from how caseworkers
 * speak, not from any labelled set.
 */
export const KIND_WORDS: readonly string[] = [
  "i understand you're upset",
  'i can hear how upset you are',
  "i can hear you're really frustrated",
  'i understand this is really stressful for you',
  "i'm sorry you're going through this",
  "i'm sorry to hear that",
  'that sounds really difficult',
  "i can see why you'd be angry",
  'i appreciate this is hard',
  'thank you for telling me',
  'thank you for bearing with me',
  "that's completely understandable",
  "i know it's a lot to deal with",
  'take your time',
  "i'm here to help you",
];
