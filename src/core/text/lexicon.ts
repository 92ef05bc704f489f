// The word lists the normaliser, the scorer, the judge and the intent matcher share, in one place, so
// a filler or a negator means the same thing wherever a text is read. Each list says what it follows.

const words = (list: string): string[] => list.trim().split(/\s+/);

/** Filler words ignored on both sides (SCORING-STANDARD section 2.2, plus their common spellings). */
export const FILLERS: ReadonlySet<string> = new Set(
  words('um umm uh uhh uhm er err erm ah ahh hmm mm mmm mhm'),
);

/** Words whose count must match between script and judged stretch (SCORING-STANDARD section 4.2). */
export const NEGATION_WORDS: ReadonlySet<string> = new Set(words('not no never nothing'));

/**
 * Words that negate what follows, for telling a refusal from an offer ("I won't tell my manager"): the
 * standard's negation words plus the ones callers and trainees use for the same (SCORING-RESEARCH, polarity).
 */
export const NEGATORS: ReadonlySet<string> = new Set([
  ...NEGATION_WORDS,
  ...words('unable nobody none neither nor cannot'),
]);

/**
 * Caseworkers' shorthand the sentence encoder does not know, spelt out in the text it embeds (examples and what is
 * said alike, by `plainText`), so "I'll tell my TL" is as close to "my team leader" as the words are; the words alone
 * read "tl" through the matcher's synonyms. Only abbreviations with one meaning on a CMS call that the labelled sets
 * show help: "mr" (Mr Smith, a mandatory reconsideration) has two; spelling out "deo" lost three answers and won none.
 */
export const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['tl', 'team leader'],
  ['tls', 'team leaders'],
]);

/**
 * Contractions typed or transcribed without their apostrophe ("i cant say", "thats right"), given it back before the
 * intent matcher reads a turn, so "cant" negates as "can't" does and the encoder sees the words it was trained on.
 * Only spellings that are no other word: not "ill", "well", "were", "wed", "shell", "hell", "its", "id" or "lets".
 * Found on paraphrased calibration calls written as a recogniser transcribes: "i cant talk about anything on the case"
 * was too far from every example of explaining that security comes first, "i can't talk..." is not.
 */
export const APOSTROPHE_LESS: ReadonlyMap<string, string> = new Map(
  words(
    `cant dont doesnt didnt isnt arent wasnt werent havent hasnt hadnt wouldnt couldnt shouldnt mustnt neednt wont
    aint im ive youre youve youll youd theyre theyve theyll theyd weve thats whats theres heres wheres whos hes shes
    itll thatll wouldve couldve shouldve`,
  ).map((w) => [w, contract(w)]),
);

function contract(w: string): string {
  if (w.endsWith('nt')) return `${w.slice(0, -2)}n't`;
  for (const tail of ['ve', 're', 'll', 'd', 'm', 's'])
    if (w.endsWith(tail)) return `${w.slice(0, -tail.length)}'${tail}`;
  return w;
}

/** Subject pronouns: followed by a verb, they start a new clause ("nobody rang you back i'll log it"). */
export const SUBJECTS: ReadonlySet<string> = new Set(words('i we he she they you'));

/** Verbs that start a new clause after a subject: a negation stops there, and a turn is read in clauses from there. */
export const CLAUSE_VERBS: ReadonlySet<string> = new Set(
  words('will would am are is have has can could do need'),
);

/**
 * Recogniser sound-alikes (SCORING-STANDARD section 2.8). The list is complete by the standard; a pack
 * may add pairs. Each group maps to its first word.
 */
export const SOUND_ALIKES: readonly (readonly string[])[] = [
  ['fined', 'find'],
  ['court', 'caught'],
  ['law', 'lore'],
  ['to', 'too', 'two'],
  ['for', 'four'],
  ['there', 'their'],
  ['allowed', 'aloud'],
  ['whether', 'weather'],
  ['right', 'write'],
];

/** Contractions with irregular expansions (SCORING-STANDARD section 2.6); the regular ones go by suffix. */
export const IRREGULAR_CONTRACTIONS: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    "won't": ['will', 'not'],
    "can't": ['can', 'not'],
    "shan't": ['shall', 'not'],
    "ain't": ['is', 'not'],
    cannot: ['can', 'not'],
    "let's": ['let', 'us'],
    "y'all": ['you', 'all'],
  }),
);

/** Words after which "'s" is "is" rather than a possessive ("it's", "that's"). */
export const IS_CONTRACTION_HEADS: ReadonlySet<string> = new Set(
  words('it that there here what who where he she how when why this'),
);

/**
 * Function words (and short script words) never taken for a cut-off false start of the next word
 * (SCORING-STANDARD section 2.4): "for formal" is two words, "rec recorded" is one.
 */
export const NOT_FRAGMENTS: ReadonlySet<string> = new Set(
  words(`
    a i an as at be by do go he if in is it me my no of on or so to up us we
    all and any are can for has her his how may not now one our out own the use was who why you
    also each from have here more must only other some such than that them then they this what when will
    with your there these which would about under law way data call form fine court know end part year
    over per she
  `),
);

/**
 * Regional and spoken spellings, given in standard spelling before the intent matcher reads a turn (both stages), so
 * "can i ask ye straight out are ye thinkin about killin yerself" meets the examples' words: Scots and Northern forms
 * ("ye", "wi", "dinnae"), dropped g's ("goin", "thinkin"; only words that are no other word, so not "begin", "join" or
 * "protein") and run-together speech ("gonna"). Found on calls written blind by a Glasgow and Newcastle caseworker
 * typing fast, where every move of the suicide call was too far from its examples; written from the dialects, not from
 * those calls' sentences. Scoring of statements does not use it: a statement is said in its own words.
 */
export const DIALECT: ReadonlyMap<string, string> = new Map([
  ...(
    [
      ['ye', 'you'],
      ['yer', 'your'],
      ['yerself', 'yourself'],
      ['yersel', 'yourself'],
      ['youse', 'you'],
      ['yous', 'you'],
      ['wi', 'with'],
      ['aye', 'yes'],
      ['naw', 'no'],
      ['nae', 'no'],
      ['tae', 'to'],
      ['fae', 'from'],
      ['aboot', 'about'],
      ['oot', 'out'],
      ['nowt', 'nothing'],
      ['owt', 'anything'],
      ['summat', 'something'],
      ['gonna', 'going to'],
      ['wanna', 'want to'],
      ['gotta', 'got to'],
      ['gimme', 'give me'],
      ['lemme', 'let me'],
      ['dunno', "don't know"],
      ['kinda', 'kind of'],
      ['cos', 'because'],
      ['coz', 'because'],
    ] as const
  ).map(([w, s]): [string, string] => [w, s]),
  ...words(
    `dinnae:don't cannae:can't didnae:didn't isnae:isn't wasnae:wasn't doesnae:doesn't havenae:haven't
    couldnae:couldn't wouldnae:wouldn't widnae:wouldn't shouldnae:shouldn't willnae:won't`,
  ).map((pair): [string, string] => pair.split(':') as [string, string]),
  ...words(
    `goin doin bein sayin tryin thinkin feelin havin gettin takin makin lookin comin talkin tellin askin callin ringin
    phonin payin stayin waitin puttin leavin sendin keepin passin sortin killin hurtin workin wantin needin listenin
    hearin writin recordin speakin helpin givin runnin movin nothin somethin anythin everythin mornin evenin`,
  ).map((w): [string, string] => [w, `${w}g`]),
]);
