/**
 * The offices a review found wrong (issue 14), table-driven: title and salutation in en, ko and zh, both registers,
 * title-only (no holder) and, where the directory has one, with the holder of 2026-11-01.
 */

import { describe, expect, test } from 'vitest';
import { addressee, findRecipients, lookupOffice } from '../../src/directory/index.js';
import type { Register } from '../../src/directory/index.js';
import { stringsFor } from './helpers.js';

const DATE = new Date('2026-11-01T00:00:00Z');
const forms = (id: string, lang: string, register: Register, titleOnly: boolean) => {
  const office = lookupOffice(id)!;
  return addressee({
    id,
    office: titleOnly ? { ...office, holders: [] } : office,
    lang,
    register,
    strings: stringsFor(lang),
    date: DATE,
  });
};

// [id, lang, title, open-letter salutation, diplomatic salutation], title-only.
const TITLE_ONLY: readonly (readonly [string, string, string, string, string])[] = [
  [
    'sd',
    'en',
    'Chairman of the Transitional Sovereignty Council of the Republic of the Sudan',
    'Excellency,',
    'Excellency,',
  ],
  ['sd', 'ko', '수단 과도주권위원회 의장', '수단 과도주권위원회 의장님께', '수단 과도주권위원회 의장 각하'],
  [
    'sd',
    'zh',
    '苏丹过渡主权委员会主席',
    '尊敬的苏丹过渡主权委员会主席阁下：',
    '尊敬的苏丹过渡主权委员会主席阁下：',
  ],
  ['ht', 'en', 'Prime Minister of the Republic of Haiti', 'Dear Prime Minister,', 'Excellency,'],
  ['ht', 'ko', '아이티 총리', '아이티 총리님께', '아이티 총리 각하'],
  ['ht', 'zh', '海地总理', '尊敬的海地总理阁下：', '尊敬的海地总理阁下：'],
  [
    'ws',
    'en',
    'O le Ao o le Malo (Head of State) of the Independent State of Samoa',
    'Your Highness,',
    'Your Highness,',
  ],
  ['ws', 'ko', '사모아 독립국 국가원수', '사모아 독립국 국가원수 전하께', '사모아 독립국 국가원수 전하'],
  [
    'ws',
    'zh',
    '萨摩亚独立国国家元首',
    '尊敬的萨摩亚独立国国家元首殿下：',
    '尊敬的萨摩亚独立国国家元首殿下：',
  ],
  [
    'kg/government',
    'en',
    'Chairman of the Cabinet of Ministers of the Kyrgyz Republic',
    'Excellency,',
    'Excellency,',
  ],
  [
    'kg/government',
    'ko',
    '키르기스 공화국 내각 의장',
    '키르기스 공화국 내각 의장님께',
    '키르기스 공화국 내각 의장 각하',
  ],
  [
    'kg/government',
    'zh',
    '吉尔吉斯共和国内阁主席',
    '尊敬的吉尔吉斯共和国内阁主席阁下：',
    '尊敬的吉尔吉斯共和国内阁主席阁下：',
  ],
  ['bd/government', 'en', 'Prime Minister of Bangladesh', 'Dear Prime Minister,', 'Excellency,'],
  ['bd/government', 'ko', '방글라데시 총리', '방글라데시 총리님께', '방글라데시 총리 각하'],
  ['bd/government', 'zh', '孟加拉国总理', '尊敬的孟加拉国总理阁下：', '尊敬的孟加拉国总理阁下：'],
  ['ni', 'en', 'Co-Presidents of the Republic of Nicaragua', 'Dear Co-Presidents,', 'Excellencies,'],
  [
    'ni',
    'ko',
    '니카라과 공화국 공동대통령',
    '니카라과 공화국 공동대통령 두 분께',
    '니카라과 공화국 공동대통령 두 분 각하',
  ],
  [
    'ni',
    'zh',
    '尼加拉瓜共和国共同总统',
    '尊敬的尼加拉瓜二位共同总统阁下：',
    '尊敬的尼加拉瓜二位共同总统阁下：',
  ],
  [
    'tg/government',
    'en',
    'President of the Council of Ministers of the Togolese Republic',
    'Excellency,',
    'Excellency,',
  ],
  [
    'tg/government',
    'ko',
    '토고 공화국 각료회의 의장',
    '토고 공화국 각료회의 의장님께',
    '토고 공화국 각료회의 의장 각하',
  ],
  [
    'tg/government',
    'zh',
    '多哥共和国部长会议主席',
    '尊敬的多哥共和国部长会议主席阁下：',
    '尊敬的多哥共和国部长会议主席阁下：',
  ],
  ['sm', 'en', 'Captains Regent of the Republic of San Marino', 'Dear Captains Regent,', 'Excellencies,'],
  [
    'sm',
    'ko',
    '산마리노 공화국 집정관',
    '산마리노 공화국 집정관 두 분께',
    '산마리노 공화국 집정관 두 분 각하',
  ],
  ['sm', 'zh', '圣马力诺共和国执政官', '尊敬的圣马力诺二位执政官阁下：', '尊敬的圣马力诺二位执政官阁下：'],
  ['ad', 'en', 'Co-Princes of Andorra', 'Dear Co-Princes,', 'Excellencies,'],
  ['ad', 'ko', '안도라 공동대공', '안도라 공동대공 두 분께', '안도라 공동대공 두 분 각하'],
  ['ad', 'zh', '安道尔共治大公', '尊敬的安道尔二位共治大公阁下：', '尊敬的安道尔二位共治大公阁下：'],
  ['ae', 'en', 'President of the United Arab Emirates', 'Your Highness,', 'Your Highness,'],
  ['ae', 'ko', '아랍에미리트 대통령', '아랍에미리트 대통령 전하께', '아랍에미리트 대통령 전하'],
  [
    'ae',
    'zh',
    '阿拉伯联合酋长国总统',
    '尊敬的阿拉伯联合酋长国总统殿下：',
    '尊敬的阿拉伯联合酋长国总统殿下：',
  ],
  [
    'kp',
    'en',
    "President of the State Affairs of the Democratic People's Republic of Korea",
    'Excellency,',
    'Excellency,',
  ],
  [
    'kp',
    'ko',
    '조선민주주의인민공화국 국무위원장',
    '조선민주주의인민공화국 국무위원장님께',
    '조선민주주의인민공화국 국무위원장 각하',
  ],
  [
    'kp',
    'zh',
    '朝鲜民主主义人民共和国国务委员长',
    '尊敬的朝鲜民主主义人民共和国国务委员长阁下：',
    '尊敬的朝鲜民主主义人民共和国国务委员长阁下：',
  ],
  ['dm', 'ko', '도미니카 연방 대통령', '도미니카 연방 대통령님께', '도미니카 연방 대통령 각하'],
  ['do', 'ko', '도미니카 공화국 대통령', '도미니카 공화국 대통령님께', '도미니카 공화국 대통령 각하'],
  ['th', 'ko', '태국 국왕', '태국 국왕 폐하께', '태국 국왕 폐하'],
  ['th', 'zh', '泰王国国王', '尊敬的泰王国国王陛下：', '尊敬的泰王国国王陛下：'],
];

