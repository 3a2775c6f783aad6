/**
 * Every message about a rejected value quotes that value, and a did-you-mean is offered only when the typo is likely
 * (issue 18): a duplicate YAML key named, an unknown format or paper size quoted, `odt` not taken for `pdf`, a typo'd
 * body key answered with the key meant, a mistyped placeholder in one language not copied into the others.
 */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, type Diagnostic } from '../../src/index.js';
import { choiceHint, didYouMean, languageHint, nearest, unknownChoice } from '../../src/diag/index.js';
import { FORMATS } from '../../src/load/index.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { tempDir } from '../support/tools.js';

function example(): string {
  const dir = join(tempDir('letter-quoted-'), 'letter');
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  return dir;
}

function edit(dir: string, file: string, from: string | RegExp, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  writeFileSync(path, next);
}

async function errorsOf(dir: string): Promise<Diagnostic[]> {
  const result = await check({ dir });
  expect(result.exitCode).toBe(2);
  return [...result.errors];
}

describe('did-you-mean only when the edit distance makes it likely', () => {
  it.each([
    ['odt', ['pdf', 'docx'], undefined],
    ['A5x', ['A4', 'Letter'], undefined],
    ['x', ['a', 'en'], undefined],
    ['pfd', ['pdf', 'docx'], 'pdf'],
    ['docs', ['pdf', 'docx'], 'docx'],
    ['Leter', ['A4', 'Letter'], 'Letter'],
    ['situaton', ['situation', 'intro'], 'situation'],
    ['cnn', ['cn', 'kr'], 'cn'],
  ])("'%s' among %j suggests %s", (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });

  it('keeps every candidate at the smallest distance', () => {
    expect(nearest('kx', ['kr', 'ko', 'us'])).toEqual(['kr', 'ko']);
  });
});

