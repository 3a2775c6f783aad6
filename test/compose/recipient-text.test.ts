/** Text that follows its recipient (SPEC §4): recipient placeholders, i18next context by style and gender, Korean particles. */

import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { allOffices, holderOn } from '../../src/directory/index.js';
import { textContexts } from '../../src/compose/context.js';
import { finalSound, markParticles, resolveParticles } from '../../src/compose/particles.js';
import { editFile, exampleCopy, setLocaleValues } from './project.js';
import { composedText } from './letter-text.js';

describe('Korean particles after a placeholder', () => {
  const agree = (value: string, written: string) =>
    resolveParticles(markParticles(written).replace('{{x}}', value));
  it.each([
    ['국왕 폐하', '{{x}}은(는)', '국왕 폐하는'],
    ['주석님', '{{x}}은(는)', '주석님은'],
    ['교황 성하', '{{x}}이(가)', '교황 성하가'],
    ['대통령님', '{{x}}이(가)', '대통령님이'],
    ['시진핑', '{{x}}을(를)', '시진핑을'],
    ['국왕 폐하', '{{x}}을(를)', '국왕 폐하를'],
    ['시진핑', '{{x}}와(과)', '시진핑과'],
    ['교황 성하', '{{x}}과(와)', '교황 성하와'],
    ['서울', '{{x}}(으)로', '서울로'],
    ['주석님', '{{x}}(으)로', '주석님으로'],
    ['국왕 폐하', '{{x}}(으)로', '국왕 폐하로'],
    ['Trump', '{{x}}은(는)', 'Trump는'],
    ['Macron', '{{x}}은(는)', 'Macron은'],
    ['習近平', '{{x}}은(는)', '習近平은(는)'],
  ])('%s + %s → %s', (value, written, expected) => {
    expect(agree(value, written)).toBe(expected);
  });

  it('a notation that follows no placeholder is text, printed as written', () => {
    expect(resolveParticles(markParticles('조약은(는) 그대로'))).toBe('조약은(는) 그대로');
    expect(finalSound('1')).toBe('rieul');
    expect(finalSound('2')).toBe('vowel');
  });
});

