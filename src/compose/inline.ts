/** A locale value as inline text: Markdown block syntax in it prints literally or is refused, never changes the letter's structure. */

/**
 * Where a value stands. `inline`: a paragraph, list item, title or close, where a newline is a line break. `line`: a
 * heading or an attribution, one line by its syntax. `paragraphs`: a quote, whose paragraphs a blank line separates.
 */
export type TextRole = 'inline' | 'line' | 'paragraphs';

/** The role of a value used at a letter.yaml path: `['body', 3, 'quote']` holds paragraphs, a heading one line. */
export function roleAt(path: readonly (string | number)[]): TextRole {
  if (path[0] !== 'body') return 'inline';
  return path[2] === 'quote' ? 'paragraphs' : path[2] === 'heading' || path[2] === 'by' ? 'line' : 'inline';
}

/** Why a value was refused, for a diagnostic at the value's position. */
export interface BlockSyntax {
  readonly what: string;
  readonly hint: string;
}

const SPLIT_HINT = 'values hold inline Markdown: split it into several keys, one paragraph each';

// A line starting with `::` is a leaf or container directive: a part (`:::title`), a signature or a page break.
const DIRECTIVE = /^::/;
// Markers that open a block at the start of a line: headings, quotes, list items, fences, HTML tags (not an autolink
// like <https://…>), link definitions.
const BLOCK_START =
  /^(#{1,6}(?=[ \t]|$)|>|[-+*](?=[ \t]|$)|```|~~~|<(?=[A-Za-z][A-Za-z0-9-]*(?:[ \t/>]|$)|[!?/])|\[(?=[^\]]*\]:))/;
// An ordered list item (`2023. 12. 10.` opens one): the delimiter is what makes it a marker.
const ORDERED = /^(\d{1,9})([.)])(?=[ \t]|$)/;
// Thematic breaks (`***`, `- - -`) and setext underlines (`===`, `--`): a whole line of one marker character.
const RULE = /^([-*_=])[ \t]*(\1[ \t]*)*$/;

/**
 * The value made safe to stand inside one block of the template's Markdown, or why it cannot be: a directive line
 * (structure injection) and, outside a quote, a blank line (a second paragraph) are refused; every other block
 * marker at a line start is escaped so it prints as written ("2023. 12. 10." stays a date, not a list).
 */
export function inlineText(value: string, role: TextRole): { text: string } | { refused: BlockSyntax } {
  // Leading spaces are not text in Markdown, and four of them would open a code block: dropped, as Markdown would.
  const lines = value
    .replace(/\r\n?/g, '\n')
    .replace(/\s+$/, '')
    .split('\n')
    .map((l) => l.replace(/^[ \t]+/, ''));
  while (lines.length > 1 && lines[0] === '') lines.shift();
  if (lines.some((l) => DIRECTIVE.test(l))) {
    return {
      refused: {
        what: "a line starting with '::' is a directive that would add a part, page break or signature to the letter",
        hint: `${SPLIT_HINT}; to print the colons as text, put a backslash before them ("\\\\:::" in the JSON file)`,
      },
    };
  }
  const blank = lines.length > 1 && lines.some((l) => l === '');
  if (blank && role !== 'paragraphs')
    return { refused: { what: 'a blank line would start a new paragraph', hint: SPLIT_HINT } };
  if (lines.length > 1 && role === 'line')
    return {
      refused: {
        what: 'a line break in a heading or attribution, which is one line',
        hint: 'write it on one line',
      },
    };
  const escaped = lines.map(escapeLineStart);
  // A newline the author wrote is a line break within the block (Markdown would read it as a space).
  const text =
    role === 'paragraphs'
      ? escaped.map((l, i) => (l && escaped[i + 1] ? `${l}\\` : l)).join('\n')
      : escaped.join('\\\n');
  return { text };
}

function escapeLineStart(line: string): string {
  if (RULE.test(line)) return `\\${line}`;
  const ordered = ORDERED.exec(line);
  if (ordered) return `${ordered[1]}\\${line.slice(ordered[1]!.length)}`;
  return BLOCK_START.test(line) ? `\\${line}` : line;
}
