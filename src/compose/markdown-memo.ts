/**
 * Parsing a batch's letters paragraph by paragraph, each distinct paragraph once. The letters of a batch differ only
 * where a recipient's name or form of address is written; the rest of the Markdown the template renders (most of the
 * body, the close, the signatures) repeats letter after letter, and parsing it (micromark) was about half the cost of
 * composing a letter. A letter is cut into pieces only where Markdown's own rules make every piece parse alone exactly
 * as it parses inside the whole; anything that could reach across a cut (link reference definitions, fenced code,
 * HTML blocks, nested or unclosed containers, text outside a part) makes the letter parse whole, as before.
 */

import { fromMarkdown } from 'mdast-util-from-markdown';
import { directive } from 'micromark-extension-directive';
import { directiveFromMarkdown, type ContainerDirective } from 'mdast-util-directive';
import type { RootContent } from 'mdast';
import { directNodes } from './markdown-direct.js';
import { Recent } from './recent.js';

/** The top-level nodes of a whole letter's Markdown: what every piece of code downstream reads from the tree. */
export function parseWhole(markdown: string): RootContent[] {
  return parse(markdown);
}

// Made once: the extensions hold no state between parses, and fresh ones for every parse made each parse twice as slow
// (a letter's pieces are short: the set-up cost more than the text).
const OPTIONS = { extensions: [directive()], mdastExtensions: [directiveFromMarkdown()] };

function parse(markdown: string): RootContent[] {
  return fromMarkdown(markdown, OPTIONS).children;
}

