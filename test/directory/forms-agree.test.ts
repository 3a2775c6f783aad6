/**
 * Every office of the directory, in en/ko/zh, both registers, with and without a name: the salutation, the mid-letter
 * vocative, the inside address and the close speak to the addressee in the same style as the body's honorific
 * (protocol.md §1.1–§1.4, §5). A diplomatic zh letter whose body says 阁下 must not open 尊敬的马克龙总统：, nor a
 * letter to a monarch leave out 陛下; the zh open letter to a named Excellency opens as 公开信 do and the seed letter
 * does (尊敬的习近平主席：, re-addressed 习近平主席：, 阁下 in the body: protocol.md §1.3). A ko letter that says
 * 폐하께서 must not open 태국 국왕 폐하 without the 께 every other open-letter salutation has.
 */

import { describe, expect, test } from 'vitest';
import { addressee, allOffices } from '../../src/directory/index.js';
import type { Addressee, Office, Register } from '../../src/directory/index.js';
import { LANGS, REGISTERS, SAMPLE_NAME, stringsFor } from './helpers.js';

/** The style words of each language, as the honorific carries them. */
const STYLE_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['Excellenc', 'Majesty', 'Highness', 'Holiness'],
  ko: ['각하', '폐하', '전하', '성하'],
  zh: ['阁下', '陛下', '殿下'],
};
/** The abbreviation an English inside address may use for the style (protocol.md §1.1: "H.E." in address blocks). */
const EN_ABBREVIATION: Readonly<Record<string, string>> = {
  Excellenc: 'H.E.',
  Majesty: 'H.M.',
  Highness: 'H.H.',
  Holiness: 'His Holiness',
};

/** Heads of government whose address protocol.md §5 styles "The Rt Hon" (UK, Canada) or "The Hon" (Australia). */
const STYLED_HEADS_OF_GOVERNMENT = new Set(['gb/government', 'ca/government', 'au/government']);

const BEFORE_ANY_HOLDER = new Date('1900-01-01');

const styleWordsIn = (lang: string, text: string) => STYLE_WORDS[lang]!.filter((w) => text.includes(w));

function build(office: Office, lang: string, register: Register, named: boolean): Addressee {
  return addressee({
    id: office.id,
    office,
    lang,
    register,
    strings: stringsFor(lang),
    // A joint office is named by both holders; one sample name stands for the pair here. Title-only: a date
    // before every known term, so the directory's holder does not name it either.
    ...(named ? { name: SAMPLE_NAME[lang]! } : { date: BEFORE_ANY_HOLDER }),
  });
}

interface Case {
  readonly label: string;
  readonly a: Addressee;
  readonly lang: string;
  readonly register: Register;
}

const CASES: Case[] = allOffices().flatMap((office) =>
  LANGS.flatMap((lang) =>
    REGISTERS.flatMap((register) =>
      [false, true].map((named) => ({
        label: `${office.id} ${lang} ${register} ${named ? 'named' : 'title-only'}`,
        a: build(office, lang, register, named),
        lang,
        register,
      })),
    ),
  ),
);

