/**
 * YAML errors are told apart by the yaml library's error codes and tokens, never by its message text: a message quotes
 * the user's line, so a letter whose text says "call stack" or "Missing closing quote" must not change the diagnosis.
 */

import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/source.js';
import { refusalOf } from '../support/refusal.js';

const refusal = (text: string) => refusalOf(() => parseYaml(text, 'letter.yaml'));

describe('YAML syntax errors by code', () => {
  it('a syntax error on a line that says "call stack" is a syntax error there, not nesting too deep', () => {
    const d = refusal('lang: en\nnote: the call stack: overflowed\n');
    expect(d).toMatchObject({ code: 'yaml-syntax', file: 'letter.yaml', line: 2, column: 7 });
  });

  it('an unclosed double quote is shown where the quote opens', () => {
    const d = refusal('lang: en\ntitle: "A letter\nclose: closing\n');
    expect(d).toMatchObject({ code: 'yaml-syntax', line: 2, column: 8 });
  });

  it('an unclosed single quote is shown where the quote opens', () => {
    const d = refusal("lang: en\ntitle: 'A letter\nclose: closing\n");
    expect(d).toMatchObject({ code: 'yaml-syntax', line: 2, column: 8 });
  });

  it('a last value ending in an escaped double quote is unclosed, shown where it opens', () => {
    const d = refusal('lang: en\ntitle: "He said \\"\n');
    expect(d).toMatchObject({ code: 'yaml-syntax', line: 2, column: 8 });
  });

  it('a last value ending in a doubled single quote is unclosed, shown where it opens', () => {
    const d = refusal("lang: en\ntitle: 'it''\n");
    expect(d).toMatchObject({ code: 'yaml-syntax', line: 2, column: 8 });
  });

  it('a closed quote before another error leaves that error to its own rule', () => {
    // The unclosed `[` (yaml notices it at 3:1).
    const d = refusal('title: "closed"\nlist: [a, b\n');
    expect(d).toMatchObject({ code: 'yaml-syntax', line: 2, column: 7 });
  });
});

describe('an empty YAML file', () => {
  it("is told what that file holds: letter.yaml a letter, recipients.yaml recipients (not a letter's example)", () => {
    expect(refusal('# nothing yet\n')).toMatchObject({ code: 'schema', message: 'letter.yaml is empty' });
    expect(refusal('')?.hint).toContain('examples/open-letter-2023/letter.yaml');
    const recipients = refusalOf(() => parseYaml('\n', 'recipients.yaml'));
    expect(recipients?.message).toBe('recipients.yaml is empty');
    expect(recipients?.hint).toMatch(
      /^give it `recipients:` or `addresses:`.*remove the file: it is optional$/,
    );
  });
});

describe('an unclosed flow collection', () => {
  it('is shown at its [ or {, not on the line after it (where yaml notices)', () => {
    expect(refusal('lang: en\ndate: [2023-12-10\nclose: closing\n')).toMatchObject({
      code: 'yaml-syntax',
      line: 2,
      column: 7,
    });
    expect(refusal('lang: en\nplace: { en: Toronto, ko: 토론토\nclose: closing\n')).toMatchObject({
      line: 2,
      column: 8,
    });
    // A closed one before it, and one inside it, are not the culprit.
    expect(refusal('a: [1, 2]\nb: { c: [3], d: 4\ne: 5\n')).toMatchObject({ line: 2, column: 4 });
  });
});

describe('an alias without its anchor', () => {
  it('is shown at the alias as a missing or later anchor, not as aliases that expand too much', () => {
    // YAML reads anchors in order: `*p` before `&p` names nothing yet.
    const early = refusal('formats: *p\npaper: &p A4\n');
    expect(early).toMatchObject({ code: 'yaml-syntax', line: 1, column: 10 });
    expect(early?.message).toBe("YAML alias '*p' has no anchor '&p' before it");
    expect(early?.hint).toContain('&p before the first *p');
    expect(refusal('place: &pl Toronto\nto: [{ id: cn, name: *nope }]\n')).toMatchObject({
      message: "YAML alias '*nope' has no anchor '&nope' before it",
      line: 2,
      column: 22,
    });
  });

  it('an anchor set before its alias still reads', () => {
    expect(refusal('place: &pl Toronto\nto: [{ id: cn, name: *pl }]\n')).toBeUndefined();
  });
});
