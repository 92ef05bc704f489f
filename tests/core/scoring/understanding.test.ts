// The hybrid matcher (sentence vectors and words) on what it is judged by: the shared calibration calls
// (tests/fixtures/calibration/transcripts, each with the ending a QA officer expects) and utterances held
// out from tuning (tests/fixtures/understanding/held-out.jsonl). The figures guard against regressions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeVectors } from '../../../src/adapters/understanding/node-vectors.ts';
import { packTexts, turnTexts } from '../../../src/cli/understanding.ts';
import { embeddingTexts, runCall, type TraineeTurn, type VectorTable } from '../../../src/core/index.ts';
import { defaultPack, shippedPacks } from '../packs/fixtures.ts';
import { RISKY_NONE } from '../../../src/core/scoring/intent-decide.ts';

const pack = defaultPack();
const more = shippedPacks().find((p) => p.id === 'cms-more')!;
const DIR = 'tests/fixtures/calibration/transcripts';
/** Whole calls written blind on 2026-11-30 (19 of 26 at matcher version 6, as first measured), then tuned on. */
const UNSEEN_CALLS = 'tests/fixtures/understanding/calls-2026-11-30';
const callsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({
      file: f,
      ...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
        scenario: string;
        turns: TraineeTurn[];
        expect: { ending: string; passed: boolean };
      }),
    }));
