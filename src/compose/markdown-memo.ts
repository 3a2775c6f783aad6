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
  /** Pieces served from the table and pieces parsed, for tests and measurement. */
  readonly counts = { reused: 0, parsed: 0, whole: 0 };

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
    if (REACHES_ACROSS.test(markdown)) return undefined;
    const lines = markdown.split('\n');
    const out: RootContent[] = [];
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
      const part = this.part(line);
      if (!part) return undefined;
      const children: RootContent[] = [...part.children];
      for (const piece of pieces(lines.slice(i + 1, end))) children.push(...this.piece(piece));
      out.push({ ...part, children } as ContainerDirective);
      i = end + 1;
    }
    return out;
  }

  /** The part's opening line alone (its name, attributes and label), closed right after. */
  private part(line: string): ContainerDirective | undefined {
    let part = this.parts.get(line);
    if (!part) {
      const nodes = parse(`${line}\n:::`);
      const only = nodes[0];
      if (nodes.length !== 1 || only?.type !== 'containerDirective') return undefined;
      part = only;
      this.parts.remember(line, part);
    }
    return part;
  }

  private piece(text: string): readonly RootContent[] {
    const known = this.pieces.get(text);
    if (known) {
      this.counts.reused++;
      return known;
    }
    this.counts.parsed++;
    const nodes = parse(text);
    this.pieces.remember(text, nodes);
    return nodes;
  }
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
