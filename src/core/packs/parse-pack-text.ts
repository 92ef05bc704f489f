// Pack text -> plain data, refusing anything unsafe before it reaches the schema. Packs come from
// QA staff and from files a trainee imports, so they are untrusted input.
import { Lexer, LineCounter, parseAllDocuments, visit, isScalar, type Document } from 'yaml';
import type { PackError } from './pack-errors.ts';
import { PACK_LIMITS } from './pack-limits.ts';
import { messageOf } from '../message-of.ts';

/** Keys that would let a later merge or assignment reach Object.prototype. */
const DANGEROUS_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ParsePackTextResult = { ok: true; data: unknown } | { ok: false; errors: PackError[] };

type Fail = (message: string, at?: { line: number; col: number }) => ParsePackTextResult;

const failIn =
  (file: string): Fail =>
  (message, at) => ({
    ok: false,
    errors: [
      { file, path: '', message, severity: 'error', ...(at ? { line: at.line, column: at.col } : {}) },
    ],
  });

export function parsePackText(text: string, file: string): ParsePackTextResult {
  const fail = failIn(file);
  // Size first: parsing a huge document is the slow part, so refuse before it starts.
  if (text.length > PACK_LIMITS.maxBytes) {
    return fail(`the file is too large (${text.length} characters; the limit is ${PACK_LIMITS.maxBytes})`);
  }
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fail('the file is empty');
  const junk = findBinary(body);
  if (junk !== null) {
    return fail(`the file is not text (${junk}); a pack is a YAML or JSON text file`);
  }

  // JSON by content takes the fast path: JSON.parse is some thirty times quicker than a YAML parse on a
  // large pack. A JSON syntax error falls through to the YAML parser, which reports line and column.
  // A .json file that is not valid JSON is refused in JSON's terms; the YAML parser (JSON is YAML) is
  // asked only where the problem is.
  const jsonFile = /\.json$/i.test(file);
  if (jsonFile || /^\s*[[{]/.test(body)) {
    const json = parseJson(body, file);
    if (json !== null) return json;
  }
  const lineCounter = new LineCounter();
  const parsed = parseOneDocument(body, lineCounter, fail);
  if ('ok' in parsed) return parsed;
  const refused =
    syntaxProblems(parsed, body, file, jsonFile, lineCounter) ?? unsafeNodes(parsed, file, lineCounter);
  return refused ?? toData(parsed, fail);
}

/** The YAML parse itself: exactly one document, or why not. */
function parseOneDocument(
  body: string,
  lineCounter: LineCounter,
  fail: Fail,
): Document.Parsed | ParsePackTextResult {
  let docs: Document.Parsed[];
  try {
    // YAML 1.2 core schema: no custom tags, no merge keys. Aliases are refused below (and toJS resolves
    // none): packs have no need for them, and it shuts out "billion laughs" expansion.
    docs = parseAllDocuments(body, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
      strict: true,
      merge: false,
    }) as Document.Parsed[];
  } catch (error) {
    return fail(`the file could not be read as YAML or JSON: ${messageOf(error)}`);
  }
  if (!Array.isArray(docs)) return fail('the file could not be read as YAML or JSON');
  if (docs.length === 0) return fail('the file is empty');
  if (docs.length > 1) {
    const second = docs[1]?.range?.[0];
    return fail(
      `the file holds ${docs.length} YAML documents; a pack is one document (remove the extra "---")`,
      second !== undefined ? lineCounter.linePos(second) : undefined,
    );
  }
  return docs[0]!;
}

/** The parser's errors and warnings, each where it is (in JSON's terms for a .json file). */
function syntaxProblems(
  doc: Document.Parsed,
  body: string,
  file: string,
  jsonFile: boolean,
  lineCounter: LineCounter,
): ParsePackTextResult | null {
  const problems = [...doc.errors, ...doc.warnings];
  if (jsonFile) {
    const first = problems[0]?.pos[0];
    return failIn(file)(
      `the file is not valid JSON (${jsonError(body)})`,
      first === undefined ? undefined : lineCounter.linePos(first),
    );
  }
  if (problems.length === 0) return null;
  return {
    ok: false,
    errors: problems.slice(0, PACK_LIMITS.maxErrors).map((p) => {
      // An unclosed quote is found where the text ends; the quote that was not closed is what to fix.
      const pos = lineCounter.linePos((p.code === 'MISSING_CHAR' && unclosedQuote(body)) || p.pos[0]);
      return {
        file,
        path: '',
        message: firstLine(p.message),
        line: pos.line,
        column: pos.col,
        severity: 'error' as const,
      };
    }),
  };
}

/** Aliases and keys that could reach Object.prototype, refused where they are. */
function unsafeNodes(
  doc: Document.Parsed,
  file: string,
  lineCounter: LineCounter,
): ParsePackTextResult | null {
  const errors: PackError[] = [];
  const at = (offset: number, message: string) => {
    const pos = lineCounter.linePos(offset);
    errors.push({ file, path: '', message, line: pos.line, column: pos.col, severity: 'error' });
  };
  visit(doc, {
    Alias(_, node) {
      at(
        node.range?.[0] ?? 0,
        `YAML aliases (*${node.source}) are not allowed in packs: write the value out`,
      );
      return visit.BREAK;
    },
    Pair(_, pair) {
      const key = pair.key;
      if (isScalar(key) && DANGEROUS_KEYS.has(String(key.value))) {
        at(
          key.range?.[0] ?? 0,
          `the key "${String(key.value)}" is not allowed: it could tamper with the program's objects`,
        );
      }
    },
  });
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, PACK_LIMITS.maxErrors) } : null;
}