// A reference definition (`[id]: url`) links text anywhere in the letter; a fence, an HTML block (which a blank line
// may not end) or a carriage return (which this splitter does not count as a line end) may span a cut.
const REACHES_ACROSS = /\]:|\r|^[ \t]*(?:```|~~~|<)/m;
// A top-level part opens with exactly three colons and a name (`:::body{indent=2}`) and closes with `:::` alone.
const OPEN = /^:::[A-Za-z]/;
const CLOSE = /^:::[ \t]*$/;
const BLANK = /^[ \t]*$/;
/**
 * A line that starts a block nothing before a blank line can absorb: not indented (a list item's continuation or
 * indented code), no quote marker (a quote may go on), no list marker (a list may go on, loose). After a blank line a
 * paragraph has ended and no line is lazy; a leaf directive (`::vocative[…]`) is one line.
 */
const STANDS_ALONE = /^(?![ \t>]|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/;

/** Parsed pieces of a batch's letters by their text, the most recently used kept; one per Composer. */
export class MarkdownMemo {
  private readonly pieces: Recent<string, readonly RootContent[]>;
  private readonly parts: Recent<string, ContainerDirective>;
  /**
   * Pieces served from the table, pieces parsed, letters parsed whole, micromark runs for pieces and parts, and pieces
   * parsed without micromark (markdown-direct.ts: plain paragraphs, one-line quotes, leaf directives; among those parsed).
   */
  readonly counts = { reused: 0, parsed: 0, whole: 0, runs: 0, plain: 0 };

  /** Recipient-specific pieces come and go; the shared ones are used by every letter and stay. */
  constructor(limit = 512) {
    this.pieces = new Recent(limit);
    this.parts = new Recent(limit);
  }

  /** The same top-level nodes `parseWhole(markdown)` gives, positions aside, each piece parsed at most once. */
  parse(markdown: string): RootContent[] {
    const pieced = this.inPieces(markdown);
    if (pieced) return pieced;
    this.counts.whole++;
    return parse(markdown);
  }

  private inPieces(markdown: string): RootContent[] | undefined {
    const cut = cutIntoParts(markdown);
    if (!cut) return undefined;
    const newParts = new Set(cut.map((c) => c.line).filter((line) => this.parts.get(line) === undefined));
    const nodes = this.nodesOf(
      cut.flatMap((c) => c.pieces),
      [...newParts].map(closedPart),
    );
    const parts: ContainerDirective[] = [];
    for (const { line } of cut) {
      const part = this.part(line, nodes.get(closedPart(line)));
      if (!part) return undefined;
      parts.push(part);
    }
    return cut.map(({ pieces }, i) => {
      const part = parts[i]!;
      const children: RootContent[] = [...part.children];
      for (const piece of pieces) children.push(...nodes.get(piece)!);
      return { ...part, children } as ContainerDirective;
    });
  }

  /** The part's opening line alone (its name, attributes and label), closed right after; `parsed` if it was. */
  private part(line: string, parsed?: readonly RootContent[]): ContainerDirective | undefined {
    let part = this.parts.get(line);
    if (!part) {
      if (!parsed) this.counts.runs++;
      const nodes = parsed ?? parse(closedPart(line));
      const only = nodes[0];
      if (nodes.length !== 1 || only?.type !== 'containerDirective') return undefined;
      part = only;
      this.parts.remember(line, part);
    }
    return part;
  }

  /**
   * Each piece's nodes: from the table, else parsed now and remembered. A letter's new pieces (its recipient's lines)
   * are short, and setting micromark up cost more than parsing them: those that start with a line that stands alone
   * are parsed in one run, a blank line between each (as they stood in the letter), and each gets the nodes that start
   * in its text. A node that would reach outside its piece makes each of them parse alone instead. The letter's new
   * parts' opening lines (`newParts`, each closed) join the same run: a letter composed alone is then one run.
   */
  private nodesOf(
    pieces: readonly string[],
    newParts: readonly string[],
  ): Map<string, readonly RootContent[]> {
    const nodes = new Map<string, readonly RootContent[]>();
    const fresh = new Set<string>();
    for (const piece of pieces) {
      if (nodes.has(piece) || fresh.has(piece)) continue;
      const known = this.pieces.get(piece);
      if (known) nodes.set(piece, known);
      else fresh.add(piece);
    }
    this.counts.reused += pieces.length - fresh.size;
    for (const piece of fresh) {
      const made = directNodes(piece);
      if (!made) continue;
      this.counts.plain++;
      nodes.set(piece, made);
    }
    for (const part of newParts) {
      const made = directNodes(part);
      if (made) nodes.set(part, made);
    }
    const together = [
      ...newParts.filter((p) => !nodes.has(p)),
      ...[...fresh].filter((p) => !nodes.has(p) && STANDS_ALONE.test(p.replace(LEADING_BLANK_LINES, ''))),
    ];
    if (together.length > 1) {
      this.counts.runs++;
      parseTogether(together)?.forEach((parsed, i) => nodes.set(together[i]!, parsed));
    }
    for (const piece of fresh) {
      if (!nodes.has(piece)) {
        this.counts.runs++;
        nodes.set(piece, parse(piece));
      }
      this.counts.parsed++;
      this.pieces.remember(piece, nodes.get(piece)!);
    }
    return nodes;
  }
}

const LEADING_BLANK_LINES = /^(?:[ \t]*\n)+/;

/** A part's opening line as a part of its own: it stands alone, and its fence closes right after it. */
const closedPart = (line: string) => `${line}\n:::`;

/** Pieces parsed in one run, the top-level nodes of each; undefined when a node starts in one piece and ends past it. */
function parseTogether(pieces: readonly string[]): RootContent[][] | undefined {
  const starts: number[] = [];
  let offset = 0;
  for (const piece of pieces) {
    starts.push(offset);
    offset += piece.length + 2;
  }
  const out: RootContent[][] = pieces.map(() => []);
  for (const node of parse(pieces.join('\n\n'))) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return undefined;
    let i = starts.length - 1;
    while (starts[i]! > start) i--;
    if (end > starts[i]! + pieces[i]!.length) return undefined;
    out[i]!.push(node);
  }
  return out;
}

/** A letter's top-level parts: each opening line and its content cut into pieces; undefined when a cut is not safe. */
function cutIntoParts(markdown: string): { line: string; pieces: string[] }[] | undefined {
  if (REACHES_ACROSS.test(markdown)) return undefined;
  const lines = markdown.split('\n');
  const out: { line: string; pieces: string[] }[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (BLANK.test(line)) {
      i++;
      continue;
    }
    if (!OPEN.test(line)) return undefined;
    let end = i + 1;
    while (end < lines.length && !CLOSE.test(lines[end]!)) {
      // A nested or inner fence (any `:::` inside) would change where the part ends.
      if (lines[end]!.includes(':::')) return undefined;
      end++;
    }
    if (end === lines.length) return undefined;
    out.push({ line, pieces: pieces(lines.slice(i + 1, end)) });
    i = end + 1;
  }
  return out;
}

/** A part's lines cut at the blank lines before a line that stands alone; each piece joined back with its newlines. */
function pieces(lines: readonly string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let blank = false;
  for (const line of lines) {
    if (BLANK.test(line)) {
      blank = true;
      current.push(line);
      continue;
    }
    if (blank && STANDS_ALONE.test(line) && current.some((l) => !BLANK.test(l))) {
      out.push(current.join('\n'));
      current = [];
    }
    blank = false;
    current.push(line);
  }
  if (current.some((l) => !BLANK.test(l))) out.push(current.join('\n'));
  return out;
}
