/** A `{{` that no `}}` closes is printed as it stands: an error at its key, like an unknown placeholder. */

import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { CorpusProject } from '../corpus/project.js';

/** The corpus project with `tail` appended to the value of 'intro' in every language. */
function introEndingWith(tail: string): CorpusProject {
  const p = new CorpusProject();
  for (const lang of ['en', 'ko', 'zh'])
    p.edit(`locales/${lang}/letter.json`, /("intro": ".*)(",?\n)/, `$1${tail}$2`);
  return p;
}

describe('an unclosed placeholder in a locale value', () => {
  it("is an error in each language at the key (it was built as a literal '{{date')", async () => {
    const p = introEndingWith(' {{date');
    const { errors, exitCode } = await check({ dir: p.dir });
    expect(exitCode).toBe(2);
    const unclosed = errors.filter((e) => e.message.includes("has a '{{' that no '}}' closes"));
    expect(unclosed.map((e) => e.file).sort()).toEqual([
      'locales/en/letter.json',
      'locales/ko/letter.json',
      'locales/zh/letter.json',
    ]);
    expect(unclosed.every((e) => e.code === 'unknown-placeholder' && e.line !== undefined)).toBe(true);
    expect(unclosed[0]!.message).toMatch(/^'intro' in locales\/\w\w\/letter\.json has a/);
  });

  it('says nothing of closed placeholders, or of braces written as literal ones', async () => {
    const p = introEndingWith(' {{date}} \\\\{\\\\{literal\\\\}\\\\}');
    const { errors } = await check({ dir: p.dir });
    expect(errors.filter((e) => e.message.includes("'{{'"))).toEqual([]);
  });

  it('is an error when its }} is on the next line (i18next does not join the two, and printed them)', async () => {
    const p = introEndingWith(' {{date\\n}}');
    const { errors } = await check({ dir: p.dir });
    expect(errors.filter((e) => e.message.includes("has a '{{' that no '}}' closes"))).toHaveLength(3);
  });
});
