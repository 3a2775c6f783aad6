/** The project's forms of address win over the directory's, per language; a project-only recipient needs its own (SPEC §5). */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { editFile, exampleCopy, lineOf } from './project.js';
import { composedText } from './letter-text.js';

const NOW = new Date('2024-01-01');

/** The example letter sent to the recipients of a recipients.yaml written here, in the given register. */
function projectWith(recipientsYaml: string, to: string, register = 'open-letter'): string {
  const dir = exampleCopy();
  writeFileSync(join(dir, 'recipients.yaml'), recipientsYaml);
  editFile(dir, 'letter.yaml', 'register: open-letter', `register: ${register}`);
  editFile(
    dir,
    'letter.yaml',
    'to:\n  - id: cn\n    name: { en: Xi Jinping, ko: 시진핑, zh: 习近平 }\n    via: cn-consulate-toronto\n',
    `to: ${to}\n`,
  );
  return dir;
}

describe("a recipient with office: the project's title, salutation, vocative, close and honorific win", () => {
  it("from recipients.yaml, per language; the directory's forms stay for the languages not given", () => {
    const dir = projectWith(
      [
        'recipients:',
        '  - id: xi',
        '    office: cn',
        '    name: { en: Xi Jinping, ko: 시진핑, zh: 习近平 }',
        '    title: { en: General Secretary and President Xi Jinping }',
        '    salutation: { en: "Dear General Secretary Xi,", ko: 존경하는 시진핑 총서기님께 }',
        '    vocative: { en: "General Secretary,", zh: 总书记： }',
        '    close: { en: "With respect," }',
        '    honorific: { ko: 총서기님 }',
        '',
      ].join('\n'),
      '[xi]',
    );
    const en = composedText(dir, 'xi', 'en');
    expect(en).toContain('Dear General Secretary Xi,');
    expect(en).toContain('General Secretary and President Xi Jinping');
    expect(en).toContain('General Secretary,');
    expect(en).not.toContain('Dear President Xi,');
    const ko = composedText(dir, 'xi', 'ko');
    expect(ko).toContain('존경하는 시진핑 총서기님께');
    expect(ko).toContain('총서기님께서 이러한 관행을');
    expect(ko).toContain('시진핑 주석님,'); // no Korean vocative given: the directory's
    expect(composedText(dir, 'xi', 'zh')).toContain('总书记：');
  });

  it('from letter.yaml `to`, with gender: a letter.yaml value wins over the recipients file', async () => {
    const dir = projectWith(
      'recipients:\n  - id: xi\n    office: cn\n    salutation: { en: "From the file," }\n',
      '[{ id: xi, salutation: { en: "From the letter," }, close: { en: "Respectfully yours," }, gender: male }]',
    );
    const en = composedText(dir, 'xi', 'en');
    expect(en).toContain('From the letter,');
    expect(en).not.toContain('From the file,');
    expect(en).toContain('Respectfully yours,');
    expect((await check({ dir, now: NOW })).errors).toEqual([]);
  });
});

describe('a recipient only the project defines', () => {
  const NGO = [
    'recipients:',
    '  - id: ngo',
    '    name: Jane Doe',
    '    title: { en: "Director, Some NGO" }',
    '    salutation: { en: "Dear Ms Doe," }',
    '',
  ].join('\n');

  it('without a Korean and Chinese salutation is an error at its line in those languages, never "Dear Ms Doe," in Korean', async () => {
    const dir = projectWith(NGO, '[ngo]');
    const checked = await check({ dir, now: NOW });
    expect(checked.exitCode).toBe(2);
    const missing = checked.errors.filter(
      (e) => e.code === 'missing-translation' && e.file === 'recipients.yaml',
    );
    expect(missing.map((e) => e.message).join('\n')).toMatch(/'ngo' .* 'salutation' in 'ko'/);
    expect(missing.map((e) => e.message).join('\n')).toMatch(/'ngo' .* 'salutation' in 'zh'/);
    expect(missing.every((e) => e.line === lineOf(dir, 'recipients.yaml', 'id: ngo'))).toBe(true);
    const built = await build({ dir, out: join(dir, 'dist'), formats: ['pdf'] });
    expect(built.exitCode).toBe(2);
    expect(built.outputs).toEqual([]);
  });

  it('names the missing form plainly, and in a recipients.csv the column to add', async () => {
    const yaml = await check({ dir: projectWith(NGO, '[ngo]'), now: NOW });
    const fromYaml = yaml.errors.find((e) => e.message.includes("'salutation' in 'ko'"));
    // It read "has no a 'salutation'".
    expect(fromYaml?.message).toMatch(
      /^recipient 'ngo' is not in the directory and has no 'salutation' in 'ko':/,
    );
    expect(fromYaml?.hint).toMatch(/^give salutation: \{ ko: … \} for it/);
    const dir = projectWith('', '[ngo]');
    writeFileSync(
      join(dir, 'recipients.yaml'),
      'addresses:\n  - id: cn-consulate-toronto\n    name: Consulate\n    lines: [Toronto]\n',
    );
    writeFileSync(
      join(dir, 'recipients.csv'),
      'id,name.en,title.en,salutation.en\nngo,Jane Doe,"Director, Some NGO","Dear Ms Doe,"\n',
    );
    const csv = await check({ dir, now: NOW });
    const fromCsv = csv.errors.find((e) => e.message.includes("'salutation' in 'ko'"));
    expect(fromCsv).toMatchObject({ file: 'recipients.csv', line: 2 });
    // A CSV has no `{ ko: … }`: its forms are columns (SPEC §5).
    expect(fromCsv?.hint).toMatch(/^add a column 'salutation\.ko' to recipients\.csv/);
  });

  it("in the diplomatic register has the register's complimentary close in every language", () => {
    const forms = [
      '    salutation: { en: "Dear Ms Doe,", ko: 제인 도 이사님께, zh: 尊敬的简·多伊女士： }',
      '    vocative: { en: "Ms Doe,", ko: "이사님,", zh: 简·多伊女士： }',
    ].join('\n');
    const dir = projectWith(
      NGO.replace('    salutation: { en: "Dear Ms Doe," }\n', `${forms}\n`),
      '[ngo]',
      'diplomatic',
    );
    editFile(dir, 'letter.yaml', 'close: closing', '');
    expect(composedText(dir, 'ngo', 'en')).toContain('the assurances of');
    expect(composedText(dir, 'ngo', 'ko')).toContain('최고의 경의를 표합니다');
    expect(composedText(dir, 'ngo', 'zh')).toContain('顺致最崇高的敬意。');
    expect(composedText(dir, 'ngo', 'ko')).toContain('제인 도 이사님께');
  });
});
