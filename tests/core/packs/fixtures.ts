// Test fixtures: the shipped statements and packs, read from disk, and a small pack to vary.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPack, parsePackText, type LoadedPack } from '../../../src/core/packs/index.ts';
import type { TraineeTurn } from '../../../src/core/session/index.ts';
import { loadScriptLibrary, type ScriptLibrary } from '../../../src/core/scripts/script-library.ts';

export const DEFAULT_PACK_FILE = 'scenarios/cms-core.yaml';

let scripts: ScriptLibrary | undefined;
export function shippedScripts(): ScriptLibrary {
  if (scripts) return scripts;
  const files = readdirSync('scripts-verbatim')
    .filter((n) => n.endsWith('.json') && !n.endsWith('.schema.json'))
    .map((n) => ({
      file: n,
      data: JSON.parse(readFileSync(join('scripts-verbatim', n), 'utf8')) as unknown,
    }));
  const r = loadScriptLibrary(files);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  scripts = r.library;
  return scripts;
}

export function defaultPackText(): string {
  return readFileSync(DEFAULT_PACK_FILE, 'utf8');
}

let cached: LoadedPack | undefined;
export function defaultPack(): LoadedPack {
  if (cached) return cached;
  const text = defaultPackText();
  const parsed = parsePackText(text, DEFAULT_PACK_FILE);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const r = loadPack(parsed.data, { file: DEFAULT_PACK_FILE, scripts: shippedScripts(), source: text });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  cached = r.pack;
  return cached;
}

const shipped = new Map<string, LoadedPack>();
/** Every pack shipped in scenarios/, loaded with the shipped statements. */
export function shippedPacks(): LoadedPack[] {
  for (const name of readdirSync('scenarios').filter((n) => /\.ya?ml$/.test(n))) {
    const file = join('scenarios', name);
    if (shipped.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    const parsed = parsePackText(text, file);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const r = loadPack(parsed.data, { file, scripts: shippedScripts(), source: text });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    shipped.set(file, r.pack);
  }
  return [...shipped.values()];
}

/** A small valid pack: an outbound call with the recording notice, security, one critical error and dead air. */
export function smallPack(): Record<string, any> {
  return {
    id: 'small',
    version: '0.1.0',
    title: 'Small pack',
    description: 'For tests',
    author: 'Tests',
    passMark: 80,
    neverSay: [{ id: 'no-idiot', phrases: ['you idiot'], message: 'Never insult a caller.' }],
    intents: [
      {
        id: 'ask-security',
        label: 'Ask for security',
        examples: [
          'Can I take two digits from your PIN and your password please',
          'I need to take you through security first',
        ],
      },
      {
        id: 'give-address',
        label: 'Give an address',
        examples: ['He lives at 22 Mill Lane', 'His address is 22 Mill Lane'],
      },
      {
        id: 'say-goodbye',
        label: 'Say goodbye',
        examples: ['Thank you for calling, goodbye', 'Thanks for your time, goodbye'],
      },
    ],
    scenarios: [
      {
        id: 'demo',
        title: 'Demo call',
        summary: 'A short outbound call',
        direction: 'outbound',
        firstContact: false,
        persona: { name: 'Pat', role: 'Paying parent' },
        statements: [{ script: 'call-recording-notice', within: { turns: 2 } }],
        moves: [{ intent: 'ask-security' }, { intent: 'say-goodbye', required: false }],
        critical: [
          {
            id: 'gave-address',
            when: { intent: 'give-address' },
            message: 'You gave out an address.',
            to: 'disclosed',
          },
        ],
        deadAir: { after: 5, prompts: ['Hello?', 'Anyone there?'], then: 'hung-up' },
        initial: 'open',
        states: {
          open: {
            caller: ['Hello?', 'Hello again?'],
            expects: 'Give the recording notice.',
            on: [
              { when: { statement: 'call-recording-notice' }, to: 'security' },
              { when: { otherwise: true }, reply: ['Who is this?', 'Sorry, who?'] },
            ],
          },
          security: {
            caller: ['Okay, what do you need?'],
            expects: 'Ask for security.',
            on: [{ when: { intent: 'ask-security' }, to: 'closing' }],
          },
          closing: {
            caller: ['Right, is that everything?'],
            expects: 'Close the call.',
            on: [{ when: { intent: 'say-goodbye' }, to: 'done' }],
          },
        },
        endings: {
          done: {
            title: 'Done',
            outcome: 'pass',
            caller: 'Bye.',
            debrief: 'Good.',
            procedure: [
              { point: 'Give the notice.', source: '001_43724bad90100c4e.txt', section: 'Call recording' },
            ],
          },
          disclosed: {
            title: 'Disclosed',
            outcome: 'fail',
            debrief: 'Bad.',
            procedure: [{ point: 'Disclose nothing.', inference: true }],
          },
          'hung-up': {
            title: 'Hung up',
            outcome: 'fail',
            debrief: 'Silence.',
            procedure: [{ point: 'Lead the call.', inference: true }],
          },
        },
      },
    ],
  };
}

export const NOTICE = 'I should tell you that this call may be recorded for quality and or training purposes';
/** The small pack's security question and its goodbye, word for word. */
export const SECURITY = 'Can I take two digits from your PIN and your password please';
export const GOODBYE = 'Thank you for calling, goodbye';
/** A call of the small pack's demo that reaches the pass ending but says the notice after its window. */
export const LATE_NOTICE: TraineeTurn[] = [
  { text: 'Hello' },
  { text: 'Hello there' },
  { text: NOTICE },
  { text: SECURITY },
  { text: GOODBYE },
];

export function loadSmall(raw: unknown = smallPack(), source?: string) {
  return loadPack(raw, { file: 'small.yaml', scripts: shippedScripts(), ...(source ? { source } : {}) });
}

export function smallLoaded(): LoadedPack {
  const r = loadSmall();
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pack;
}