const calls = callsIn(DIR);
const unseenCalls = callsIn(UNSEEN_CALLS);
/**
 * Whole calls written blind and guarded as counts, so that none that reaches its ending is lost. B: 24 calls sealed
 * until measured once at matcher version 8, 21 right (20 at version 7), 22 at version 9. C: the 18 shared calibration
 * calls said again in other words by one writer (a chatty caseworker; a recogniser's lower case without punctuation),
 * tuned on at version 9: 30 of 36 at version 8, 35 after. D: the same by another writer (brisk; a nervous new starter),
 * sealed until measured once at version 9: 31 of 36 (four recording notices were written without "I should tell you
 * that", a fail by the scoring standard, and were put right), then 32; 33 at version 10. E: the same by four more
 * writers (plain words; relaxed and indirect; a recogniser's lower case; polite and formal), sealed until measured
 * once: 18 of 18 at version 9 for the first (17 at version 8), 51 of 54 for the other three (45 at version 8); 70 of
 * 72 at version 10. F: the same by three more writers (a nervous new starter; warm and chatty, opening every turn
 * with a kind word; casual and regional, typed fast), sealed until measured once: 47 of 54 at version 10 (46 at
 * version 9, 43 at version 8), then tuned on with examples in the core pack (1.3.2): 52. C reached 36 and D 35 then.
 * G: the same by three more writers (brisk; talking around things without the official words; a recogniser's
 * transcript of a strong accent), sealed until measured once: 51 of 54 at version 10 (47 at version 9, 43 at 8).
 * H: three more writers (a second-month starter in plain words; a kind, reflective veteran whose mistakes sound
 * reasonable; a young city caseworker's slang as a recogniser writes it), sealed until measured once at the end of
 * version 10: 48 of 54 (48 at version 9, 42 at version 8). I: four more writers (warm and plain; a recogniser's
 * lower case with fillers; formal, giving the reason for each step; a hedging second-week trainee), sealed until
 * measured once at version 10: 64 of 72 (seven recording notices were written without "I should tell you that", a
 * fail by the scoring standard, and were put right, which leaves 71 of 72 at version 10 before any tuning); 71 at
 * version 11, whose clauses keep "how much you're paying back" whole (the arrears call of three writers). J: two more
 * writers (a Glasgow and Newcastle caseworker typing fast; one who acknowledges the caller before every move),
 * sealed until measured once at version 11: 30 of 36 (13 and 17 of 18); 33 once regional spellings are read in
 * standard spelling (lexicon.ts `DIALECT`). K: two more (plain words, as a QA officer expects a competent
 * caseworker to put it; a recogniser's lower case with slips such as "pen" for "pin"), sealed until measured once
 * at version 12: 34 of 36 (18 and 16; 35 at version 10). L: two more (a calm older caseworker in plain words; a young
 * informal one), sealed until measured once at the end of version 12 with core pack 1.3.8: 36 of 36 (35 at version 10).
 * Version 13, which reads a move with consequences said in one clause of a turn, put back one more call of F, two of
 * H and one of J. M: two more (a South Wales caseworker; one who keeps every turn as short as the move allows), sealed
 * until measured once at version 12: 16 of 18 (two recording notices opened "I've got to let you know that", a fail by
 * the scoring standard, and were put right, which leaves 18 of 18; words alone 13). N: two more (plain words; every
 * other call as a recogniser writes it), sealed until measured once at version 13: 18 of 18 (18 at version 12; words
 * alone 15). O: two more (an agency temp in the first week, careful and a little formal; a warm, chatty veteran), sealed
 * until measured once at version 13 with core pack 1.3.11: 17 of 18 (15 at version 12; words alone 11). The miss: a
 * transfer said after "Oh love, I'm sorry", whose kind clause is read as empathy, a move the state expects; version 14
 * reads the transfer (and one more call of J). P: one more (plain everyday words, some turns opening with a short
 * acknowledgement), sealed until measured once at version 14 with core pack 1.3.12: 18 of 18 (18 at version 12; words
 * alone 13). Q: one more (plain words typed fast: lower case, apostrophes missing, the odd typo), sealed until measured
 * once at version 15: 18 of 18 (18 at version 12; words alone 9). R: one more (a caseworker who says why before every
 * move; one plain and brief), sealed until measured once at the end of version 15 with core pack 1.3.13: 17 of 18 (17
 * at version 12; words alone 13). The miss: "it's a set piece we read out to every single person who applies" is not
 * read as explaining that the statement is read to everyone. S and T: two more (a calm Bristol caseworker in plain
 * short sentences; an upbeat Liverpool one, turns run together as a recogniser writes them), sealed until measured once
 * at matcher version 16 with core pack 1.3.13: 18 of 18 each (words alone 12 and 13). Core pack 1.3.14 and cms-more
 * 1.3.5 (answers the blind sets missed, kept as examples where they read nothing else wrongly) put back one call of G,
 * K and R each, and lost one of N to a tie between two moves with consequences ("I've turned the recorder off for you"
 * scored 0.72 as promising it is off and as telling the client to stop; version 16 had also tied them). U: one more
 * (a steady Yorkshire caseworker, some turns as a recogniser writes them), sealed until measured once with core pack
 * 1.3.14: 18 of 18 (17 with core pack 1.3.13, whose reassurance examples missed "anything we record is kept safe and
 * private"; words alone 9). V: one more (a straight-talking Manchester caseworker), sealed until measured once with
 * core pack 1.3.15: 17 of 18 (17 with 1.3.13; words alone 11). The miss raised a false critical error: "there's nothing
 * wrong with you recording it" was read as telling the client not to record; core pack 1.3.16's example reads it as
 * accepting the recording. W: one more (a friendly Glasgow caseworker, mistakes said casually), sealed until measured
 * once at the very end with core pack 1.3.16: 18 of 18 (18 with 1.3.13; words alone 12). X: one more (a warm Swansea
 * caseworker), sealed until measured once with core pack 1.3.16: 18 of 18 (18 with 1.3.13; words alone 17).
 */
