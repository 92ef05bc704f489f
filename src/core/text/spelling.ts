/**
 * British and American spellings compare equal (scoring standard 2.6). Both sides are mapped to one
 * comparison key; the key is never shown, so its direction does not matter, only that variants meet.
 */

const WORDS = new Map<string, string>(
  Object.entries({
    offense: 'offence',
    offenses: 'offences',
    defense: 'defence',
    license: 'licence',
    licenses: 'licences',
    pretense: 'pretence',
    pretenses: 'pretences',
    judgment: 'judgement',
    judgments: 'judgements',
    program: 'programme',
    programs: 'programmes',
    center: 'centre',
    centers: 'centres',
    fulfill: 'fulfil',
    enroll: 'enrol',
    installment: 'instalment',
    installments: 'instalments',
    aging: 'ageing',
    gray: 'grey',
    mold: 'mould',
    jewelry: 'jewellery',
    catalog: 'catalogue',
    dialog: 'dialogue',
  }),
);

const OUR_STEMS = [
  'behavio',
  'colo',
  'hono',
  'favo',
  'labo',
  'neighbo',
  'harbo',
  'rumo',
  'humo',
  'vigo',
  'endeavo',
  'savo',
  'flavo',
  'odo',
];

const DOUBLE_L =
  /^(cancel|travel|label|model|counsel|signal|level|fuel|total|equal|marvel|channel)l(ed|ing|er|ers|or|ors)$/;

const cache = new Map<string, string>();

/** The comparison key of one lower-case word (memoised: the same few hundred words recur). */
export function spellingKey(word: string): string {
  let key = cache.get(word);
  if (key === undefined) {
    key = computeKey(word);
    if (cache.size > 10_000) cache.clear();
    cache.set(word, key);
  }
  return key;
}

function computeKey(word: string): string {
  const direct = WORDS.get(word);
  if (direct !== undefined) return direct;
  if (word.length >= 5) {
    for (const stem of OUR_STEMS) {
      if (word.startsWith(stem)) {
        const rest = word.slice(stem.length);
        // behavior -> behaviour, behaviors -> behaviours, honorable -> honourable
        if (rest.startsWith('r') && !rest.startsWith('ur')) return stem + 'u' + rest;
      }
    }
  }
  const doubled = DOUBLE_L.exec(word);
  if (doubled) return `${doubled[1]}${doubled[2]}`;
  // organisation/organization, authorise/authorize, recognised/recognized, analyse/analyze
  if (word.length >= 6) {
    const ize = /^(.{3,})iz(e|ed|es|ing|ation|ations|er|ers)$/.exec(word);
    if (ize) return `${ize[1]}is${ize[2]}`;
    const yze = /^(.{3,})yz(e|ed|es|ing)$/.exec(word);
    if (yze) return `${yze[1]}ys${yze[2]}`;
  }
  return word;
}