/** The disagreements of one addressee's forms with its honorific, as readable strings ([] when they agree). */
function disagreements({ a, lang, register }: Case): string[] {
  const out: string[] = [];
  const word = styleWordsIn(lang, a.honorific);
  const same = (field: string, text: string) => {
    const found = styleWordsIn(lang, text);
    if (found.join() !== word.join())
      out.push(`${field} '${text}' has [${found}], honorific '${a.honorific}' [${word}]`);
  };
  const address = a.addressLines.join(' / ');
  const close = a.close.join(' / ');
  if (lang === 'zh') {
    // 公开信 (§1.3): a named Excellency is greeted by name and title alone; the style word is the body's.
    const byName = (text: string) =>
      register === 'open-letter' && word.join() === '阁下' && !!a.name && text.includes(a.name);
    for (const [field, text] of [
      ['salutation', a.salutation],
      ['vocative', a.vocative],
    ] as const) {
      if (!byName(text)) same(field, text);
      else if (styleWordsIn(lang, text).length) out.push(`open-letter ${field} '${text}' names a style`);
    }
    same('address', address);
    if (styleWordsIn(lang, close).length) out.push(`close '${close}' names a style`);
  }
  if (lang === 'ko') {
    // 님 (open letters to an Excellency) or a style word: salutation, vocative and close carry the honorific's.
    const honorificWord = word[0] ?? (a.honorific.endsWith('님') ? '님' : undefined);
    if (!honorificWord) out.push(`honorific '${a.honorific}' has neither 님 nor a style word`);
    else
      for (const [field, text] of [
        ['salutation', a.salutation],
        ['vocative', a.vocative],
        ['close', close],
      ] as const)
        if (!text.includes(honorificWord) && !(honorificWord === '님' && text.includes('분')))
          out.push(`${field} '${text}' lacks ${honorificWord} of '${a.honorific}'`);
    same('salutation', a.salutation);
    same('vocative', a.vocative);
    if (word.length) same('address', address);
    // The open letter's first line takes the dative 께 (§1.2); the diplomatic one is the bare style (§1.4).
    if (register === 'open-letter' && !a.salutation.endsWith('께'))
      out.push(`salutation '${a.salutation}' lacks 께`);
    if (register === 'diplomatic' && a.salutation.endsWith('께'))
      out.push(`salutation '${a.salutation}' ends in 께`);
  }
  if (lang === 'en' && word.length && word[0] !== 'Excellenc') {
    // Majesty, Highness, Holiness: no "Dear …" form; the address carries the style or its abbreviation.
    same('salutation', a.salutation);
    same('vocative', a.vocative);
    if (!word.some((w) => address.includes(w) || address.includes(EN_ABBREVIATION[w]!)))
      out.push(`address '${address}' lacks ${word}`);
  }
  if (lang === 'en' && word[0] === 'Excellenc' && !/^(H\.E\.|Their Excellencies)/.test(address))
    if (!(STYLED_HEADS_OF_GOVERNMENT.has(a.officeId!) && /^The (Rt )?Hon /.test(address)))
      out.push(`address '${address}' lacks H.E.`);
  if (lang === 'en' && register === 'diplomatic' && !close.includes(a.honorific.replace(/^Your /, '')))
    if (!/Mr\.|Madam/.test(a.honorific)) out.push(`close '${close}' does not name ${a.honorific}`);
  return out;
}

describe('every office: salutation, vocative, address and close agree with the honorific', () => {
  test(`${CASES.length} addressees, none disagreeing`, () => {
    const bad = CASES.flatMap((c) => disagreements(c).map((d) => `${c.label}: ${d}`));
    expect(bad).toEqual([]);
  });

  test('the check itself catches the known cases (a form without the honorific style word)', () => {
    const fr = CASES.find((c) => c.label === 'fr zh diplomatic named')!;
    expect(disagreements({ ...fr, a: { ...fr.a, salutation: '尊敬的张伟总统：' } })).toEqual([
      "salutation '尊敬的张伟总统：' has [], honorific '阁下' [阁下]",
    ]);
    const frOpen = CASES.find((c) => c.label === 'fr zh open-letter named')!;
    expect(disagreements({ ...frOpen, a: { ...frOpen.a, vocative: '张伟总统阁下：' } })).toEqual([
      "open-letter vocative '张伟总统阁下：' names a style",
    ]);
    const th = CASES.find((c) => c.label === 'th ko open-letter title-only')!;
    expect(disagreements({ ...th, a: { ...th.a, salutation: '태국 국왕 폐하' } })).toEqual([
      "salutation '태국 국왕 폐하' lacks 께",
    ]);
  });
});