describe('offices the review corrected, title-only', () => {
  test.each(TITLE_ONLY)('%s in %s: %s', (id, lang, title, open, diplomatic) => {
    expect(forms(id, lang, 'open-letter', true).title).toBe(title);
    expect(forms(id, lang, 'open-letter', true).salutation).toBe(open);
    expect(forms(id, lang, 'diplomatic', true).salutation).toBe(diplomatic);
  });
});

describe('one office speaks one way: no 님 beside 전하/폐하, no 께 beside 님 in another part', () => {
  test.each(['ae', 'kp', 'th', 'sm'])('%s in ko', (id) => {
    for (const register of ['open-letter', 'diplomatic'] as const) {
      for (const titleOnly of [true, false]) {
        const a = forms(id, 'ko', register, titleOnly);
        const parts = [a.salutation, a.vocative, a.honorific, ...a.close].join(' | ');
        const royal = /전하|폐하/.test(parts);
        if (royal) expect(parts, `${id} ${register}`).not.toMatch(/님/);
        if (register === 'open-letter' && !royal)
          for (const p of [a.salutation, a.vocative, ...a.close]) expect(p, `${id}`).toMatch(/님|분/);
      }
    }
  });
});

describe('joint offices address both holders in every language and register', () => {
  test.each(['en', 'ko', 'zh'])('Andorra and Nicaragua in %s', (lang) => {
    for (const register of ['open-letter', 'diplomatic'] as const) {
      for (const id of ['ad', 'ni']) {
        const a = forms(id, lang, register, false);
        const both = lookupOffice(id)!.holders.at(-1)!;
        const names = [both.name['en']!, ...(both.with ?? []).map((p) => p.name['en']!)];
        expect(names).toHaveLength(2);
        // Only English names are sourced: en carries both; ko and zh fall back to title-only plural forms.
        if (lang === 'en')
          for (const n of names) expect(a.addressLines.join(' '), `${id} ${register}`).toContain(n);
        expect([a.salutation, a.vocative, a.honorific].join(' '), `${id} ${lang} ${register}`).toMatch(
          /Excellencies|Co-|두 |二位/,
        );
      }
    }
  });

  test('two names given in the letter are joined as the language lists people', () => {
    const sm = lookupOffice('sm')!;
    const a = addressee({
      id: 'sm',
      office: sm,
      lang: 'en',
      register: 'diplomatic',
      strings: stringsFor('en'),
      name: 'Alessandro Rossi and Milena Gasperoni',
    });
    expect(a.salutation).toBe('Excellencies,');
    expect(a.addressLines[0]).toBe('Their Excellencies Alessandro Rossi and Milena Gasperoni');
    expect(a.salutation).not.toMatch(/Gasperoni,$/);
  });
});

