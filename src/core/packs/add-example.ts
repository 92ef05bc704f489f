// Learning from real calls: a trainee's words that the caller misunderstood become an example of the
// move they meant, in a new version of the pack's text. The edit keeps the file's own layout and
// comments (YAML) or its JSON shape; the result is then installed like any other save, through the
// one install path, where it is validated and linted.
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

export type AddExampleResult = { ok: true; text: string; version: string } | { ok: false; error: string };

/** The next patch version ("1.0.0" -> "1.0.1"); null for a version that is not three plain numbers. */
export function nextPatchVersion(version: string): string | null {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version.trim());
  return m ? `${m[1]}.${m[2]}.${Number(m[3]) + 1}` : null;
}

const sameWords = (a: string, b: string) =>
  a.toLowerCase().replace(/\s+/g, ' ').trim() === b.toLowerCase().replace(/\s+/g, ' ').trim();

/** Why the example cannot be added to these examples, or null. */
function problemWith(examples: unknown, intentId: string, example: string): string | null {
  if (example.trim() === '') return 'there are no words to add';
  if (!Array.isArray(examples)) return `the move "${intentId}" has no list of examples`;
  if (examples.some((e) => typeof e === 'string' && sameWords(e, example)))
    return `"${example}" is already an example of "${intentId}"`;
  return null;
}

function addToJson(text: string, intentId: string, example: string): AddExampleResult {
  let data: { version?: unknown; intents?: { id?: unknown; examples?: unknown }[] };
  try {
    data = JSON.parse(text) as typeof data;
  } catch {
    return { ok: false, error: 'the installed pack is not valid JSON' };
  }
  const intent = data.intents?.find((i) => i.id === intentId);
  if (!intent) return { ok: false, error: `the pack has no move "${intentId}"` };
  const problem = problemWith(intent.examples, intentId, example);
  if (problem) return { ok: false, error: problem };
  const version = nextPatchVersion(String(data.version ?? ''));
  if (!version)
    return { ok: false, error: `version "${String(data.version)}" cannot be raised automatically` };
  (intent.examples as string[]).push(example.trim());
  data.version = version;
  return { ok: true, text: `${JSON.stringify(data, null, 2)}\n`, version };
}

/** Replaces text[from, to) with `insert`. */
const splice = (text: string, from: number, to: number, insert: string) =>
  text.slice(0, from) + insert + text.slice(to);

function addToYaml(text: string, intentId: string, example: string): AddExampleResult {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0) return { ok: false, error: 'the installed pack is not valid YAML' };
  const intents = doc.get('intents');
  const intent = isSeq(intents)
    ? intents.items.find((i) => isMap(i) && String(i.get('id')) === intentId)
    : undefined;
  if (!isMap(intent)) return { ok: false, error: `the pack has no move "${intentId}"` };
  const examples = intent.get('examples');
  const problem = problemWith(isSeq(examples) ? examples.toJSON() : null, intentId, example);
  if (problem || !isSeq(examples)) return { ok: false, error: problem ?? 'no examples' };
  const versionNode = doc.get('version', true);
  const version = nextPatchVersion(String(doc.get('version') ?? ''));
  const last = examples.items.at(-1) as { range?: [number, number, number] } | undefined;
  if (!version || !isScalar(versionNode) || !versionNode.range)
    return { ok: false, error: `version "${String(doc.get('version'))}" cannot be raised automatically` };
  if (examples.flow || !last?.range)
    return { ok: false, error: `the examples of "${intentId}" are not a list` };
  // Text edits, so the file keeps its own layout and comments: a new line under the last example,
  // indented as it is, then the version (later in the file first, so earlier offsets stay right).
  const lineStart = text.lastIndexOf('\n', last.range[0]) + 1;
  const indent = text.slice(lineStart, last.range[0]);
  const lineEnd = text.indexOf('\n', last.range[1]);
  const at = lineEnd === -1 ? text.length : lineEnd;
  const [vFrom, vTo] = versionNode.range;
  const edits: [number, number, string][] = [
    [at, at, `\n${indent}${JSON.stringify(example.trim())}`],
    [vFrom, vTo, version],
  ];
  edits.sort((a, b) => b[0] - a[0]);
  return {
    ok: true,
    text: edits.reduce((t, [from, to, insert]) => splice(t, from, to, insert), text),
    version,
  };
}

/** The pack's text with `example` added to the move `intentId` and its version raised by one patch. */
export function addIntentExample(
  text: string,
  format: 'yaml' | 'json',
  intentId: string,
  example: string,
): AddExampleResult {
  return format === 'json' ? addToJson(text, intentId, example) : addToYaml(text, intentId, example);
}
