/** A string field YAML read as a number or boolean (`slug: 2023`): the error says to quote it, in check and build. */

import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { CorpusProject } from '../corpus/project.js';

describe('type errors where a string was meant', () => {
  it.each([
    ['slug: corpus-letter', 'slug: 2023', "slug must be a string, not '2023'", 'quote it: slug: "2023"'],
    [
      'subtitle: headline',
      'subtitle: false',
      "subtitle must be a string, not 'false'",
      'quote it: subtitle: "false"',
    ],
  ])('%s → %s: hint %s', async (from, to, message, hint) => {
    const p = new CorpusProject();
    p.edit('letter.yaml', from, to);
    const result = await check({ dir: p.dir });
    expect(result.exitCode).toBe(2);
    const found = result.errors.find((d) => d.message === message);
    expect(found, JSON.stringify(result.errors)).toBeDefined();
    expect(found!.hint).toBe(hint);
  });

  it('a date written as a number keeps the date hint (quoting 20231210 would not make it a date)', async () => {
    const p = new CorpusProject();
    p.edit('letter.yaml', 'date: 2023-12-10', 'date: 20231210');
    const result = await check({ dir: p.dir });
    expect(result.errors.find((d) => d.message === "date must be a string, not '20231210'")?.hint).toMatch(
      /YYYY-MM-DD/,
    );
  });
});
