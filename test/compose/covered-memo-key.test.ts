/**
 * TextMemo.uncovered remembers the values a face covers whole (labels and forms of address come back in every
 * letter): by language and value, so a value covered in one language is still checked in another, and a value with
 * an uncovered character is checked, and reported, every time.
 */

import { expect, it } from 'vitest';
import type { FontBook } from '../../src/fonts/index.js';
import { TextMemo } from '../../src/compose/text-memo.js';
import { toolFontBook } from '../../src/fonts/index.js';

/** A font book whose Korean chain lacks 'x' (the memo asks the book one character at a time). */
function bookWithout(lang: string, missing: string): { book: FontBook; asked: string[] } {
  const asked: string[] = [];
  const book = {
    uncovered: (ch: string, l: string) => {
      asked.push(`${l}:${ch}`);
      return l === lang && ch === missing ? [ch.codePointAt(0)!] : [];
    },
  } as unknown as FontBook;
  return { book, asked };
}

it('a value covered in one language is checked again in another', () => {
  const { book } = bookWithout('ko', 'x');
  const memo = new TextMemo();
  expect(memo.uncovered(book, 'box', 'en')).toEqual([]);
  expect(memo.uncovered(book, 'box', 'en')).toEqual([]);
  expect(memo.uncovered(book, 'box', 'ko')).toEqual(['x'.codePointAt(0)]);
});

it('a value with an uncovered character is reported each time; a value that differs in one character is its own', () => {
  const fonts = toolFontBook();
  const memo = new TextMemo();
  const ethiopic = 'ሀ'.codePointAt(0)!;
  expect(memo.uncovered(fonts, 'Dear Sir', 'en')).toEqual([]);
  expect(memo.uncovered(fonts, 'Dear Sirሀ', 'en')).toEqual([ethiopic]);
  expect(memo.uncovered(fonts, 'Dear Sirሀ', 'en')).toEqual([ethiopic]);
  expect(memo.uncovered(fonts, 'Dear Sir', 'en')).toEqual([]);
});

it('a value found covered is not walked again', () => {
  const { book, asked } = bookWithout('ko', 'x');
  const memo = new TextMemo();
  memo.uncovered(book, 'ab', 'en');
  memo.uncovered(book, 'abc', 'en');
  memo.uncovered(book, 'abc', 'en');
  // Each character is asked of the book once; the third call walks nothing.
  expect(asked).toEqual(['en:a', 'en:b', 'en:c']);
});
