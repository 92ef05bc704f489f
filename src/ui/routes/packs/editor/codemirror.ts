// CodeMirror 6 for pack text: YAML or JSON mode, problems shown in place as the author types,
// and completion of the pack format's property names from its JSON Schema. Loaded only by the
// editor page.
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import {
  defaultHighlightStyle,
  syntaxHighlighting,
  indentOnInput,
  bracketMatching,
} from '@codemirror/language';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, drawSelection } from '@codemirror/view';
import type { PackError } from '../../../../core/packs/index.ts';

/**
 * How long the author pauses before the text is checked again: CodeMirror's own default (750 ms)
 * felt slow in play-testing, and checking on every key would compile a large pack (the built-in
 * one takes tens of ms) per keystroke. The save button checks the text itself, so a stale mark
 * never lets an invalid pack through.
 */
const LINT_DELAY_MS = 400;

export interface EditorOptions {
  doc: string;
  format: 'yaml' | 'json';
  label: string;
  /** Checks the text; its problems are shown in place. */
  validate: (text: string) => PackError[];
  onChange: (text: string) => void;
  /** Property names offered as completions. */
  keys: readonly string[];
}

export function toDiagnostics(text: string, problems: readonly PackError[]): Diagnostic[] {
  const lines = text.split('\n');
  const offsetOf = (line: number, column: number) => {
    let pos = 0;
    for (let i = 0; i < Math.min(line - 1, lines.length); i++) pos += (lines[i]?.length ?? 0) + 1;
    const lineText = lines[line - 1] ?? '';
    return Math.min(pos + Math.max(0, column - 1), pos + lineText.length, text.length);
  };
  return problems.map((p) => {
    const from = p.line !== undefined ? offsetOf(p.line, p.column ?? 1) : 0;
    const lineEnd = text.indexOf('\n', from);
    const to = Math.max(from, lineEnd === -1 ? text.length : lineEnd);
    return {
      from,
      to,
      severity: p.severity === 'warning' ? 'warning' : 'error',
      message: `${p.path === '' ? '' : `${p.path}: `}${p.message}`,
    };
  });
}

function keyCompletion(keys: readonly string[], format: 'yaml' | 'json') {
  const options = keys.map((k) => ({
    label: k,
    type: 'property',
    apply: format === 'json' ? `"${k}": ` : `${k}: `,
  }));
  return (ctx: CompletionContext): CompletionResult | null => {
    const word = ctx.matchBefore(format === 'json' ? /"?[\w$]*/ : /^\s*(- )?[\w$]*/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    const lead = /^\s*(- )?"?/.exec(word.text)?.[0].length ?? 0;
    return { from: word.from + lead, options, validFor: /^[\w$]*$/ };
  };
}

/**
 * The editor lives in a shadow root: CodeMirror then styles itself with constructed style sheets,
 * which the page's Content-Security-Policy (style-src 'self', no inline styles) allows, instead of
 * <style> elements, which it blocks.
 */
export function createEditor(host: HTMLElement, opts: EditorOptions): EditorView {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const parent = document.createElement('div');
  root.replaceChildren(parent);
  return new EditorView({
    parent,
    root,
    state: EditorState.create({
      doc: opts.doc,
      extensions: [
        lineNumbers(),
        EditorView.lineWrapping,
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        opts.format === 'json' ? json() : yaml(),
        lintGutter(),
        linter(
          (view) => {
            const text = view.state.doc.toString();
            return toDiagnostics(text, opts.validate(text));
          },
          { delay: LINT_DELAY_MS },
        ),
        autocompletion({ override: [keyCompletion(opts.keys, opts.format)] }),
        EditorView.theme({
          // No height limit and wrapped lines: the page scrolls, so there is no scrolling region
          // that keyboard users would have to reach separately.
          '&': { fontSize: '16px' },
          '.cm-scroller': { fontFamily: 'monospace' },
          '&.cm-focused': { outline: '3px solid #ffdd00' },
          // CodeMirror draws these marks with data: images, which the page's img-src 'self' blocks.
          '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy #d4351c' },
          '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy #f47738' },
          '.cm-lintRange-info, .cm-lintRange-hint': {
            backgroundImage: 'none',
            textDecoration: 'underline dotted',
          },
          '.cm-lint-marker': { content: 'normal', width: '1em', height: '1em', lineHeight: '1' },
          '.cm-lint-marker-error::before': { content: '"✖"', color: '#d4351c' },
          '.cm-lint-marker-warning::before': { content: '"!"', color: '#b35200', fontWeight: 'bold' },
          '.cm-lint-marker-info::before': { content: '"i"' },
        }),
        EditorView.contentAttributes.of({ 'aria-label': opts.label, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) opts.onChange(u.state.doc.toString());
        }),
      ],
    }),
  });
}
