/** A signatory's person is read by check and by compose: each problem in its name or title is reported once, at the value. */

import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { CorpusProject } from '../corpus/project.js';

describe("a problem in a signatory's person", () => {
  it('is one error per language, at the name or title itself', async () => {
    const p = new CorpusProject();
    p.edit(
      'letter.yaml',
      '    email: crossingnk@example.org\n',
      '    email: crossingnk@example.org\n    person:\n      name: "Omega \u{1D518}"\n      title: "Ch\\x07air"\n',
    );
    const { errors } = await check({ dir: p.dir });
    const seen = errors.map(
      (e) => `${e.code} ${e.line}:${e.column} ${/\((en|ko|zh)\)/.exec(e.message)?.[1]}`,
    );
    // Lines 26 and 27 hold the name and title, their values at column 13 and 14; compose reported them again at the
    // `person` map (26:7), so each problem came twice.
    expect(seen.sort()).toEqual(
      ['en', 'ko', 'zh']
        .flatMap((lang) => [`uncovered-character 26:13 ${lang}`, `bad-encoding 27:14 ${lang}`])
        .sort(),
    );
  });
});
