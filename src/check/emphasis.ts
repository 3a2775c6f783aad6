/** Inline Markdown in the locale values whose emphasis delimiters find no partner: `We **sincerely…` prints the asterisks. */

import { fromMarkdown } from 'mdast-util-from-markdown';
import { directive } from 'micromark-extension-directive';
import { directiveFromMarkdown } from 'mdast-util-directive';
import type { Nodes } from 'mdast';
import type { Lang } from '../model/index.js';
import { problem, shown, type Diagnostic } from '../diag/index.js';
import { flatKeys, valueAt, type Project } from '../load/index.js';
import { inlineText } from '../compose/index.js';
import { PUNCTUATION_OR_SYMBOL } from '../unicode/index.js';

/**
 * A warning at every value of the languages' locale files (the ones being built; check builds them all) with an unmatched `**`, `__`, or a single `*`/`_` that opens onto a word and is never
 * closed. Warnings, not errors: the letter still builds, with the characters printed as they are.
 */
export function emphasisWarnings(
  project: Project,
  langs: readonly Lang[],
  parse: ParseMarkdown = parseMarkdown,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [lang, file] of project.texts) {
    if (!langs.includes(lang)) continue;
    for (const key of flatKeys(file.data)) {
      const stray = strayDelimiters(valueAt(file.data, key) ?? '', parse);
      if (!stray.length) continue;
      const listed = [...new Set(stray)].map((d) => `'${d}'`).join(', ');
      const char = stray[0]![0]!;
      out.push({
        ...problem(
          'unbalanced-emphasis',
          `'${shown(key)}' in ${file.file} has an unmatched ${listed}: it prints as it is, not as emphasis`,
          file.locate(key),
          `close it (${char}${char}text${char}${char} for bold, ${char}text${char} for italic), or write \\\\${char} in the JSON file for a literal ${char === '*' ? 'asterisk' : 'underscore'}`,
        ),
        severity: 'warning',
      });
    }
  }
  return out;
}

/**
 * The delimiter runs the Markdown parser left as text. Judged as CommonMark does: a run is an opener when it is
 * left-flanking (a word follows), a closer when right-flanking (a word precedes). Reported: a run of two or more next
 * to a word, and a single opener. Not reported: escaped `\*`, a single `*` or `_` inside a word (`a_b`), one that
 * only closes (a footnote mark, `Convention*`), one between spaces (`2 * 3`), and anything inside a URL or code span.
 */
export function strayDelimiters(value: string, parse: ParseMarkdown = parseMarkdown): string[] {
  // Without a delimiter there is nothing to report, and most values have none: no parse (60,000 keys took 12 s).
  // inlineText only adds backslashes, never a delimiter.
  if (!value.includes('*') && !value.includes('_')) return [];
  const inline = inlineText(value, 'paragraphs');
  if ('refused' in inline) return [];
  const md = inline.text;
  const tree = parse(md);
  const urls = urlRanges(md);
  const stray: string[] = [];
  const visit = (node: Nodes): void => {
    if (
      node.type === 'text' &&
      node.position?.start.offset !== undefined &&
      node.position.end.offset !== undefined
    ) {
      for (const run of runs(md, node.position.start.offset, node.position.end.offset)) {
        if (urls.some(([from, to]) => run.at >= from && run.at < to)) continue;
        if (isStray(md, run)) stray.push(run.text);
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return stray;
}

/** Markdown to its syntax tree; a parameter so that a test can count the parses. */
export type ParseMarkdown = (md: string) => Nodes;

function parseMarkdown(md: string): Nodes {
  return fromMarkdown(md, { extensions: [directive()], mdastExtensions: [directiveFromMarkdown()] });
}

/**
 * Where URLs (`scheme://…`) and e-mail addresses (`a@b.c`) stand, token by token. A regular expression with `\S+` on
 * both sides of `@` backtracks quadratically over one long unbroken run (minutes for 60,000 characters).
 */
function urlRanges(md: string): (readonly [number, number])[] {
  const ranges: (readonly [number, number])[] = [];
  for (const token of md.matchAll(/\S+/g)) {
    const text = token[0];
    const end = token.index + text.length;
    const at = text.indexOf('@');
    if (at > 0 && text.indexOf('.', at + 2) > at + 1 && text.indexOf('.', at + 2) < text.length - 1) {
      ranges.push([token.index, end]);
      continue;
    }
    const scheme = text.indexOf('://');
    if (scheme <= 0 || scheme + 3 >= text.length) continue;
    let start = scheme;
    while (start > 0 && /[a-z0-9+.-]/i.test(text[start - 1]!)) start--;
    while (start < scheme && !/[a-z]/i.test(text[start]!)) start++;
    if (start < scheme) ranges.push([token.index + start, end]);
  }
  return ranges;
}

interface Run {
  readonly at: number;
  readonly text: string;
}

/** Runs of `*` or `_` in md[from, to), skipping backslash-escaped characters. */
function runs(md: string, from: number, to: number): Run[] {
  const out: Run[] = [];
  for (let i = from; i < to; i++) {
    const c = md[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '*' && c !== '_') continue;
    let end = i + 1;
    while (end < to && md[end] === c) end++;
    out.push({ at: i, text: md.slice(i, end) });
    i = end - 1;
  }
  return out;
}

function isStray(md: string, run: Run): boolean {
  const before = md[run.at - 1];
  const after = md[run.at + run.text.length];
  const left =
    after !== undefined &&
    !isSpace(after) &&
    (!isPunct(after) || before === undefined || isSpace(before) || isPunct(before));
  const right =
    before !== undefined &&
    !isSpace(before) &&
    (!isPunct(before) || after === undefined || isSpace(after) || isPunct(after));
  if (run.text.length >= 2) return (left || right) && !(run.text[0] === '_' && left && right);
  return left && !right;
}

function isSpace(c: string): boolean {
  return /\s/u.test(c);
}

function isPunct(c: string): boolean {
  return PUNCTUATION_OR_SYMBOL.someIn(c);
}