describe('recipient placeholders in the example letter', () => {
  it('{{recipient.honorific}} in Korean and Chinese follows the office: 주석님/阁下, 국왕 폐하/陛下, 교황 성하/教宗', () => {
    const dir = exampleCopy();
    const text = (id: string, lang: string) => composedText(dir, id, lang);
    expect(text('cn', 'ko')).toContain('주석님께서 이러한 관행을');
    expect(text('th', 'ko')).toContain('국왕 폐하께서 이러한 관행을');
    expect(text('va', 'ko')).toContain('교황 성하께서 이러한 관행을');
    expect(text('cn', 'zh')).toContain('致函阁下');
    expect(text('th', 'zh')).toContain('致函陛下');
    expect(text('th', 'zh')).not.toContain('阁下');
    expect(text('va', 'zh')).not.toMatch(/阁下|陛下/);
  });

  it('i18next context by style (title_holiness in zh puts 教宗 before the name) and `_unnamed` for title-only forms', () => {
    const dir = exampleCopy();
    expect(composedText(dir, 'cn', 'zh')).toContain('致习近平主席的公开信');
    expect(composedText(dir, 'va', 'zh')).toMatch(/致教宗\S*的公开信/);
    editFile(
      dir,
      'letter.yaml',
      '    via: cn-consulate-toronto\n',
      '    via: cn-consulate-toronto\n  - { id: va, name: { en: Leo XIV, ko: 레오 14세, zh: 良十四世 } }\n',
    );
    expect(composedText(dir, 'va', 'zh')).toContain('致教宗良十四世的公开信');
    expect(composedText(dir, 'va', 'en')).toContain('An open letter to Pope Leo XIV');
    expect(composedText(dir, 'us', 'en')).toContain('An open letter to the President of the United States');
  });

  it('a title-only Korean heading to a monarch names the country (SPEC §5: 태국 국왕 폐하), as the address does', () => {
    const dir = exampleCopy();
    const region = new Intl.DisplayNames(['ko-KR'], { type: 'region' });
    const day = new Date('2023-12-10T00:00:00Z');
    // Every monarch and highness the example's date finds no Korean name for: the heading is title-only.
    const unnamed = allOffices().filter(
      (o) => o.country && ['Majesty', 'Highness'].includes(o.style) && !holderOn(o, day)?.name['ko'],
    );
    expect(unnamed.map((o) => o.id)).toEqual(expect.arrayContaining(['dk', 'gb', 'jp', 'kw', 'lu', 'th']));
    for (const office of unnamed) {
      const heading = composedText(dir, office.id, 'ko').split('\n')[0]!;
      expect(heading, office.id).toContain(`${region.of(office.country!)}`);
    }
    expect(composedText(dir, 'dk', 'ko').split('\n')[0]).toContain('덴마크 국왕 폐하께 드리는 공개서한');
    expect(composedText(dir, 'kw', 'ko').split('\n')[0]).toContain('쿠웨이트 국왕 전하께 드리는 공개서한');
  });

  it('a letter to an office two people hold speaks to both: `_joint` context (San Marino, Andorra)', () => {
    const dir = exampleCopy();
    const empathy = (id: string, lang: string) =>
      composedText(dir, id, lang)
        .split('\n')
        .find((line) => /compassion|parent|공감|同理/.test(line))!;
    for (const id of ['sm', 'ad']) {
      expect(empathy(id, 'en')).not.toContain('as a parent');
      expect(empathy(id, 'ko')).not.toContain('한 사람의 부모');
      expect(empathy(id, 'zh')).toContain('恳请二位设想');
      expect(empathy(id, 'zh')).not.toContain('您');
    }
    expect(empathy('sm', 'ko')).toContain('두 집정관님의 따뜻한 공감에 호소합니다');
    // `joint` after the title-only contexts, before the style's.
    expect(textContexts('Excellency', undefined, true, true)).toEqual([
      'unnamed_excellency',
      'unnamed',
      'joint',
      'excellency',
    ]);
    // One person holds the office: the sentence to one parent. Nicaragua on the example's date (2023) had one President.
    expect(empathy('fr', 'en')).toContain('as a parent');
    expect(empathy('ni', 'ko')).toContain('대통령님께서도 한 사람의 부모이신 만큼');
  });

  it('shortTitle, vocative and particles with a placeholder, in a letter to a king and to a president', () => {
    const dir = exampleCopy();
    setLocaleValues(dir, 'ko', {
      hope: '{{recipient.honorific}}은(는) {{recipient.shortTitle}}(으)로서 {{recipient.vocative}}',
    });
    setLocaleValues(dir, 'en', {
      hope: 'As {{recipient.shortTitle}}, {{recipient.honorific}} can act.',
      hope_majesty_male: 'As {{recipient.shortTitle}}, {{recipient.honorific}} alone can act.',
    });
    setLocaleValues(dir, 'zh', { hope: '{{recipient.honorific}}作为{{recipient.shortTitle}}。' });
    expect(composedText(dir, 'th', 'ko')).toContain('국왕 폐하는 국왕으로서 국왕 폐하,');
    expect(composedText(dir, 'cn', 'ko')).toContain('주석님은 주석으로서 시진핑 주석님,');
    expect(composedText(dir, 'th', 'en')).toContain('As King, Your Majesty alone can act.');
    expect(composedText(dir, 'fr', 'en')).toContain('As President, Your Excellency can act.');
    expect(composedText(dir, 'th', 'zh')).toContain('陛下作为国王。');
  });

  it('a sentence in one language may use {{recipient.honorific}} where another says "you": no placeholder error', async () => {
    const dir = exampleCopy();
    const checked = await check({ dir, now: new Date('2024-01-01') });
    expect(checked.errors).toEqual([]);
    editFile(dir, 'locales/en/letter.json', 'We implore you', 'We implore {{recipient.name}}');
    const named = await check({ dir, now: new Date('2024-01-01') });
    expect(named.errors.map((e) => e.code)).toContain('placeholder-mismatch');
  });
});
