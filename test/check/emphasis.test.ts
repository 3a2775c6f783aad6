/** `letter check` warns when a value's inline Markdown leaves emphasis delimiters unmatched: they would print as they are. */

import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { strayDelimiters } from '../../src/check/emphasis.js';
import { CorpusProject } from '../corpus/project.js';

describe('strayDelimiters', () => {
  it.each([
    ['We **sincerely hope', ['**']],
    ['We sincerely** hope', ['**']],
    ['We __sincerely hope', ['__']],
    ['We *sincerely hope', ['*']],
    ['We _sincerely hope', ['_']],
    ['***both** and more', ['*']],
    ['**bold** and *more', ['*']],
  ])('%s → %j', (value, expected) => {
    expect(strayDelimiters(value)).toEqual(expected);
  });

  it.each([
    'We **sincerely** hope, *truly*, ***both***, __strong__, _em_.',
    'An escaped \\*asterisk and \\*\\* pair.',
    'The Convention* applies (footnote mark).',
    'snake_case_name and a*b inside words.',
    '2 * 3 = 6, and a lone _ between spaces.',
    'See https://www.ohchr.org/en/hr_bodies/_private and mail to john_doe@example.org.',
    'Code `a ** b` stays code.',
    '* a list marker at the start is escaped, so it prints as text',
    '[a **bold** link](https://example.org/a_b)',
  ])('nothing stray in %s', (value) => {
    expect(strayDelimiters(value)).toEqual([]);
  });
});

describe('letter check', () => {
  it('warns (exit 0; 2 under --strict) at the value with an unmatched **, naming the key and file', async () => {
    const p = new CorpusProject();
    p.edit('locales/en/letter.json', 'We implore you', 'We **implore you');
    const result = await check({ dir: p.dir });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    const found = result.warnings.filter((w) => w.code === 'unbalanced-emphasis');
    expect(found.map((w) => `${w.file}:${w.line}:${w.column} ${w.severity}`)).toEqual([
      'locales/en/letter.json:6:3 warning',
    ]);
    expect(found[0]!.message).toContain("'plea'");
    expect(found[0]!.message).toContain("'**'");
    expect((await check({ dir: p.dir, strict: true })).exitCode).toBe(2);
  });

  it('says nothing about balanced emphasis', async () => {
    const p = new CorpusProject();
    p.edit('locales/en/letter.json', 'We implore you', 'We **implore** you, *truly*,');
    const result = await check({ dir: p.dir });
    expect(result.warnings.filter((w) => w.code === 'unbalanced-emphasis')).toEqual([]);
  });
});