describe('named forms', () => {
  test('English names a monarch with the title: His Majesty King Charles III', () => {
    const gb = lookupOffice('gb')!;
    const a = addressee({
      id: 'gb',
      office: gb,
      lang: 'en',
      register: 'diplomatic',
      strings: stringsFor('en'),
      date: DATE,
    });
    expect(a.addressLines[0]).toBe('His Majesty King Charles III');
  });

  test('a name given for a monarch is used in Korean and Chinese, after the title with the country in Chinese', () => {
    const th = lookupOffice('th')!;
    const of = (lang: string, name: string) =>
      addressee({ id: 'th', office: th, lang, register: 'diplomatic', strings: stringsFor(lang), name })
        .salutation;
    expect(of('ko', '마하 와찌랄롱꼰')).toBe('마하 와찌랄롱꼰 국왕 폐하');
    expect(of('zh', '玛哈·哇集拉隆功')).toBe('尊敬的泰王国国王玛哈·哇集拉隆功陛下：');
  });

  test("the US President: Dear Mr./Madam President in both registers, from the holder's gender", () => {
    const us = lookupOffice('us')!;
    const of = (register: Register, gender?: 'female') =>
      addressee({
        id: 'us',
        office: us,
        lang: 'en',
        register,
        strings: stringsFor('en'),
        date: DATE,
        ...(gender ? { gender } : {}),
      });
    expect(of('open-letter').salutation).toBe('Dear Mr. President:');
    expect(of('diplomatic').salutation).toBe('Dear Mr. President:');
    expect(of('diplomatic').close).toEqual([
      'Please accept, Mr. President, the assurances of my highest consideration.',
    ]);
    expect(of('open-letter', 'female').salutation).toBe('Dear Madam President:');
  });

  test('one English form for every Excellency in a batch: H.E., whatever the gender', () => {
    for (const id of ['fr', 'un', 'cn', 'eu/commission']) {
      const a = addressee({
        id,
        office: lookupOffice(id)!,
        lang: 'en',
        register: 'diplomatic',
        strings: stringsFor('en'),
        date: DATE,
      });
      expect(a.addressLines[0], id).toMatch(/^H\.E\. /);
    }
  });
});

describe('search', () => {
  test('教皇 finds the Pope (the directory writes 教宗; PRC media write 教皇)', () => {
    expect(findRecipients('教皇', { lang: 'zh' })[0]).toMatchObject({ id: 'va', title: '教宗' });
  });

  test('contested, transitional and rotating offices carry a note', () => {
    for (const id of ['mm', 'af', 'ht', 'sd', 'ch', 'ba', 'sm'])
      expect(lookupOffice(id)!.caveat?.text, id).toBeTruthy();
    expect(findRecipients('mm')[0]!.caveat).toMatch(/military/);
  });
});
