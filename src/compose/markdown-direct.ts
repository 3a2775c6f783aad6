/**
 * The nodes micromark makes of the simplest Markdown a letter is made of, made without it: paragraphs of plain text,
 * one-line quotes of it, a part's opening line (closed), and leaf directive lines (`::vocative[…]`,
 * `::signature{index="0"}`). Micromark walks every character several times in cold code; a letter's Markdown is
 * mostly these. Anything else, or anything these allow in a form not listed below, is left to micromark
 * (test/compose/markdown-memo.test.ts holds each against micromark's parse).
 */

import type { ContainerDirective, LeafDirective } from 'mdast-util-directive';
import type { Paragraph, PhrasingContent, RootContent } from 'mdast';

/**
 * A line of plain text, whatever stands before or after it in a paragraph: it starts no block (no `#`, `>`, list or
 * ordered-list marker, rule, fence, HTML, directive or indent) and holds nothing inline Markdown reads (escapes, code,
 * emphasis, links, HTML, entities, a `:name` directive, a hard break's trailing spaces, control characters).
 */
const PLAIN_LINE =
  /^(?![\s#>+*=_`~<|:[\\-]|\d{1,9}[.)])(?:[^\0-\x1f\x7f\\`*_[\]<&:]|:(?=[ ]))*[^\s\0-\x1f\x7f\\`*_[\]<&:]$/;
const BLANK_LINES_AROUND = /^(?:[ \t]*\n)+|(?:\n[ \t]*)+$/g;
/** Blank lines between two blocks: each block stands alone after them (no lazy line follows a blank line). */
const BLANK_LINES_BETWEEN = /\n(?:[ \t]*\n)+/;
/** A one-line quote of plain text. */
const QUOTE_LINE = /^> (?=\S)/;

// A directive's name, a label of plain text (no brackets, none of the characters inline Markdown reads, no space at its
// ends) and attributes: names and unquoted values of letters, digits and dashes, quoted values of those and spaces.
const NAME = '[A-Za-z](?:[A-Za-z0-9]|-(?=[A-Za-z0-9]))*';
const LABEL =
  '\\[(?:[^\\s\\0-\\x1f\\x7f\\\\`*_[\\]<&:](?:[^\\0-\\x1f\\x7f\\\\`*_[\\]<&:]*[^\\s\\0-\\x1f\\x7f\\\\`*_[\\]<&:])?)?\\]';
const ATTRIBUTE = `${NAME}(?:=(?:[A-Za-z0-9-]+|"[A-Za-z0-9 -]*"))?`;
const ATTRIBUTES = `\\{(?:${ATTRIBUTE}(?: ${ATTRIBUTE})*)?\\}`;
const CLOSED_PART = new RegExp(`^:::(${NAME})(${ATTRIBUTES})?\\n:::$`);
const LEAF = new RegExp(`^::(${NAME})(${LABEL})?(${ATTRIBUTES})?$`);
const EACH_ATTRIBUTE = /([A-Za-z][A-Za-z0-9-]*)(?:=(?:([A-Za-z0-9-]+)|"([A-Za-z0-9 -]*)"))?/g;

/** The top-level nodes of `text` (a piece, or a part's opening line closed), as micromark makes them; else undefined. */
export function directNodes(text: string): RootContent[] | undefined {
  const part = CLOSED_PART.exec(text);
  if (part) {
    const attributes = attributesOf(part[2]);
    if (!attributes) return undefined;
    const node: ContainerDirective = { type: 'containerDirective', name: part[1]!, attributes, children: [] };
    return [node];
  }
  const nodes: RootContent[] = [];
  for (const block of text.replace(BLANK_LINES_AROUND, '').split(BLANK_LINES_BETWEEN)) {
    const made = blockNodes(block.split('\n'));
    if (!made) return undefined;
    nodes.push(...made);
  }
  return nodes;
}

/** A block's lines (no blank line among them) as one paragraph, one quote, or leaf directives, one a line. */
function blockNodes(lines: readonly string[]): RootContent[] | undefined {
  if (lines.every((line) => PLAIN_LINE.test(line))) return [paragraph(lines.join('\n'))];
  if (lines.length === 1 && QUOTE_LINE.test(lines[0]!) && PLAIN_LINE.test(lines[0]!.slice(2)))
    return [{ type: 'blockquote', children: [paragraph(lines[0]!.slice(2))] }];
  const leaves: RootContent[] = [];
  for (const line of lines) {
    const leaf = LEAF.exec(line);
    const attributes = leaf && attributesOf(leaf[3]);
    if (!leaf || !attributes) return undefined;
    const label = leaf[2]?.slice(1, -1);
    const children: PhrasingContent[] = label ? [{ type: 'text', value: label }] : [];
    const node: LeafDirective = { type: 'leafDirective', name: leaf[1]!, attributes, children };
    leaves.push(node);
  }
  return leaves;
}

function paragraph(value: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value }] };
}

/** `{a=1 b="x y" c}` as micromark's attributes; undefined for a name given twice or one it treats apart (id, class). */
function attributesOf(braces: string | undefined): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  if (braces === undefined) return out;
  for (const m of braces.matchAll(EACH_ATTRIBUTE)) {
    const name = m[1]!;
    if (name === 'id' || name === 'class' || Object.hasOwn(out, name)) return undefined;
    out[name] = m[2] ?? m[3] ?? '';
  }
  return out;
}
