/** The cc line (SPEC §3 `cc: [kr]`): ids shown as their recipients, a mistyped id refused with a did-you-mean, other text literal. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import type { Block, Inline } from '../../src/model/index.js';
import { composeFirst, editFile, exampleCopy, lineOf } from './project.js';

function withCc(cc: string, recipients = ''): string {
  const dir = exampleCopy();
  editFile(dir, 'letter.yaml', 'close: closing', `close: closing\ncc: ${cc}`);
  if (recipients) editFile(dir, 'recipients.yaml', 'recipients:\n', `recipients:\n${recipients}`);
  return dir;
}

function text(inlines: readonly Inline[]): string {
  return inlines
    .map((i) =>
      i.type === 'text' ? i.value : i.type === 'break' ? '\n' : 'children' in i ? text(i.children) : '',
    )
    .join('');
}

/** The text of one part of the first recipient's document, as the renderers receive it. */
function partText(dir: string, lang: 'en' | 'ko' | 'zh', part: string): string {
  const section = composeFirst(dir, lang).sections.find((s) => s.part === part);
  return (section?.blocks ?? [])
    .map((b: Block) => (b.type === 'paragraph' ? text(b.inlines) : ''))
    .join('\n');
}

/**
 * The cc line of the first recipient's document: en and zh at the letter's end; ko as the 참조 line under 수신 at
 * its head (Korean official correspondence, opening.ko.hbs).
 */
function ccLine(dir: string, lang: 'en' | 'ko' | 'zh'): string {
  if (lang === 'ko')
    return (
      partText(dir, lang, 'recipient')
        .split('\n')
        .find((l) => l.startsWith('참조: ')) ?? ''
    );
  return partText(dir, lang, 'cc');
}

describe('cc', () => {
  it('a mistyped id (kx for kr) is an error at its letter.yaml position naming kr, in check and in build', async () => {
    const dir = withCc('[kr, kx]');
    const line = lineOf(dir, 'letter.yaml', 'cc: [kr, kx]');
    const checked = await check({ dir, now: new Date('2024-01-01') });
    expect(checked.exitCode).toBe(2);
    const found = checked.errors.find((d) => d.message.includes("'kx'"));
    expect(found).toMatchObject({ code: 'unknown-recipient', file: 'letter.yaml', line, column: 10 });
    // kr is among the ids one letter from kx, and first, since the letter itself names it.
    expect(found?.hint).toMatch(/^did you mean one of 'kr', /);
    const out = join(dir, 'dist');
    const built = await build({ dir, out, formats: ['pdf'], langs: ['en'] });
    expect(built.exitCode).toBe(2);
    expect(built.errors.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message}`)).toContain(
      `letter.yaml:${line}:10: unknown recipient 'kx' in cc`,
    );
    expect(existsSync(join(out, 'cn'))).toBe(false);
  });

  it('a single near id is named alone: cn/goverment → did you mean cn/government', async () => {
    const dir = withCc('[cn/goverment]');
    const checked = await check({ dir, now: new Date('2024-01-01') });
    expect(checked.errors.map((d) => d.hint)).toContainEqual(
      expect.stringMatching(/^did you mean 'cn\/government'\? To print 'cn\/goverment' as written/),
    );
  });

  it('following the hint (the text in every language of the letter) gives a letter that checks clean, --strict too', async () => {
    const dir = withCc('[ops]');
    const hint = (await check({ dir, now: new Date('2024-01-01') })).errors[0]?.hint ?? '';
    const literal = /give it per language: (\{.*\})$/.exec(hint)?.[1];
    expect(literal).toBe('{ en: ops, ko: ops, zh: ops }');
    editFile(dir, 'letter.yaml', 'cc: [ops]', `cc: [${literal}]`);
    const strict = await check({ dir, strict: true, now: new Date('2024-01-01') });
    expect(strict.errors).toEqual([]);
    expect(strict.warnings.filter((w) => w.message.includes('cc'))).toEqual([]);
    expect(ccLine(dir, 'zh')).toBe('抄送：ops');
  });

  it('other plain strings, and an id written per language, are printed as written', async () => {
    const dir = withCc('[team, amnesty, "Human Rights Watch", { en: kx }]');
    const checked = await check({ dir, now: new Date('2024-01-01') });
    expect(checked.errors).toEqual([]);
    expect(ccLine(dir, 'en')).toBe('cc: team; amnesty; Human Rights Watch; kx');
  });

  it('a project recipient with a name is shown by title and name in each language; a directory office by its title', () => {
    const dir = withCc('[xi, kr]');
    expect(ccLine(dir, 'en')).toBe(
      "cc: Xi Jinping, President of the People's Republic of China; President of the Republic of Korea",
    );
    expect(ccLine(dir, 'ko')).toBe('참조: 중화인민공화국 주석 시진핑, 대한민국 대통령');
    expect(ccLine(dir, 'zh')).toBe('抄送：中华人民共和国主席习近平、大韩民国总统');
  });

  it('ko: 참조 stands under 수신 at the head of the letter, and is not repeated at its end', () => {
    const dir = withCc('[xi, kr]');
    expect(partText(dir, 'ko', 'recipient')).toBe(
      '수신: 중화인민공화국 주석 시진핑 귀하\n참조: 중화인민공화국 주석 시진핑, 대한민국 대통령',
    );
    expect(composeFirst(dir, 'ko').sections.some((s) => s.part === 'cc')).toBe(false);
    // en and zh keep theirs at the end, and have no 수신 line.
    expect(partText(dir, 'zh', 'recipient')).not.toMatch(/수신|参照/);
    expect(composeFirst(dir, 'en').sections.some((s) => s.part === 'cc')).toBe(true);
  });

  it('ko without a cc: the 수신 line alone', () => {
    expect(partText(exampleCopy(), 'ko', 'recipient')).toBe('수신: 중화인민공화국 주석 시진핑 귀하');
  });

  it('a project recipient outside the directory is shown with its own title and name', () => {
    const dir = withCc(
      '[hrw]',
      '  - id: hrw\n    title: { en: Executive Director of Human Rights Watch, ko: 휴먼라이츠워치 사무총장, zh: 人权观察执行主任 }\n    name: { en: Jane Doe, ko: 제인 도, zh: 简·多伊 }\n',
    );
    expect(ccLine(dir, 'en')).toBe('cc: Jane Doe, Executive Director of Human Rights Watch');
    expect(ccLine(dir, 'zh')).toBe('抄送：人权观察执行主任简·多伊');
  });
});
