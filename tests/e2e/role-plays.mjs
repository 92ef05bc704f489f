import { readFileSync } from 'node:fs';

// Calls for the browser tests, one per branch that matters, each with the ending it must reach.
// Taken from the packs' golden transcripts (tests/golden), which the CLI replays to the same endings.
export const calls = [
  {
    kind: 'good',
    scenario: 'bogus-caller',
    description:
      'Polite throughout, nothing disclosed, routes offered, official asked to write, call reported',
    turns: [
      "Hello, you're through to Sam at the Child Maintenance Service. Before we go any further I need to take you through security, can you give me two digits from your PIN and your password please?",
      "I'm sorry, I can't discuss anything about the case until security has been completed.",
      'I understand. If you are the client, please call back when you have your PIN and password to hand, or you can reset your PIN online.',
      "I'm sorry, I can't confirm or deny any details on this call.",
      'Can I take your name, your force and a switchboard number? Any request has to come in writing through official channels, and if a child is in immediate danger please dial 999.',
      "I'll record the call on the system and tell my team leader it may have been a bogus caller.",
    ],
    expect: {
      ending: 'handled-well',
      outcome: 'pass',
      criticalErrors: [],
    },
  },
  {
    kind: 'good',
    scenario: 'client-recording-call',
    description: 'Branch A: reassures first, then offers writing or an unmonitored call back',
    turns: [
      'Hello, this is Alex calling from the Child Maintenance Service. I should tell you that this call may be recorded for quality and or training purposes.',
      'I can reassure you the call is confidential, the recordings are kept securely and only used for quality and training.',
      "That's fine. We can deal with this in writing instead, or I can arrange a call back from a telephone that isn't monitored.",
    ],
    expect: {
      ending: 'alternative-arranged',
      outcome: 'pass',
      criticalErrors: [],
    },
  },
  {
    kind: 'good',
    scenario: 'representative-without-authority',
    description: 'Discloses nothing, explains the routes, offers to speak to Daniel',
    turns: [
      "Can I ask who I'm speaking to, and what's your relationship to Daniel?",
      "I'm sorry, I can't discuss Daniel's case without his written permission.",
      "Daniel can give us written permission for you to act for him, and then you'd get your own security details.",
      "A power of attorney does count, but we'll need to see it first, so please send us a copy of the registered power of attorney.",
      "Is Daniel able to come to the phone himself? I can talk to him once he's passed security.",
    ],
    expect: {
      ending: 'handled-well',
      outcome: 'pass',
      criticalErrors: [],
    },
  },
  {
    kind: 'good',
    scenario: 'suicide-threat',
    description: 'Branch A: no plan, a sister coming; signposted and accurate about arrears',
    turns: [
      "When you say end it, do you mean you're thinking of taking your own life?",
      "I'm getting my team leader to help me now, I'm staying on the line with you.",
      'Where are you right now, are you at home? Is anyone with you?',
      'Have you made any plans? When were you thinking of doing this?',
      'You can call Samaritans free any time on 116 123.',
      'We can look at the arrears repayment rate together, paying parents can ask to negotiate their arrears payments.',
    ],
    expect: {
      ending: 'support-and-options',
      outcome: 'pass',
      criticalErrors: [],
    },
  },
  {
    kind: 'good',
    scenario: 'first-contact',
    description: 'Both statements in full, then a calm explanation',
    turns: [
      'The Child Maintenance Group collects information for the purpose of dealing with child maintenance. The information we collect about you depends on the reason for your business with us. We may check information about you with other information we have. We may get information about you from other people and certain other organisations. We may give information to certain organisations, as the law allows, to: check the accuracy of information; prevent or detect crime; protect public funds in other ways; and use in research or statistics. These other organisations include: HM Revenue and Customs, the Department for Work and Pensions and other Government Departments; Local Authorities; and Private sector bodies, such as banks and certain other organisations. We will not give information about you to anyone outside of the CMG unless the law allows us to. The CMG is the Data Controller for the purpose of the Data Protection Act. If you want to know more about what information we have about you, or the way we use your information; please contact us.',
      'We are asking for information under Child Support Law. Under Child Support Law it is a criminal offence if anyone required to provide information: without reasonable excuse, fails to provide such information when requested to do so; or provides information, or knowingly causes or allows information to be provided which they know to be false. If a court finds them guilty of the criminal offence outlined above, they can be fined up to \u00a31000',
      "It's a standard statement we read to everyone, it's not an accusation.",
    ],
    expect: {
      ending: 'statements-given',
      outcome: 'pass',
      criticalErrors: [],
    },
  },
  {
    kind: 'critical',
    scenario: 'bogus-caller',
    description: 'Confirms the address the caller offers',
    turns: [
      "Hello, you're through to Sam at the Child Maintenance Service. Before we go any further I need to take you through security, can you give me two digits from your PIN and your password please?",
      "I'm sorry, I can't discuss anything about the case until security has been completed.",
      'Please call back when you have your PIN and password to hand.',
      "Yes, that's the address we have for him.",
    ],
    expect: {
      ending: 'address-disclosed',
      outcome: 'fail',
      criticalErrors: ['disclosed-address'],
    },
  },
  {
    kind: 'critical',
    scenario: 'suicide-threat',
    description: 'Critical: ends the call',
    turns: [
      "When you say end it, do you mean you're thinking of taking your own life?",
      "I'm going to have to hang up now.",
    ],
    expect: {
      ending: 'hung-up-on-caller',
      outcome: 'fail',
      criticalErrors: ['hung-up'],
    },
  },
];

/** The four required role-plays, each played end to end by typing and by voice. */
export const required = [
  'bogus-caller',
  'client-recording-call',
  'representative-without-authority',
  'suicide-threat',
];

/** The built-in packs this build ships (the start page's catalogue lists them). */
const catalogue = JSON.parse(
  readFileSync(new URL('../../src/adapters/builtin-catalogue.json', import.meta.url), 'utf8'),
);
export const packsInstalled = catalogue.packs.some((p) => p.scenarios.length > 0);
