/**
 * Valid JSON is read by the native parser and its syntax tree made only when a key's position is asked for
 * (load/source.ts): what the native parser lets through that the strict parse refuses (a repeated key, anywhere) must
 * still be refused, at the same place, and positions must be the same either way.
 */

import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/load/source.js';

function outcome(text: string) {
  try {
    const { data, locate } = parseJson(text, 'locales/en/letter.json');
    return { data, locate };
  } catch (e) {
    return { diagnostics: (e as { diagnostics?: unknown }).diagnostics };
  }
}

describe('locale JSON read by the native parser', () => {
  it.each([
    ['a repeated key', '{\n  "a": "x",\n  "a": "y"\n}', 3, 3, 'a'],
    ['in a nested object', '{\n  "o": { "k": "1",\n    "k": "2" }\n}', 3, 5, 'k'],
    ['in an object in a list', '{ "l": [{ "k": 1 },\n  { "k": 2, "k": 3 }] }', 2, 13, 'k'],
    ['spelled with an escape', '{ "ab": 1,\n  "a\\u0062": 2 }', 2, 3, 'ab'],
  ])('%s is refused at the repeated key', (_name, text, line, column, key) => {
    expect(outcome(text).diagnostics).toEqual([
      expect.objectContaining({ code: 'json-syntax', message: `duplicate key '${key}'`, line, column }),
    ]);
  });

  it('strings that hold colons, quotes and braces are values, not keys', () => {
    const text = '{\n  "a": "b\\": c {",\n  "d": ":",\n  "e": ["x", "y:"],\n  "f": { "a": "\\\\" }\n}';
    const { data, locate } = outcome(text);
    expect(data).toEqual({ a: 'b": c {', d: ':', e: ['x', 'y:'], f: { a: '\\' } });
    expect(locate!('d')).toEqual({ file: 'locales/en/letter.json', line: 3, column: 3 });
    expect(locate!('f.a')).toEqual({ file: 'locales/en/letter.json', line: 5, column: 10 });
  });

  it('what the native parser refuses is reported by the strict parse', () => {
    // A trailing comma: at the comma (the strict parser stops at the brace, column 11).
    expect(outcome('{ "a": 1, }').diagnostics).toEqual([
      expect.objectContaining({ code: 'json-syntax', line: 1, column: 9 }),
    ]);
  });
});

describe('a comma after the last entry', () => {
  it.each([
    ['of an object', '{\n  "a": "x",\n}', 2, 11],
    ['of a list, with spaces before the bracket', '{ "l": [1, 2,  ] }', 1, 13],
  ])('%s is refused at the comma, saying so', (_name, text, line, column) => {
    expect(outcome(text).diagnostics).toEqual([
      expect.objectContaining({
        code: 'json-syntax',
        message: 'JSON syntax error: a comma after the last entry',
        line,
        column,
      }),
    ]);
  });

  it('a missing value before a brace is not taken for one', () => {
    expect(outcome('{ "a": }').diagnostics).toEqual([
      expect.objectContaining({ message: 'JSON syntax error: value expected' }),
    ]);
  });
});
