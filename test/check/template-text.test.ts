/**
 * A character in a project template's own text that no font covers is an error at its place before anything renders
 * (exit 2, nothing written), for each language the template serves. It was found only while typesetting: the document
 * failed (exit 1) with no position, and a manifest was written.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { CorpusProject } from '../corpus/project.js';

const TOOL_TEMPLATES = join(import.meta.dirname, '..', '..', 'templates');
const TIBETAN_KA = '\u0F40';

function uncovered(
  errors: readonly { code: string; file?: string; line?: number; column?: number; lang?: string }[],
) {
  return errors
    .filter((e) => e.code === 'uncovered-character')
    .map((e) => `${e.file}:${e.line}:${e.column} ${e.lang}`)
    .sort();
}

describe("a project template's own text", () => {
  it('is checked where it stands, for the languages that use it, and nothing is written', async () => {
    const p = new CorpusProject();
    const opening = readFileSync(join(TOOL_TEMPLATES, 'partials', 'opening.hbs'), 'utf8');
    const line = opening.split('\n').indexOf(':::salutation') + 2;
    p.write(
      'templates/partials/opening.hbs',
      opening.replace(':::salutation\n', `:::salutation\n${TIBETAN_KA}\n`),
    );
    p.write('templates/partials/closing.zh.hbs', `:::close\n敬礼${TIBETAN_KA}\n:::\n`);
    const checked = await check({ dir: p.dir });
    expect(checked.exitCode).toBe(2);
    // opening.hbs serves English alone (Korean and Chinese have opening.ko and opening.zh); closing.zh only Chinese.
    expect(uncovered(checked.errors)).toEqual([
      `templates/partials/closing.zh.hbs:2:3 zh`,
      `templates/partials/opening.hbs:${line}:1 en`,
    ]);
    expect(checked.errors.find((e) => e.lang === 'en')?.message).toBe(
      "character U+0F40 'ཀ' in 'template text' (en) is in none of the fonts for 'en'",
    );
    const out = join(p.dir, 'out');
    const built = await build({ dir: p.dir, out, formats: ['pdf'] });
    expect(built.exitCode).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it('of a template letter.yaml names by path, outside templates/', async () => {
    const p = new CorpusProject();
    p.write('letter.hbs', `:::title\n{{title}} \u{1F600}\n:::\n`);
    p.edit('letter.yaml', 'template: open-letter', 'template: ./letter.hbs');
    const { errors } = await check({ dir: p.dir });
    expect(uncovered(errors)).toEqual(['letter.hbs:2:11 en', 'letter.hbs:2:11 ko', 'letter.hbs:2:11 zh']);
  });
});

describe('template text that may never print', () => {
  it('is not an error: HTML comments, link targets, inline partials and templates the letter does not use; in a block, a warning', async () => {
    const p = new CorpusProject();
    const letter = readFileSync(join(TOOL_TEMPLATES, 'open-letter.hbs'), 'utf8');
    const extra = [
      '<!-- a note \u{1F600} -->',
      '{{#*inline "unused"}}\u{1F600}{{/inline}}',
      ':::body',
      'See [our site](https://example.org/\u{1F600}).{{#if (eq lang "xx")}} \u{1F600}{{/if}}',
      ':::',
      '',
    ];
    p.write('templates/mine.hbs', `${letter}\n${extra.join('\n')}`);
    p.write('templates/old-draft.hbs', `:::body\nA draft \u{1F600}\n:::\n`);
    p.edit('letter.yaml', 'template: open-letter', 'template: ./templates/mine.hbs');
    const checked = await check({ dir: p.dir });
    expect(uncovered(checked.errors)).toEqual([]);
    const line = letter.split('\n').length + 4;
    const column = extra[3]!.lastIndexOf('\u{1F600}') + 1;
    expect(uncovered(checked.warnings)).toEqual(
      ['en', 'ko', 'zh'].map((lang) => `templates/mine.hbs:${line}:${column} ${lang}`),
    );
    expect(checked.exitCode).toBe(0);
  });
});

describe("the letter's template", () => {
  it('serves every language under its own name; a file named like a language variant of it is never rendered', async () => {
    const p = new CorpusProject();
    const letter = readFileSync(join(TOOL_TEMPLATES, 'open-letter.hbs'), 'utf8');
    const withKa = letter.replace('{{title}}\n', `{{title}} ${TIBETAN_KA}\n`);
    const line = withKa.split('\n').findIndex((l) => l.includes(TIBETAN_KA)) + 1;
    p.write('templates/open-letter.hbs', withKa);
    p.write('templates/open-letter.zh.hbs', withKa);
    const { errors } = await check({ dir: p.dir });
    expect(uncovered(errors)).toEqual(
      ['en', 'ko', 'zh'].map((lang) => `templates/open-letter.hbs:${line}:11 ${lang}`),
    );
  });
});
