/** Escaping values from data (names, titles, addresses) so Markdown prints them literally: `*`, `_`, `[` stay characters. */

// CommonMark lets any ASCII punctuation be backslash-escaped; escaping all of it also keeps `:` from starting a directive.
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

export function escapeMarkdown(value: string): string {
  return value.replace(/\r?\n/g, ' ').replace(PUNCTUATION, '\\$&');
}

/**
 * Inline Markdown made safe inside a directive's label (`::attribution[…]`): a `]` with no `[` before it would end the
 * label early and a `[` never closed would swallow the line, so unpaired brackets are escaped; pairs (links) stay.
 */
export function directiveLabel(markdown: string): string {
  const chars = [...markdown];
  const open: number[] = [];
  const unpaired = new Set<number>();
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === '\\') i++;
    else if (chars[i] === '[') open.push(i);
    else if (chars[i] === ']') {
      if (open.length) open.pop();
      else unpaired.add(i);
    }
  }
  for (const i of open) unpaired.add(i);
  const label = chars.map((c, i) => (unpaired.has(i) ? `\\${c}` : c)).join('');
  // A backslash at the very end would escape the label's closing `]`: make it a backslash of its own.
  const trailing = /\\*$/.exec(label)![0].length;
  return trailing % 2 === 1 ? `${label}\\` : label;
}
