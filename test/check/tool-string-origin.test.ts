/**
 * A project's override of the tool's strings (locales/<lang>/labels.json) with a character no font covers is an error
 * at that value's line and column. It named only the folder, `locales/en`, with no position.
 */

import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { CorpusProject } from '../corpus/project.js';

describe("an undrawable character in a project's labels.json", () => {
  it('is reported at the value that holds it', async () => {
    const p = new CorpusProject();
    p.write('locales/en/labels.json', '{\n  "enclosures": "Enclosures:",\n  "via": "c/o \u0F40"\n}\n');
    const { errors, exitCode } = await check({ dir: p.dir });
    expect(exitCode).toBe(2);
    const found = errors.filter((e) => e.code === 'uncovered-character');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'locales/en/labels.json', line: 3, column: 3, lang: 'en' });
    expect(found[0]!.message).toBe(
      "character U+0F40 'ཀ' in 'labels.via' (en) is in none of the fonts for 'en'",
    );
  });
});
