/** Escaping values from data (names, titles, addresses) so Markdown prints them literally: `*`, `_`, `[` stay characters. */

// CommonMark lets any ASCII punctuation be backslash-escaped; escaping all of it also keeps `:` from starting a directive.
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

export function escapeMarkdown(value: string): string {
  return value.replace(/\r?\n/g, ' ').replace(PUNCTUATION, '\\$&');
}