const blindCalls: [string, number][] = [
  ['calls-2026-11-30b', 22],
  ['calls-2026-11-30c', 36],
  ['calls-2026-11-30d', 35],
  ['calls-2026-11-30e', 70],
  ['calls-2026-11-30f', 53],
  ['calls-2026-11-30g', 52],
  ['calls-2026-11-30h', 50],
  ['calls-2026-11-30i', 71],
  ['calls-2026-11-30j', 35],
  ['calls-2026-11-30k', 36],
  ['calls-2026-11-30l', 36],
  ['calls-2026-11-30m', 18],
  ['calls-2026-11-30n', 17],
  ['calls-2026-11-30o', 18],
  ['calls-2026-11-30p', 18],
  ['calls-2026-11-30q', 18],
  ['calls-2026-11-30r', 18],
  ['calls-2026-11-30s', 18],
  ['calls-2026-11-30t', 18],
  ['calls-2026-11-30u', 18],
  ['calls-2026-11-30v', 18],
  ['calls-2026-11-30w', 18],
  ['calls-2026-11-30x', 18],
];
type Labelled = { scenario: string; state: string; text: string; intent: string | null };
const labelled = (file: string): Labelled[] =>
  readFileSync(`tests/fixtures/understanding/${file}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Labelled);
/** A labelled set and the share of it (the right intent, or none) the matcher must put back. */
interface Guarded {
  set: string;
  rows: Labelled[];
  least: number;
}
const guard = (set: string, files: string[], least: number): Guarded => ({
  set,
  rows: files.flatMap(labelled),
  least,
});
const guarded: Guarded[] = [
  // Measured 0.994 (175 of 176) at matcher version 6 with the thresholds in intent-decide.ts; words alone: 0.920.
  guard('held out from tuning', ['held-out.jsonl'], 0.97),
  // Written before matcher version 6 across every built-in role-play, then tuned on: 0.872 (177 of 203) before, 0.990
  // after. Guards the classes of phrasing that round taught (conditional threats, compliments, hints, disclosures).
  guard('the fresh set, across both built-in packs', ['fresh-2026-11-29.jsonl'], 0.97),
  // Written blind on 2026-11-30 across both built-in packs: 0.854 (158 of 185) at matcher version 6, then tuned on
  // (version 7's clauses and scenario rivals, and the packs' new examples): 0.984 (182 of 185) after.
  guard('the set written blind on 2026-11-30', ['fresh-2026-11-30c.jsonl'], 0.95),
  // Two sets written blind on 2026-11-30 and sealed until the end of that round of tuning, then measured once at
  // matcher version 7: 0.946 (175 of 185) and 0.897 (166 of 185); at version 6 they were 0.876 and 0.843. After they
  // were tuned on at matcher version 8: 0.978 (362 of 370).
  guard('the two sets sealed until measured', ['fresh-2026-11-30d.jsonl', 'fresh-2026-11-30e.jsonl'], 0.96),
  // Two more sets sealed until measured once at matcher version 8 (their one honest figure): 0.892 (165 of 185) and
  // 0.924 (171 of 185), 0.908 together; at version 7 they were 0.897 and 0.903. At matcher version 9 (its
  // discriminant, kind prefaces, contractions without apostrophes): 0.949 (351 of 370).
  guard(
    'the two sets sealed until matcher version 8',
    ['fresh-2026-11-30f.jsonl', 'fresh-2026-11-30g.jsonl'],
    0.93,
  ),
  // Sealed until measured once at matcher version 9 (its one honest figure): 0.925 (185 of 200); 0.900 at version 8.
  guard('the set sealed until matcher version 9', ['fresh-2026-11-30i.jsonl'], 0.92),
  // Sealed until measured once at matcher version 10 (its one honest figure): 0.890 (178 of 200), with two risky
  // moves read where the words deny them; 0.895 at version 9, 0.910 at version 8. Then 0.900 once the discriminant no
  // longer vouches for words that negate the move (intent-decide.ts `vouched`).
  guard('the set sealed until matcher version 10', ['fresh-2026-11-30j.jsonl'], 0.9),
  // 60% the five core role-plays, denials of risky moves among its answers that make no move; sealed until measured
  // once at the end of matcher version 10: 0.935 (187 of 200); 0.935 at version 9, 0.925 at version 8; words alone
  // 0.825.
  guard('the set sealed until the end of matcher version 10', ['fresh-2026-11-30k.jsonl'], 0.935),
  // Two sets written by two more writers (experienced, half as a recogniser writes; new starters in their own words),
  // sealed until measured once at the end of matcher version 10: 0.940 (188 of 200) and 0.935 (187 of 200), words
  // alone 0.890 and 0.830; 0.945 and 0.940 at version 11, after its answers that ask the caller to repeat.
  guard(
    'the two sets sealed until the end of matcher version 10',
    ['fresh-2026-11-30l.jsonl', 'fresh-2026-11-30m.jsonl'],
    0.94,
  ),
  // Two more sets (regional voices, with well-meant mistakes; experienced caseworkers in their own words, the move
  // often second after an acknowledgement), sealed until measured once at matcher version 12: 0.920 (184 of 200)
  // and 0.925 (185 of 200), words alone 0.865 and 0.755; version 10 had 0.920 and 0.915. Then 0.930 (372 of 400),
  // once "hang on" is waiting and checking what the caller said is no move.
  guard(
    'the two sets sealed until matcher version 12',
    ['fresh-2026-11-30n.jsonl', 'fresh-2026-11-30o.jsonl'],
    0.925,
  ),
  // The last two sets (a busy Monday's mixed voices; short plain answers, some close to a mistake but correct), sealed
  // until measured once at the end of matcher version 12 with core pack 1.3.8: 0.945 (189 of 200) and 0.930 (186 of
  // 200), 0.9375 together; version 10 had 0.925 and 0.925. Words alone 0.855 and 0.865.
  guard(
    'the two sets sealed until the end of matcher version 12',
    ['fresh-2026-11-30p.jsonl', 'fresh-2026-11-30q.jsonl'],
    0.935,
  ),
  // Two more (a brisk North West caseworker, a third as a recogniser writes; a careful new starter who gives the reason
  // first), sealed until measured once at the end of matcher version 12: 0.920 (184 of 200) and 0.920, words alone
  // 0.815 and 0.760. Version 13's clauses were found in their misses: 0.930 then, 0.935 with core pack 1.3.9.
  guard(
    'the two sets sealed until the end of matcher version 12, read for version 13',
    ['fresh-2026-11-30r.jsonl', 'fresh-2026-11-30s.jsonl'],
    0.93,
  ),
  // Two more (a quick West Midlands caseworker doing two things a turn; a calm former nurse whose mistakes sound like
  // kindness), sealed until measured once at matcher version 13 with cms-more 1.3.3: 0.935 (187 of 200) and 0.910
  // (182 of 200), 0.9225 together; version 12 had 0.930 and 0.890; words alone 0.810 and 0.800. Then 0.955 and 0.925
  // with core pack 1.3.9 (line trouble as no move, a transfer to a supervisor, "this line isn't recorded").
  guard(
    'the two sets sealed until matcher version 13',
    ['fresh-2026-11-30t.jsonl', 'fresh-2026-11-30u.jsonl'],
    0.935,
  ),
  // Two more (a dry Northern Irish caseworker who often makes the move as a question; a young Londoner, a third as a
  // recogniser writes), sealed until measured once at matcher version 13 with core pack 1.3.11 and cms-more 1.3.3:
  // 0.930 (186 of 200) and 0.950 (190 of 200), 0.940 together; version 12 had 0.925 and 0.940; words alone 0.865 and
  // 0.825.
  guard(
    'the two sets sealed until the end of matcher version 13',
    ['fresh-2026-11-30v.jsonl', 'fresh-2026-11-30w.jsonl'],
    0.94,
  ),
  // Two more (a blunt, kind Yorkshire caseworker; a graduate trainee who paraphrases procedure, a fifth as a recogniser
  // writes), sealed until measured once at matcher version 14 with core pack 1.3.12: 0.925 (185 of 200) and 0.950 (190
  // of 200), 0.9375 together; version 12 had 0.925 and 0.920; words alone 0.780 and 0.805. Then 0.945 and 0.965 once a
  // question back to the caller is no move its examples make as statements (version 15).
  guard(
    'the two sets sealed until matcher version 14',
    ['fresh-2026-11-30x.jsonl', 'fresh-2026-11-30y.jsonl'],
    0.95,
  ),
  // Two more (a former bank adviser, polished and eager to please; an Edinburgh caseworker typing fast, asking plenty
  // of questions back), sealed until measured once at matcher version 15 with core pack 1.3.12: 0.935 (187 of 200) and
  // 0.930 (186 of 200), 0.9325 together; version 12 had 0.920 and 0.880; words alone 0.805 and 0.745.
  guard(
    'the two sets sealed until matcher version 15',
    ['fresh-2026-11-30z.jsonl', 'fresh-2026-11-30za.jsonl'],
    0.93,
  ),
  // The last two (a warm Liverpool caseworker, a quarter as a recogniser writes; an anxious new starter in week two),
  // sealed until measured once at the end of matcher version 15 with core pack 1.3.13: 0.970 (194 of 200) and 0.970
  // (194 of 200); version 12 had 0.955 and 0.955; words alone 0.810 and 0.870.
  guard(
    'the two sets sealed until the end of matcher version 15',
    ['fresh-2026-11-30zb.jsonl', 'fresh-2026-11-30zc.jsonl'],
    0.965,
  ),
  // Four more (a rambling Newcastle veteran; a nervous, hedging new starter; a blunt Black Country caseworker; a formal
  // Edinburgh civil servant), sealed until measured once at matcher version 16 with core pack 1.3.13: 0.935, 0.950,
  // 0.960 and 0.945 (187, 190, 192 and 189 of 200), 0.9475 together; words alone 0.800, 0.835, 0.815 and 0.855. Their
  // misses became examples in core pack 1.3.14 and cms-more 1.3.5 where they read nothing else wrongly: 0.975, 0.960,
  // 0.980 and 0.970 then.
  guard(
    'the four sets sealed until matcher version 16',
    [
      'fresh-2026-11-30zd.jsonl',
      'fresh-2026-11-30ze.jsonl',
      'fresh-2026-11-30zf.jsonl',
      'fresh-2026-11-30zg.jsonl',
    ],
    0.965,
  ),
  // Two more (a friendly Cardiff caseworker who checks understanding after each move; a quick, terse Belfast one),
  // sealed until measured once with core pack 1.3.14 and cms-more 1.3.5: 0.950 and 0.955 (190 and 191 of 200), 0.9525
  // together; with core 1.3.13 and cms-more 1.3.4 (matcher version 16 as before) 0.930 and 0.925; words alone 0.845
  // and 0.855. With core pack 1.3.15 (not saying whether a security answer was right, as explaining security):
  // 0.950 and 0.960.
  guard(
    'the two sets sealed until core pack 1.3.14',
    ['fresh-2026-11-30zh.jsonl', 'fresh-2026-11-30zi.jsonl'],
    0.95,
  ),
  // The last two (a fast, casual East London caseworker, 40% as a recogniser writes; a gentle, roundabout Norfolk one),
  // sealed until measured once with core pack 1.3.15: 0.945 and 0.960 (189 and 192 of 200), 0.9525 together; with core
  // 1.3.13 and cms-more 1.3.4 (matcher version 16 as before) 0.930 and 0.935; words alone 0.820 and 0.790.
  guard(
    'the two sets sealed until core pack 1.3.15',
    ['fresh-2026-11-30zj.jsonl', 'fresh-2026-11-30zk.jsonl'],
    0.945,
  ),
  // The very last two (an efficient Leeds caseworker who says what she is doing; a fluent speaker of English as a
  // second language), sealed until measured once with core pack 1.3.16: 0.965 and 0.950 (193 and 190 of 200), 0.9575
  // together; with core 1.3.13 and cms-more 1.3.4 (matcher version 16 as before) 0.945 and 0.935; words alone 0.835
  // and 0.840.
  guard(
    'the two sets sealed until core pack 1.3.16',
    ['fresh-2026-11-30zl.jsonl', 'fresh-2026-11-30zm.jsonl'],
    0.955,
  ),
  // Two more (a courteous Devon veteran back part-time; an unsure Sunderland apprentice in her first month), sealed
  // until measured once with core pack 1.3.16: 0.960 and 0.985 (192 and 197 of 200); with core 1.3.13 and cms-more
  // 1.3.4 0.960 and 0.955; words alone 0.865 and 0.880. Their misses, with those of the three rounds before, became
  // examples in core pack 1.3.17 and cms-more 1.3.6 where they read nothing else wrongly.
  guard('the two sets sealed until the end', ['fresh-2026-11-30zn.jsonl', 'fresh-2026-11-30zo.jsonl'], 0.97),
  // Half its moves risky ones said plainly, measured at once and then tuned on: 0.840 (168 of 200) at the start of
  // matcher version 8, 0.865 (173 of 200) at its end, 0.880 at version 9.
  guard('the set heavy with risky moves said plainly', ['fresh-2026-11-30h.jsonl'], 0.87),
];

/**
 * Kind words a caseworker says in any state, none of them among the matcher's own kind words (intent-no-move.ts):
 * before matcher version 8, "i hear what you're saying" was read as dismissing a suicide threat in every state of it.
 */
const KIND = [
  "i get that you're angry and i'd be the same",
  "It's clear this has really upset you.",
  'honestly i can only imagine how hard this is',
  'sorry love that must be horrible',
  'I do appreciate how stressful this must be for you.',
  "i hear what you're saying",
  "you've clearly had a rough time of it",
  'thanks for explaining that to me',
  "i'm really sorry about all this",
  'that must be so frustrating for you',
  'I can tell this matters a lot to you',
  'no rush at all',
  "bless you that's a lot",
  "i completely get where you're coming from",
  "that's a horrible position to be in",
];

/**
 * Talk that keeps a phone call going, none of it among the matcher's no-move examples: before they gained a few
 * of its kind, "can you speak up a little" was read as answering abuse with abuse and "is now a good time to talk" as
 * skipping the statements.
 */
/**
 * Refusals whose negation governs a question about the address: before the core pack's 1.3.4 examples, "I'm not able
 * to say if he still lives at Mill Lane" was as close to a denial ("he doesn't live at Mill Lane any more", which is
 * confirming or denying) as to refusing, and was read as confirming. Beside them, what does confirm or deny.
 */
const NOT_SAYING = [
  "I'm not able to say if he still lives at Mill Lane",
  "I can't tell you whether he's at Mill Lane",
  'sorry i cant say if thats where he lives',
  "I'm not able to tell you if 22 Mill Lane is right",
  "I couldn't say whether he still lives at that address",
];
const SAYING = ["yes he's still at 22 Mill Lane", "no he doesn't live at Mill Lane any more"];
/**
 * A move with consequences said in one clause of a turn that makes no other move (intent.ts `riskyClause`): none was
 * read before matcher version 13. Beside them, turns whose clauses only come close to one, which must stay no move.
 */
const IN_A_CLAUSE: [scenario: string, state: string, text: string, intent: string | null][] = [
  [
    'bogus-caller',
    'persistence',
    "Thanks for that. I can see the payments are going through fine, anything else I'd need the PIN for.",
    'disclose-case-details',
  ],
  [
    'representative-without-authority',
    'role-given',
    "I'll tell you quickly, Carol, so you're not worried, the arrears are about nine hundred pounds.",
    'disclose-case-details',
  ],
  [
    'suicide-threat',
    'trigger',
    "Oh, I'm sure you don't mean that really, people say all sorts. Let's look at your payments.",
    'dismiss-threat',
  ],
  [
    'first-contact',
    'warning-due',
    "Right then, there's one more statement I have to read to everyone, about false information.",
    null,
  ],
  ['representative-without-authority', 'open', "I can hear you've got his letters with you, yes.", null],
  // Version 14: after a kind word read as empathy, a transfer in the next clause; a warning's condition is no move.
  [
    'suicide-threat',
    'trigger',
    "Oh, I'm so sorry to hear that. Let me put you through to a colleague who deals with this, hold on.",
    'transfer-call',
  ],
  [
    'abusive-caller',
    'open',
    "I can hear how angry you are, but if the swearing carries on I'll have to end this call.",
    'warn-behaviour',
  ],
];
const LINE_TALK = [
  'sorry could you repeat that for me',
  'one moment please while i check',
  'are you still there',
  'ok thanks for that',
  'could you spell that for me',
  'let me just make a note of that',
  "sorry the system's a bit slow today",
  'right okay bear with me',
  'is now a good time to talk',
  'sorry i missed the last bit',
  'can you speak up a little',
  'give me two secs',
  'lovely thank you',
];

let vectors: VectorTable;
beforeAll(async () => {
  vectors = await nodeVectors([
    ...KIND.flatMap(embeddingTexts),
    ...LINE_TALK.flatMap(embeddingTexts),
    ...[...NOT_SAYING, ...SAYING].flatMap(embeddingTexts),
    ...IN_A_CLAUSE.flatMap(([, , text]) => embeddingTexts(text)),
    ...packTexts(pack),
    ...packTexts(more),
    ...calls.flatMap((c) => turnTexts(c.turns)),
    ...unseenCalls.flatMap((c) => turnTexts(c.turns)),
    ...blindCalls.flatMap(([dir]) =>
      callsIn(`tests/fixtures/understanding/${dir}`).flatMap((c) => turnTexts(c.turns)),
    ),
    ...guarded.flatMap((g) => g.rows.flatMap((r) => embeddingTexts(r.text))),
  ]);
}, 600_000);

describe('the shared calibration calls', () => {
  it.each(calls)('$file reaches its expected ending and verdict', (call) => {
    const report = runCall(pack, call.scenario, call.turns, { vectors });
    expect({ ending: report.ending?.id, passed: report.passed }).toEqual(call.expect);
    // A correct call never raises a critical error.
    if (call.expect.passed) expect(report.criticalErrors).toEqual([]);
  });

  it.each(unseenCalls)('unseen call $file reaches its expected ending and verdict', (call) => {
    const report = runCall(pack.scenarios.has(call.scenario) ? pack : more, call.scenario, call.turns, {
      vectors,
    });
    expect({ ending: report.ending?.id, passed: report.passed }).toEqual({
      ending: call.expect.ending,
      passed: call.expect.passed,
    });
    if (call.expect.passed) expect(report.criticalErrors).toEqual([]);
  });

  it.each(blindCalls)(
    '%s: at least %i calls reach their ending and verdict, and no correct call raises a critical error',
    (dir, least) => {
      const reports = callsIn(`tests/fixtures/understanding/${dir}`).map((call) => ({
        call,
        report: runCall(pack.scenarios.has(call.scenario) ? pack : more, call.scenario, call.turns, {
          vectors,
        }),
      }));
      const right = reports.filter(
        ({ call, report }) =>
          report.ending?.id === call.expect.ending && report.passed === call.expect.passed,
      );
      expect(right.length).toBeGreaterThanOrEqual(least);
      for (const { call, report } of reports)
        if (call.expect.passed) expect(report.criticalErrors).toEqual([]);
    },
  );

  it('decides every turn with the hybrid matcher, with evidence', () => {
    const report = runCall(pack, calls[0]!.scenario, calls[0]!.turns, { vectors });
    const decided = report.transcript.flatMap((e) =>
      e.speaker === 'trainee' && e.feedback.intent ? [e] : [],
    );
    expect(decided.length).toBeGreaterThan(0);
    for (const e of decided) expect(e.feedback.intent?.evidence?.matcher).toBe('hybrid');
  });
});

const accuracy = (rows: readonly Labelled[]): number => {
  const misses = rows.filter((r) => {
    const judge = (pack.scenarios.get(r.scenario) ?? more.scenarios.get(r.scenario)!).judge;
    return judge.understanding(vectors, () => judge.intentAt(r.state, r.text)?.intent ?? null) !== r.intent;
  });
  return 1 - misses.length / rows.length;
};

describe('utterances held out from tuning', () => {
  it.each(guarded)('$set: puts back at least $least (the right intent, or none)', ({ rows, least }) => {
    expect(accuracy(rows)).toBeGreaterThanOrEqual(least);
  });

  it('never reads a kind word, or talk that keeps the call going, as a move with consequences, in any state of either built-in pack', () => {
    const risky: string[] = [];
    for (const p of [pack, more])
      for (const [id, scenario] of p.scenarios)
        for (const state of scenario.stateIntents.keys())
          for (const text of [...KIND, ...LINE_TALK]) {
            const match = scenario.judge.understanding(vectors, () => scenario.judge.intentAt(state, text));
            if (match?.intent && match.evidence?.risky)
              risky.push(`${id}/${state}: "${text}" as ${match.intent}`);
          }
    expect(risky).toEqual([]);
  });

  it('reads a refusal that names the address as refusing, and a confirmation or denial as one', () => {
    const judge = pack.scenarios.get('bogus-caller')!.judge;
    const read = (text: string) =>
      judge.understanding(vectors, () => judge.intentAt('address-fishing', text))?.intent;
    expect(NOT_SAYING.map(read)).toEqual(NOT_SAYING.map(() => 'refuse-to-confirm'));
    expect(SAYING.map(read)).toEqual(SAYING.map(() => 'confirm-address'));
  });

  it('reads a move with consequences said in one clause of a turn, and names the clause', () => {
    const read = IN_A_CLAUSE.map(([scenario, state, text]) => {
      const judge = (pack.scenarios.get(scenario) ?? more.scenarios.get(scenario))!.judge;
      return judge.understanding(vectors, () => judge.intentAt(state, text));
    });
    expect(read.map((m) => m?.intent ?? null)).toEqual(IN_A_CLAUSE.map(([, , , intent]) => intent));
    // Read from a clause, unless the whole turn clears the bar of a risky move by itself (with core pack 1.3.14's
    // examples, "I can see the payments are going through fine" does).
    for (const m of read.filter((r) => r?.intent && r.evidence?.risky === true))
      expect(m?.evidence?.part !== undefined || (m?.best?.score ?? 0) >= RISKY_NONE).toBe(true);
  });

  it('without vectors the lexical matcher decides, and says so', () => {
    const judge = pack.scenarios.get('suicide-threat')!.judge;
    expect(judge.intentAt('trigger', 'are you thinking about suicide')?.evidence?.matcher).toBe('lexical');
  });
});