/** The document as plain data, within the nesting limit. */
function toData(doc: Document.Parsed, fail: Fail): ParsePackTextResult {
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 0 });
  } catch (error) {
    return fail(`the file could not be read: ${messageOf(error)}`);
  }
  if (data === null || data === undefined) return fail('the file is empty');
  if (depth(data) > PACK_LIMITS.maxDepth)
    return fail(`the file is nested more than ${PACK_LIMITS.maxDepth} levels deep`);
  return { ok: true, data };
}

function parseJson(text: string, file: string): ParsePackTextResult | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const errors: PackError[] = [];
  const walk = (value: unknown) => {
    if (errors.length >= PACK_LIMITS.maxErrors || value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach(walk);
      return;
    }
    for (const key of Object.keys(value)) {
      if (DANGEROUS_KEYS.has(key)) {
        const at = text.indexOf(`"${key}"`);
        const before = text.slice(0, Math.max(0, at));
        const line = before.split('\n').length;
        errors.push({
          file,
          path: '',
          message: `the key "${key}" is not allowed: it could tamper with the program's objects`,
          ...(at >= 0 ? { line, column: at - before.lastIndexOf('\n') } : {}),
          severity: 'error',
        });
      } else walk((value as Record<string, unknown>)[key]);
    }
  };
  if (depth(data) > PACK_LIMITS.maxDepth)
    return {
      ok: false,
      errors: [
        {
          file,
          path: '',
          message: `the file is nested more than ${PACK_LIMITS.maxDepth} levels deep`,
          severity: 'error',
        },
      ],
    };
  walk(data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, data };
}

/** JSON.parse's own words for why the text is not JSON. */
function jsonError(text: string): string {
  try {
    JSON.parse(text);
    return 'no error';
  } catch (error) {
    return messageOf(error);
  }
}

const LEXER_CONTROL = new Set(['\u0002', '\u0018', '\u001f', '\uFEFF']);

/** Where the first quoted scalar that is never closed starts, or null. */
function unclosedQuote(text: string): number | null {
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    // The lexer's control tokens (document start, flow error end, scalar, BOM) take no room in the text.
    if (LEXER_CONTROL.has(token)) continue;
    const quote = token[0];
    if (quote === '"' || quote === "'") {
      const closed = token.length > 1 && token.endsWith(quote) && !/(^|[^\\])(\\\\)*\\"$/.test(token);
      if (!closed) return offset;
    }
    offset += token.length;
  }
  return null;
}

/** Describes the first sign that the text is binary, or null. The whole text: a pack is at most 2 MB. */
function findBinary(text: string): string | null {
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'it contains NUL bytes';
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127) control++;
    else if (c === 0xfffd) replacement++;
  }
  if (control > 0) return `it contains ${control} control character${control === 1 ? '' : 's'}`;
  if (replacement > 0) return 'it is not valid UTF-8';
  return null;
}

function depth(value: unknown, level = 0): number {
  if (level > PACK_LIMITS.maxDepth) return level;
  if (Array.isArray(value))
    return value.reduce<number>((m, v) => Math.max(m, depth(v, level + 1)), level + 1);
  if (value !== null && typeof value === 'object') {
    let m = level + 1;
    for (const v of Object.values(value)) m = Math.max(m, depth(v, level + 1));
    return m;
  }
  return level;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