describe('messages quote the value they reject', () => {
  it('a duplicate YAML key names the key and where it first appears', async () => {
    const dir = example();
    edit(dir, 'letter.yaml', 'paper: A4\n', 'paper: A4\npaper: Letter\n');
    const [error] = await errorsOf(dir);
    expect(error).toMatchObject({ code: 'yaml-syntax', file: 'letter.yaml', line: 10, column: 1 });
    expect(error!.message).toContain("key 'paper' appears twice");
    expect(error!.message).toContain('first at line 9');
  });

  it('a duplicate key inside a nested mapping is named too', async () => {
    const dir = example();
    edit(
      dir,
      'letter.yaml',
      '    via: cn-consulate-toronto\n',
      '    via: cn-consulate-toronto\n    via: cn-embassy-ottawa\n',
    );
    const [error] = await errorsOf(dir);
    expect(error!.message).toContain("key 'via' appears twice");
    expect(error!.line).toBe(15);
    expect(error!.message).toContain('first at line 14');
  });

  it("an unknown format quotes it, and 'odt' is not taken for 'pdf'", async () => {
    const dir = example();
    edit(dir, 'letter.yaml', 'formats: [pdf, docx]', 'formats: [pdf, odt]');
    const [error] = await errorsOf(dir);
    expect(error).toMatchObject({ code: 'schema', line: 8, column: 16 });
    expect(error!.message).toContain("'odt'");
    expect(error!.hint).not.toContain('did you mean');
    expect(error!.hint).toContain("'pdf', 'docx'");
  });

  it("a near format is suggested ('pfd' → 'pdf')", async () => {
    const dir = example();
    edit(dir, 'letter.yaml', 'formats: [pdf, docx]', 'formats: [pfd, docx]');
    const [error] = await errorsOf(dir);
    expect(error!.message).toContain("'pfd'");
    expect(error!.hint).toBe("did you mean 'pdf'?");
  });

  it.each([
    ['A5x', undefined],
    ['Leter', 'Letter'],
  ])("an unknown paper size '%s' is quoted (suggesting %s)", async (paper, meant) => {
    const dir = example();
    edit(dir, 'letter.yaml', 'paper: A4', `paper: ${paper}`);
    const [error] = await errorsOf(dir);
    expect(error).toMatchObject({ code: 'schema', line: 9, column: 8 });
    expect(error!.message).toContain(`paper '${paper}'`);
    if (meant) expect(error!.hint).toBe(`did you mean '${meant}'?`);
    else expect(error!.hint).not.toContain('did you mean');
  });

  it('a value of the wrong type is quoted', async () => {
    const dir = example();
    edit(dir, 'letter.yaml', 'languages: [en, ko, zh]', 'languages: en');
    const [error] = await errorsOf(dir);
    expect(error!.message).toContain("languages must be a list, not 'en'");
  });

  it('a value listed twice is quoted', async () => {
    const dir = example();
    edit(dir, 'letter.yaml', 'languages: [en, ko, zh]', 'languages: [en, ko, en]');
    const [error] = await errorsOf(dir);
    expect(error!.message).toContain("languages lists 'en' twice");
  });

  it("a typo'd body key suggests the key meant, once, instead of adding the typo to every locale", async () => {
    const dir = example();
    edit(dir, 'letter.yaml', '  - p: reports\n', '  - p: reprots\n');
    const errors = await errorsOf(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'missing-key',
      file: 'letter.yaml',
      line: 19,
      column: 8,
      hint: "did you mean 'reports'?",
    });
    expect(errors[0]!.message).toContain("'reprots'");
    expect(errors.map((e) => `${e.message} ${e.hint}`).join('\n')).not.toMatch(/add "reprots"/);
  });

  it('a key no locale has and none is near still says to add it', async () => {
    const dir = example();
    edit(dir, 'letter.yaml', '  - p: reports\n', '  - p: wholly_new_paragraph\n');
    const errors = await errorsOf(dir);
    expect(errors.map((e) => e.hint)).toContain('add "wholly_new_paragraph": "…" to locales/ko/letter.json');
  });

  it('a mistyped placeholder in one language is reported there with the near name, not copied into the others', async () => {
    const dir = example();
    edit(dir, 'locales/ko/letter.json', '{{recipient.name}}', '{{recipient.nmae}}');
    const errors = await errorsOf(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'unknown-placeholder',
      file: 'locales/ko/letter.json',
      line: 2,
      column: 3,
      hint: 'did you mean {{recipient.name}}?',
    });
    expect(errors[0]!.message).toContain('{{recipient.nmae}}');
    expect(errors.map((e) => e.hint).join('\n')).not.toContain('use {{recipient.nmae}}');
  });

  it('between two languages neither spelling is called right, and neither is advised into the other', async () => {
    const dir = example();
    edit(dir, 'letter.yaml', 'languages: [en, ko, zh]', 'languages: [en, ko]');
    edit(dir, 'locales/ko/letter.json', '{{recipient.name}}', '{{recipient.nmae}}');
    const errors = (await errorsOf(dir)).filter((e) => e.code === 'placeholder-mismatch');
    expect(errors.map((e) => e.hint).sort()).toEqual([
      'it has {{recipient.name}} instead: use one spelling in every language',
      'it has {{recipient.nmae}} instead: use one spelling in every language',
    ]);
  });
});

describe('one function for a value outside a closed set', () => {
  it('quotes the value, names the option, and offers the likely one or every choice', () => {
    expect(unknownChoice('usage', 'format', 'pfd', FORMATS, { option: '--format' })).toEqual({
      code: 'usage',
      severity: 'error',
      message: "unknown format 'pfd' given to --format",
      value: 'pfd',
      hint: "did you mean 'pdf'?",
    });
    expect(unknownChoice('schema', 'paper', 'A5x', ['A4', 'Letter']).hint).toBe("use one of 'A4', 'Letter'");
    expect(choiceHint('odt', FORMATS)).toBe("use one of 'pdf', 'docx'");
  });

  it('bounds and escapes what it quotes', () => {
    const long = `${'x'.repeat(100)}\n`;
    const d = unknownChoice('usage', 'format', long, FORMATS);
    expect(d.message).toBe(`unknown format '${'x'.repeat(60)}…'`);
    expect(d.value).toBe(long);
  });

  it("a language code: a country's code names its language, and a tie offers none", () => {
    expect(languageHint('kr', ['ar', 'en', 'ko'])).toBe(
      "did you mean 'ko'? ('kr' is the country code of South Korea, not a language)",
    );
    expect(languageHint('cn', ['en', 'zh'])).toMatch(/^did you mean 'zh'\?/);
    expect(languageHint('kx', ['en', 'ko', 'zh'])).toBe("did you mean 'ko'?");
    expect(languageHint('kx', ['ka', 'ko'])).toBeUndefined();
  });
});
