/**
 * A recipients.yaml (or CSV) entry of the wrong type is reported with the value given, at its place (issue 18): never
 * only "must be a string", and never dropped without a word (an `office:` or `via:` that is not an id was ignored).
 */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLetterError, type Diagnostic } from '../../src/index.js';
import { loadRecipients } from '../../src/load/recipients.js';
import { tempDir } from '../support/tools.js';

/** The diagnostics of a project holding only this recipients file. */
function problemsOf(text: string, file = 'recipients.yaml'): Diagnostic[] {
  const dir = tempDir('letter-entry-values-');
  writeFileSync(join(dir, file), text);
  try {
    loadRecipients(dir);
  } catch (e) {
    if (isLetterError(e)) return [...e.diagnostics];
    throw e;
  }
  throw new Error('test setup: the file loaded without a problem');
}

describe('recipients.yaml values of the wrong type are quoted', () => {
  it.each([
    [
      'a recipient that is not a mapping',
      'recipients:\n  - just-a-string\n',
      "a recipient in recipients.yaml must be a mapping with 'id:', not 'just-a-string'",
      [2, 5],
      'just-a-string',
    ],
    [
      'recipients: that is not a list',
      'recipients: xi\n',
      "'recipients' must be a list, not 'xi'",
      [1, 13],
      'xi',
    ],
    [
      'a name that is a list',
      'recipients:\n  - id: xi\n    name: [Xi, Jinping]\n',
      `'name' of 'xi' must be a string or a map by language, not a list ["Xi","Jinping"]`,
      [3, 11],
      undefined,
    ],
    [
      "one language's name that is a number",
      'recipients:\n  - id: xi\n    name: { en: 5, ko: 시진핑 }\n',
      "'name.en' of 'xi' must be a string, not '5'",
      [3, 17],
      '5',
    ],
    [
      'an id that YAML reads as a number',
      'recipients:\n  - id: 5\n',
      "id must be a string, not '5'",
      [2, 9],
      '5',
    ],
    [
      'an office that is a list (it was ignored)',
      'recipients:\n  - id: xi\n    office: [cn]\n',
      `'office' of 'xi' must be an id, not a list ["cn"]`,
      [3, 13],
      undefined,
    ],
    [
      'a via that is a number (it was ignored)',
      'recipients:\n  - id: xi\n    via: 3\n',
      "'via' of 'xi' must be an id, not '3'",
      [3, 10],
      '3',
    ],
    [
      'a gender that is a list',
      'recipients:\n  - id: xi\n    gender: [f]\n',
      `gender of 'xi' must be female or male, not a list ["f"]`,
      [3, 13],
      undefined,
    ],
    [
      'an address that is not a mapping',
      'addresses:\n  - 240 St. George Street\n',
      "an address in recipients.yaml must be a mapping with 'id:', 'name:' and 'lines:', not '240 St. George Street'",
      [2, 5],
      '240 St. George Street',
    ],
    [
      "an address's name that is a list",
      'addresses:\n  - id: a1\n    name: [x]\n',
      `'name' of address 'a1' must be a string or a map by language, not a list ["x"]`,
      [3, 11],
      undefined,
    ],
    [
      "an address's lines that are one string",
      'addresses:\n  - id: a1\n    name: x\n    lines: one line\n',
      "'lines' of address 'a1' must be a list of strings, not 'one line'",
      [4, 12],
      'one line',
    ],
    [
      "one of an address's lines that is a mapping",
      'addresses:\n  - id: a1\n    name: x\n    lines: [a, { b: c }]\n',
      `line 2 of address 'a1' must be a string, not a mapping {"b":"c"}`,
      [4, 16],
      undefined,
    ],
  ])('%s', (_what, yaml, message, [line, column], value) => {
    const [d, ...more] = problemsOf(yaml);
    expect(more).toEqual([]);
    expect(d).toMatchObject({ code: 'schema', file: 'recipients.yaml', line, column, message });
    expect(d!.hint).toEqual(expect.any(String));
    expect(d!.value).toBe(value);
  });

  it('a long value is quoted cut, on one line', () => {
    const [d] = problemsOf(`recipients:\n  - id: xi\n    office: [${'x'.repeat(200)}]\n`);
    expect(d!.message).toContain(`["${'x'.repeat(58)}…`);
    expect(d!.message.length).toBeLessThan(140);
  });

  it('a duplicate id is quoted and carried as the value', () => {
    const [d] = problemsOf('recipients:\n  - id: xi\n  - id: xi\n');
    expect(d).toMatchObject({ message: "id 'xi' appears twice in recipients.yaml", value: 'xi', line: 3 });
  });
});

describe('recipients.csv cells', () => {
  it('a gender outside female and male is quoted at its cell', () => {
    const [d] = problemsOf('id,office,gender,name.en\nxi,cn,f,Xi Jinping\n', 'recipients.csv');
    expect(d).toMatchObject({
      file: 'recipients.csv',
      line: 2,
      message: "gender of 'xi' must be female or male, not 'f'",
      value: 'f',
    });
  });
});
