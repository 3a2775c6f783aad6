/**
 * Where Handlebars' parser stopped, from the error it throws. Its generated parser throws a bare Error whose message
 * is the only public account of the position: "Parse error on line N:", the last 20 characters it consumed (newlines
 * dropped, "..." before them when there were more) and a caret under the point it stopped at.
 */

export interface ParseStop {
  /** Offset in the template's text of the token the parser could not take. */
  readonly offset: number;
  /** The parser ran out of text: a block was left open. */
  readonly atEnd: boolean;
}

const HEAD = /^(?:Parse|Lexical) error on line (\d+)[:.][^\n]*\n([^\n]*)\n(-*)\^/;

export function parseStop(message: string, text: string): ParseStop | undefined {
  const head = HEAD.exec(message);
  if (!head) return undefined;
  const line = Number(head[1]);
  const window = head[2]!.slice(0, head[3]!.length);
  const whole = !window.startsWith('...');
  const consumed = whole ? window : window.slice(3);
  const atEnd = /got 'EOF'$/.test(message);
  let found: number | undefined;
  let lineOfOffset = 1;
  for (let offset = 0; offset <= text.length; offset++) {
    if (offset > 0 && text[offset - 1] === '\n') lineOfOffset++;
    if (lineOfOffset > line) break;
    if (endsWith(text, offset, consumed, whole)) found = offset;
  }
  return found === undefined ? undefined : { offset: found, atEnd };
}

/** Whether the text before `offset`, read without its newlines, ends with `tail` (or is exactly it, when `whole`). */
function endsWith(text: string, offset: number, tail: string, whole: boolean): boolean {
  let at = offset;
  for (let i = tail.length - 1; i >= 0; i--) {
    while (at > 0 && text[at - 1] === '\n') at--;
    if (at === 0 || text[at - 1] !== tail[i]) return false;
    at--;
  }
  if (!whole) return true;
  while (at > 0 && text[at - 1] === '\n') at--;
  return at === 0;
}