// Exact strings, one office per kind of §1.4 and §5 (title-only unless the directory has the holder's name).
describe('exact forms per kind of office', () => {
  const form = (id: string, lang: string, register: Register, name?: string) => {
    const office = allOffices().find((o) => o.id === id)!;
    return addressee({
      id,
      office,
      lang,
      register,
      strings: stringsFor(lang),
      ...(name ? { name } : { date: BEFORE_ANY_HOLDER }),
    });
  };
  test.each([
    // [id, lang, register, name, salutation, vocative, honorific, address]
    [
      'fr',
      'zh',
      'open-letter',
      '马克龙',
      '尊敬的马克龙总统：',
      '马克龙总统：',
      '阁下',
      '法兰西共和国总统 / 马克龙阁下',
    ],
    [
      'un',
      'zh',
      'open-letter',
      '古特雷斯',
      '尊敬的古特雷斯秘书长：',
      '古特雷斯秘书长：',
      '阁下',
      '联合国秘书长 / 古特雷斯阁下',
    ],
    ['kr', 'zh', 'open-letter', '', '尊敬的大韩民国总统阁下：', '总统阁下：', '阁下', '大韩民国总统阁下'],
    ['gb/government', 'zh', 'open-letter', '', '尊敬的英国首相阁下：', '首相阁下：', '阁下', '英国首相阁下'],
    ['ca', 'zh', 'open-letter', '', '尊敬的加拿大总督阁下：', '总督阁下：', '阁下', '加拿大总督阁下'],
    ['th', 'zh', 'open-letter', '', '尊敬的泰王国国王陛下：', '国王陛下：', '陛下', '泰王国国王陛下'],
    ['qa', 'zh', 'open-letter', '', '尊敬的卡塔尔埃米尔殿下：', '埃米尔殿下：', '殿下', '卡塔尔埃米尔殿下'],
    ['us', 'zh', 'open-letter', '', '尊敬的美利坚合众国总统：', '总统：', '总统', '美利坚合众国总统'],
    [
      'ad',
      'zh',
      'open-letter',
      '',
      '尊敬的安道尔二位共治大公阁下：',
      '二位共治大公阁下：',
      '二位阁下',
      '安道尔共治大公阁下',
    ],
    ['th', 'ko', 'open-letter', '', '태국 국왕 폐하께', '국왕 폐하,', '국왕 폐하', '태국 국왕 폐하'],
    ['th', 'ko', 'diplomatic', '', '태국 국왕 폐하', '국왕 폐하,', '국왕 폐하', '태국 국왕 폐하'],
    ['om', 'ko', 'open-letter', '', '오만 국왕 폐하께', '국왕 폐하,', '국왕 폐하', '오만 국왕 폐하'],
    ['kw', 'ko', 'open-letter', '', '쿠웨이트 국왕 전하께', '국왕 전하,', '국왕 전하', '쿠웨이트 국왕 전하'],
    [
      'va',
      'ko',
      'open-letter',
      '레오 14세',
      '교황 레오 14세 성하께',
      '교황 성하,',
      '교황 성하',
      '교황 레오 14세 성하',
    ],
    [
      'va',
      'ko',
      'diplomatic',
      '레오 14세',
      '교황 레오 14세 성하',
      '교황 성하,',
      '교황 성하',
      '교황 레오 14세 성하',
    ],
    // The ROK's own President is 님 in both registers (no-gakha, protocol.md §1.2): test/directory/no-gakha.test.ts.
    [
      'ru',
      'ko',
      'diplomatic',
      '',
      '러시아연방 대통령 각하',
      '대통령 각하,',
      '대통령 각하',
      '러시아연방 대통령 각하',
    ],
    [
      'fr',
      'ko',
      'open-letter',
      '에마뉘엘 마크롱',
      '에마뉘엘 마크롱 대통령님께',
      '에마뉘엘 마크롱 대통령님,',
      '대통령님',
      '프랑스 공화국 대통령 / 에마뉘엘 마크롱 귀하',
    ],
    [
      'ae',
      'en',
      'open-letter',
      '',
      'Your Highness,',
      'Your Highness,',
      'Your Highness',
      'H.H. the President of the United Arab Emirates',
    ],
    [
      'ws',
      'en',
      'open-letter',
      'Tuimalealiʻifano Vaʻaletoa Sualauvi II',
      'Your Highness,',
      'Your Highness,',
      'Your Highness',
      'H.H. Tuimalealiʻifano Vaʻaletoa Sualauvi II / O le Ao o le Malo (Head of State) of the Independent State of Samoa',
    ],
    [
      'ca',
      'en',
      'open-letter',
      '',
      'Dear Governor General,',
      'Your Excellency,',
      'Your Excellency',
      'H.E. the Governor General of Canada',
    ],
  ] as const)('%s %s %s %s', (id, lang, register, name, salutation, vocative, honorific, address) => {
    const a = form(id, lang, register, name);
    expect([a.salutation, a.vocative, a.honorific, a.addressLines.join(' / ')]).toEqual([
      salutation,
      vocative,
      honorific,
      address,
    ]);
  });
});
