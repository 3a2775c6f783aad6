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

  it('reached through $t() from a used value, or as the context variant a recipient reads: an error at that key', async () => {
    const p = new CorpusProject();
    p.edit('locales/en/letter.json', /"plea": "(.*)",\n/, '"plea": "$1 $t(grp)",\n  "grp": { "a": "b" },\n');
    const nested = await build({ dir: p.dir, out: join(p.dir, 'out'), langs: ['en'], formats: ['pdf'] });
    expect(nested.exitCode).toBe(2);
    expect(nested.errors.map((e) => e.message)).toContain(
      "'grp' in locales/en/letter.json holds keys (grp.a), not a text, but 'plea' uses it as one",
    );
    const q = new CorpusProject();
    q.edit('locales/en/letter.json', /"plea": /, '"intro_majesty": { "a": "b" },\n  "plea": ');
    const variant = await build({
      dir: q.dir,
      out: join(q.dir, 'out'),
      langs: ['en'],
      formats: ['pdf'],
      to: ['th'],
    });
    expect(variant.exitCode).toBe(2);
    expect(variant.errors.map((e) => e.message)).toContain(
      "'intro_majesty' in locales/en/letter.json holds keys (intro_majesty.a), not a text, but 'intro' uses it as one",
    );
    expect(existsSync(join(q.dir, 'out'))).toBe(false);
  });

  it("in a project's labels.json where the tool's is a string: an error at the key", async () => {
    const p = new CorpusProject();
    p.write('locales/en/labels.json', '{\n  "via": { "a": "b" }\n}\n');
    const checked = await check({ dir: p.dir });
    expect(checked.exitCode).toBe(2);
    expect(checked.errors).toEqual([
      expect.objectContaining({
        file: 'locales/en/labels.json',
        line: 2,
        column: 3,
        message: "'via' in locales/en/labels.json is a group of keys, but the tool's is a string",
      }),
    ]);
  });
});
