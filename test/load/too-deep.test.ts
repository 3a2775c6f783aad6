/**
 * tooDeepAt jumps between the characters that matter with a regular expression; it must find what a plain scan of
 * every character finds (the reference below, its earlier form), in JSON and YAML, quotes, escapes and comments.
 */

import { describe, expect, it } from 'vitest';
import { MAX_NESTING, tooDeepAt } from '../../src/load/text.js';

function reference(text: string, syntax: 'json' | 'yaml'): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === "'" && syntax === 'yaml' && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) {
      for (i++; i < text.length; i++) {
        if (text[i] === "'") {
          if (text[i + 1] === "'") i++;
          else break;
        }
      }
    } else if (c === '#' && syntax === 'yaml' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === '[' || c === '{') {
      if (++depth > MAX_NESTING) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return -1;
}

/** A deterministic generator, so a failure names a reproducible case. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x80000000;
  };
}

const PIECES = [
  '[',
  '{',
  ']',
  '}',
  '"',
  "'",
  "''",
  '\\',
  '\\"',
  '#',
  ' ',
  '\n',
  ':',
  ',',
  'a',
  '가',
  '中',
  '\u3000',
  '😀',
];

describe('tooDeepAt', () => {
  it('finds what a scan of every character finds, for 4,000 random texts in JSON and YAML', () => {
    const next = random(17);
    for (let n = 0; n < 4000; n++) {
      const length = Math.floor(next() * 200);
      let text = '';
      for (let k = 0; k < length; k++) {
        // Runs of brackets so that some texts go past MAX_NESTING.
        const piece = PIECES[Math.floor(next() * PIECES.length)]!;
        text += piece === '[' || piece === '{' ? piece.repeat(1 + Math.floor(next() * 12)) : piece;
      }
      for (const syntax of ['json', 'yaml'] as const)
        expect(tooDeepAt(text, syntax), JSON.stringify([text, syntax])).toBe(reference(text, syntax));
    }
  });

  it('goes past the limit at the bracket that goes too deep, and not inside quotes or comments', () => {
    const deep = '['.repeat(MAX_NESTING + 1);
    expect(tooDeepAt(deep, 'json')).toBe(MAX_NESTING);
    expect(tooDeepAt(`"${deep}"`, 'json')).toBe(-1);
    expect(tooDeepAt(`# ${deep}`, 'yaml')).toBe(-1);
    expect(tooDeepAt(`'${deep}'`, 'yaml')).toBe(-1);
    expect(tooDeepAt(`'${deep}'`, 'json')).toBe(MAX_NESTING + 1);
  });
});
