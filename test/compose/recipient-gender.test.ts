/**
 * Text that differs by the addressee's gender follows the gender the forms of address were made for: the two come from
 * one place (the addressee), so they cannot disagree.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/index.js';
import { addressing } from '../../src/compose/index.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { tempDir } from '../support/tools.js';

/** A letter in English and German: the tool has no German forms of address, so German borrows the English ones. */
function project(to: string) {
  const dir = tempDir('letter-gender-');
  writeFileSync(
    join(dir, 'letter.yaml'),
    `date: 2026-11-01\nlanguages: [en, de]\nto: ${to}\ntitle: title\nbody: [{ p: body }]\nsignatories: [{ org: Crossing NK }]\n`,
  );
  for (const lang of ['en', 'de']) {
    mkdirSync(join(dir, 'locales', lang), { recursive: true });
    writeFileSync(
      join(dir, 'locales', lang, 'letter.json'),
      JSON.stringify({ title: 'A letter', body: 'Text.' }),
    );
  }
  return loadProject({ dir, toolDir: TOOL_DIR });
}

describe("the addressee's gender for text", () => {
  it("is the forms' gender in a language that borrows the English name of someone other than the holder", () => {
    // cn's holder (Xi Jinping) is a man; the letter names another person, in English only, which German borrows.
    const p = project('[{ id: cn, name: { en: Jane Doe } }]');
    for (const lang of ['en', 'de'] as const) {
      const found = addressing(p, p.letter.to[0]!, lang)!;
      expect(found.addressee.name, lang).toBe('Jane Doe');
      expect(found.addressee.gender, lang).toBeUndefined();
      expect(found.contexts, lang).not.toContain('male');
    }
  });

  it("is the directory holder's when the letter names no one", () => {
    const p = project('[cn]');
    const found = addressing(p, p.letter.to[0]!, 'en')!;
    expect(found.addressee.gender).toBe('male');
    expect(found.contexts).toContain('male');
  });
});
