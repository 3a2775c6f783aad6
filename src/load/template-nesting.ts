/**
 * How deep a template nests, found by a linear scan before Handlebars parses it. Its parser takes minutes on a few
 * thousand nested sub-expressions and overflows its stack on a few thousand `{{else if}}`, and its compiler recurses
 * once per level, so depth must be bounded on the text, not on the parsed tree.
 */

import { MAX_NESTING } from './text.js';

export interface OpenBlock {
  readonly name: string;
  /** `#`, `^`, `#>`, `#*`: how the block was opened, to name it in an error. */
  readonly opener: string;
  readonly offset: number;
  /** `{{else if …}}` chained into this block: each one nests the next block inside the previous one's `else`. */
  chained: number;
}

export interface TemplateNesting {
  /** Blocks still open at the end, innermost last. */
  readonly open: OpenBlock[];
  /** Where the nesting (blocks, chained `{{else …}}` and sub-expressions together) first exceeds MAX_NESTING. */
  readonly tooDeep?: number;
}

/** Scans the mustaches of `text` once: comments skipped, string literals skipped inside a mustache. */
export function templateNesting(text: string): TemplateNesting {
  const open: OpenBlock[] = [];
  let depth = 0; // Sum over `open` of 1 + chained.
  let at = text.indexOf('{{');
  while (at !== -1) {
    if (text.startsWith('{{!', at)) {
      const end = text.startsWith('{{!--', at) ? text.indexOf('--}}', at + 5) : text.indexOf('}}', at + 3);
      if (end === -1) break;
      at = text.indexOf('{{', end + 2);
      continue;
    }
    const head = /^\{+~?\s*([#^/&>]?)\s*([*>]?)\s*([^\s}~()]*)\s*([^\s}~]?)/.exec(text.slice(at, at + 200));
    const [kind, mark, name, next] = [head?.[1] ?? '', head?.[2] ?? '', head?.[3] ?? '', head?.[4] ?? ''];
    if ((kind === '#' || (kind === '^' && name)) && name) {
      open.push({ name, opener: `${kind}${mark}`, offset: at, chained: 0 });
      if (++depth > MAX_NESTING) return { open, tooDeep: at };
    } else if (kind === '/') {
      const top = open[open.length - 1];
      if (top && top.name === name) depth -= 1 + open.pop()!.chained;
    } else if (kind === '' && name === 'else' && next && open.length) {
      open[open.length - 1]!.chained++;
      if (++depth > MAX_NESTING) return { open, tooDeep: at };
    }
    const end = mustacheEnd(text, at, depth);
    if (end.tooDeep !== undefined) return { open, tooDeep: end.tooDeep };
    if (end.next === -1) break;
    at = text.indexOf('{{', end.next);
  }
  return { open };
}

/** The offset after the mustache starting at `at` (-1 when unclosed), or where its sub-expressions nest too deep. */
function mustacheEnd(text: string, at: number, depth: number): { next: number; tooDeep?: number } {
  let quote = '';
  let parens = 0;
  for (let i = at + 2; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') {
      if (depth + ++parens > MAX_NESTING) return { next: -1, tooDeep: i };
    } else if (c === ')') parens = Math.max(0, parens - 1);
    else if (c === '}' && text[i + 1] === '}') return { next: i + 2 };
  }
  return { next: -1 };
}
