/**
 * A key letter.yaml uses as text whose value is a group of keys (`"intro": { "x": "…" }`): an error at the key, exit 2.
 * i18next "has" such a key and returned "key 'intro (en)' returned an object instead of string." as its text, which
 * the letter printed as a paragraph (exit 0).
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { CorpusProject } from '../corpus/project.js';

describe('a used key whose value is an object', () => {
  it('is an error at the key in that language, and nothing is written', async () => {
    const p = new CorpusProject();
    p.edit(
      'locales/en/letter.json',
      /"intro": ".*",\n/,
      '"intro": {\n    "x": "We are writing to you."\n  },\n',
    );
    const checked = await check({ dir: p.dir });
    expect(checked.exitCode).toBe(2);
    expect(checked.errors).toEqual([
      expect.objectContaining({
        code: 'schema',
        file: 'locales/en/letter.json',
        line: 4,
        column: 3,
        lang: 'en',
        message:
          "'intro' in locales/en/letter.json holds keys (intro.x), not a text, but letter.yaml uses it as one",
      }),
    ]);
    const out = join(p.dir, 'out');
    const built = await build({ dir: p.dir, out, langs: ['en'], formats: ['pdf'] });
    expect(built.exitCode).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
