/**
 * The offices of protocol.md §5, in en/ko/zh and both registers: title, salutation and close exactly as §5 and §1 give them.
 * zh: the open letter's 尊敬的习近平主席： (protocol.md §1.3, the seed letter), the diplomatic 尊敬的…阁下： (§5); ko: the open letter's first line takes 께 (§1.2),
 * the diplomatic one is the bare style (대통령 각하, 국왕 폐하, 교황 … 성하: §1.4).
 */

import { describe, expect, test } from 'vitest';
import { addressee, lookupOffice } from '../../src/directory/index.js';
import { SAMPLE_NAME, stringsFor } from './helpers.js';

// Closes from protocol.md §1.1 (en), §1.2 (ko: a closing wish; diplomatic: 최고의 경의), §1.3 (zh).
const EN_OPEN = ['Yours sincerely,'];
const EN_DIPL = ['Please accept, Excellency, the assurances of my highest consideration.'];
const EN_MAJESTY_OPEN = ['I have the honour to remain,', "Your Majesty's obedient servant"];
const EN_MAJESTY_DIPL = ['Please accept, Your Majesty, the assurances of my highest consideration.'];
const KO_DIPL = ['각하께 최고의 경의를 표합니다.'];
const ko_open = (shortTitle: string) => [`${shortTitle}님의 건강과 평안을 기원합니다.`];
const ZH_OPEN = ['此致', '敬礼！'];
const ZH_DIPL = ['顺致最崇高的敬意。'];

interface Row {
  id: string;
  lang: 'en' | 'ko' | 'zh';
  title: string;
  /** [salutation, close] in the open-letter register, then in the diplomatic one. */
  open: [string, string[]];
  dipl: [string, string[]];
}

// Where the directory has a holder in that language it is used; otherwise the letter gives SAMPLE_NAME
// (Alex Morgan / 홍길동 / 张伟), as §5's "○○○" placeholders stand for.
const ROWS: Row[] = [
  {
    id: 'cn',
    lang: 'en',
    title: "President of the People's Republic of China",
    open: ['Dear President Xi,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'cn',
    lang: 'ko',
    title: '중화인민공화국 주석',
    open: ['존경하는 시진핑 주석님께', ko_open('주석')],
    dipl: ['시진핑 주석 각하', KO_DIPL],
  },
  {
    id: 'cn',
    lang: 'zh',
    title: '中华人民共和国主席',
    open: ['尊敬的习近平主席：', ZH_OPEN],
    dipl: ['尊敬的习近平主席阁下：', ZH_DIPL],
  },
  {
    id: 'kp',
    lang: 'en',
    title: "President of the State Affairs of the Democratic People's Republic of Korea",
    open: ['Dear President Kim,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'kp',
    lang: 'ko',
    title: '조선민주주의인민공화국 국무위원장',
    open: ['김정은 국무위원장님께', ko_open('국무위원장')],
    dipl: ['김정은 국무위원장 각하', KO_DIPL],
  },
  {
    id: 'kp',
    lang: 'zh',
    title: '朝鲜民主主义人民共和国国务委员长',
    open: ['尊敬的金正恩国务委员长：', ZH_OPEN],
    dipl: ['尊敬的金正恩国务委员长阁下：', ZH_DIPL],
  },
  {
    id: 'kr',
    lang: 'en',
    title: 'President of the Republic of Korea',
    open: ['Dear President Lee,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'kr',
    lang: 'ko',
    title: '대한민국 대통령',
    open: ['존경하는 이재명 대통령님께', ko_open('대통령')],
    dipl: ['이재명 대통령님', ['대통령님께 최고의 경의를 표합니다.']],
  },
  {
    id: 'kr',
    lang: 'zh',
    title: '大韩民国总统',
    open: ['尊敬的李在明总统：', ZH_OPEN],
    dipl: ['尊敬的李在明总统阁下：', ZH_DIPL],
  },
  {
    id: 'us',
    lang: 'en',
    title: 'President of the United States of America',
    open: ['Dear President Morgan:', EN_OPEN],
    dipl: ['Dear President Morgan:', EN_DIPL],
  },
  {
    id: 'us',
    lang: 'ko',
    title: '미합중국 대통령',
    open: ['홍길동 대통령님께', ko_open('대통령')],
    dipl: ['홍길동 대통령 각하', KO_DIPL],
  },
  {
    id: 'us',
    lang: 'zh',
    title: '美利坚合众国总统',
    open: ['尊敬的张伟总统：', ZH_OPEN],
    dipl: ['尊敬的张伟总统：', ZH_DIPL],
  },
  {
    id: 'jp',
    lang: 'en',
    title: 'Emperor of Japan',
    open: ['Your Majesty,', EN_MAJESTY_OPEN],
    dipl: ['Your Majesty,', EN_MAJESTY_DIPL],
  },
  {
    id: 'jp',
    lang: 'ko',
    title: '일본국 천황',
    open: ['홍길동 천황 폐하께', ['폐하의 건강과 평안을 기원합니다.']],
    dipl: ['홍길동 천황 폐하', ['폐하께 최고의 경의를 표합니다.']],
  },
  {
    id: 'jp',
    lang: 'zh',
    title: '日本国天皇',
    open: ['尊敬的日本国天皇张伟陛下：', ZH_OPEN],
    dipl: ['尊敬的日本国天皇张伟陛下：', ZH_DIPL],
  },
  {
    id: 'jp/government',
    lang: 'en',
    title: 'Prime Minister of Japan',
    open: ['Dear Prime Minister,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'jp/government',
    lang: 'ko',
    title: '일본 총리',
    open: ['홍길동 총리님께', ko_open('총리')],
    dipl: ['홍길동 총리 각하', KO_DIPL],
  },
  {
    id: 'jp/government',
    lang: 'zh',
    title: '日本国首相',
    open: ['尊敬的张伟首相：', ZH_OPEN],
    dipl: ['尊敬的张伟首相阁下：', ZH_DIPL],
  },
  {
    id: 'ru',
    lang: 'en',
    title: 'President of the Russian Federation',
    open: ['Dear President Morgan,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'ru',
    lang: 'ko',
    title: '러시아연방 대통령',
    open: ['홍길동 대통령님께', ko_open('대통령')],
    dipl: ['홍길동 대통령 각하', KO_DIPL],
  },
  {
    id: 'ru',
    lang: 'zh',
    title: '俄罗斯联邦总统',
    open: ['尊敬的张伟总统：', ZH_OPEN],
    dipl: ['尊敬的张伟总统阁下：', ZH_DIPL],
  },
  {
    id: 'gb',
    lang: 'en',
    title: 'King of the United Kingdom of Great Britain and Northern Ireland',
    open: ['Your Majesty,', EN_MAJESTY_OPEN],
    dipl: ['May it please Your Majesty,', EN_MAJESTY_DIPL],
  },
  {
    id: 'gb',
    lang: 'ko',
    title: '영국 국왕',
    open: ['홍길동 국왕 폐하께', ['폐하의 건강과 평안을 기원합니다.']],
    dipl: ['홍길동 국왕 폐하', ['폐하께 최고의 경의를 표합니다.']],
  },
  {
    id: 'gb',
    lang: 'zh',
    title: '大不列颠及北爱尔兰联合王国国王',
    open: ['尊敬的大不列颠及北爱尔兰联合王国国王张伟陛下：', ZH_OPEN],
    dipl: ['尊敬的大不列颠及北爱尔兰联合王国国王张伟陛下：', ZH_DIPL],
  },
  {
    id: 'gb/government',
    lang: 'en',
    title: 'Prime Minister of the United Kingdom',
    open: ['Dear Prime Minister,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'gb/government',
    lang: 'ko',
    title: '영국 총리',
    open: ['홍길동 총리님께', ko_open('총리')],
    dipl: ['홍길동 총리 각하', KO_DIPL],
  },
  {
    id: 'gb/government',
    lang: 'zh',
    title: '英国首相',
    open: ['尊敬的张伟首相：', ZH_OPEN],
    dipl: ['尊敬的张伟首相阁下：', ZH_DIPL],
  },
  {
    id: 'fr',
    lang: 'en',
    title: 'President of the French Republic',
    open: ['Dear President Morgan,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'fr',
    lang: 'ko',
    title: '프랑스 공화국 대통령',
    open: ['홍길동 대통령님께', ko_open('대통령')],
    dipl: ['홍길동 대통령 각하', KO_DIPL],
  },
  {
    id: 'fr',
    lang: 'zh',
    title: '法兰西共和国总统',
    open: ['尊敬的张伟总统：', ZH_OPEN],
    dipl: ['尊敬的张伟总统阁下：', ZH_DIPL],
  },
  {
    id: 'de',
    lang: 'en',
    title: 'Federal President of the Federal Republic of Germany',
    open: ['Dear Federal President Morgan,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'de',
    lang: 'ko',
    title: '독일 연방대통령',
    open: ['홍길동 대통령님께', ko_open('대통령')],
    dipl: ['홍길동 대통령 각하', KO_DIPL],
  },
  {
    id: 'de',
    lang: 'zh',
    title: '德意志联邦共和国总统',
    open: ['尊敬的张伟总统：', ZH_OPEN],
    dipl: ['尊敬的张伟总统：', ZH_DIPL],
  },
  {
    id: 'de/government',
    lang: 'en',
    title: 'Federal Chancellor of the Federal Republic of Germany',
    open: ['Dear Federal Chancellor Morgan,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'de/government',
    lang: 'ko',
    title: '독일 연방총리',
    open: ['홍길동 총리님께', ko_open('총리')],
    dipl: ['홍길동 총리 각하', KO_DIPL],
  },
  {
    id: 'de/government',
    lang: 'zh',
    title: '德国联邦总理',
    open: ['尊敬的张伟总理：', ZH_OPEN],
    dipl: ['尊敬的张伟总理：', ZH_DIPL],
  },
  {
    id: 'ca',
    lang: 'en',
    title: 'Governor General of Canada',
    open: ['Dear Governor General,', EN_OPEN],
    dipl: [
      'Your Excellency,',
      ['Please accept, Your Excellency, the assurances of my highest consideration.'],
    ],
  },
  {
    id: 'ca',
    lang: 'ko',
    title: '캐나다 총독',
    open: ['홍길동 총독님께', ko_open('총독')],
    dipl: ['홍길동 총독 각하', KO_DIPL],
  },
  {
    id: 'ca',
    lang: 'zh',
    title: '加拿大总督',
    open: ['尊敬的张伟总督：', ZH_OPEN],
    dipl: ['尊敬的张伟总督阁下：', ZH_DIPL],
  },
  {
    id: 'ca/government',
    lang: 'en',
    title: 'Prime Minister of Canada',
    open: ['Dear Prime Minister,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'ca/government',
    lang: 'ko',
    title: '캐나다 총리',
    open: ['홍길동 총리님께', ko_open('총리')],
    dipl: ['홍길동 총리 각하', KO_DIPL],
  },
  {
    id: 'ca/government',
    lang: 'zh',
    title: '加拿大总理',
    open: ['尊敬的张伟总理：', ZH_OPEN],
    dipl: ['尊敬的张伟总理阁下：', ZH_DIPL],
  },
  {
    id: 'mn',
    lang: 'en',
    title: 'President of Mongolia',
    open: ['Dear President Morgan,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'mn',
    lang: 'ko',
    title: '몽골 대통령',
    open: ['홍길동 대통령님께', ko_open('대통령')],
    dipl: ['홍길동 대통령 각하', KO_DIPL],
  },
  {
    id: 'mn',
    lang: 'zh',
    title: '蒙古国总统',
    open: ['尊敬的张伟总统：', ZH_OPEN],
    dipl: ['尊敬的张伟总统阁下：', ZH_DIPL],
  },
  {
    id: 'vn',
    lang: 'en',
    title: 'President of the Socialist Republic of Viet Nam',
    open: ['Dear President Morgan,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'vn',
    lang: 'ko',
    title: '베트남 사회주의공화국 주석',
    open: ['홍길동 주석님께', ko_open('주석')],
    dipl: ['홍길동 주석 각하', KO_DIPL],
  },
  {
    id: 'vn',
    lang: 'zh',
    title: '越南社会主义共和国主席',
    open: ['尊敬的张伟主席：', ZH_OPEN],
    dipl: ['尊敬的张伟主席阁下：', ZH_DIPL],
  },
  {
    id: 'la',
    lang: 'en',
    title: "President of the Lao People's Democratic Republic",
    open: ['Dear President Morgan,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'la',
    lang: 'ko',
    title: '라오스 인민민주공화국 주석',
    open: ['홍길동 주석님께', ko_open('주석')],
    dipl: ['홍길동 주석 각하', KO_DIPL],
  },
  {
    id: 'la',
    lang: 'zh',
    title: '老挝人民民主共和国主席',
    open: ['尊敬的张伟主席：', ZH_OPEN],
    dipl: ['尊敬的张伟主席阁下：', ZH_DIPL],
  },
  {
    id: 'th',
    lang: 'en',
    title: 'King of Thailand',
    open: ['Your Majesty,', EN_MAJESTY_OPEN],
    dipl: ['Your Majesty,', EN_MAJESTY_DIPL],
  },
  {
    id: 'th',
    lang: 'ko',
    title: '태국 국왕',
    open: ['홍길동 국왕 폐하께', ['폐하의 건강과 평안을 기원합니다.']],
    dipl: ['홍길동 국왕 폐하', ['폐하께 최고의 경의를 표합니다.']],
  },
  {
    id: 'th',
    lang: 'zh',
    title: '泰王国国王',
    open: ['尊敬的泰王国国王张伟陛下：', ZH_OPEN],
    dipl: ['尊敬的泰王国国王张伟陛下：', ZH_DIPL],
  },
  {
    id: 'un',
    lang: 'en',
    title: 'Secretary-General of the United Nations',
    open: ['Dear Secretary-General,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'un',
    lang: 'ko',
    title: '국제연합 사무총장',
    open: ['홍길동 사무총장님께', ko_open('사무총장')],
    dipl: ['홍길동 사무총장 각하', KO_DIPL],
  },
  {
    id: 'un',
    lang: 'zh',
    title: '联合国秘书长',
    open: ['尊敬的张伟秘书长：', ZH_OPEN],
    dipl: ['尊敬的张伟秘书长阁下：', ZH_DIPL],
  },
  {
    id: 'eu/council',
    lang: 'en',
    title: 'President of the European Council',
    open: ['Dear President Costa,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'eu/council',
    lang: 'ko',
    title: '유럽이사회 상임의장',
    open: ['홍길동 의장님께', ko_open('의장')],
    dipl: ['홍길동 의장 각하', KO_DIPL],
  },
  {
    id: 'eu/council',
    lang: 'zh',
    title: '欧洲理事会主席',
    open: ['尊敬的张伟主席：', ZH_OPEN],
    dipl: ['尊敬的张伟主席阁下：', ZH_DIPL],
  },
  {
    id: 'eu/commission',
    lang: 'en',
    title: 'President of the European Commission',
    open: ['Dear President von der Leyen,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'eu/commission',
    lang: 'ko',
    title: '유럽연합 집행위원장',
    open: ['홍길동 위원장님께', ko_open('위원장')],
    dipl: ['홍길동 위원장 각하', KO_DIPL],
  },
  {
    id: 'eu/commission',
    lang: 'zh',
    title: '欧盟委员会主席',
    open: ['尊敬的张伟主席：', ZH_OPEN],
    dipl: ['尊敬的张伟主席阁下：', ZH_DIPL],
  },
  {
    id: 'au',
    lang: 'en',
    title: 'Governor-General of the Commonwealth of Australia',
    open: ['Dear Governor-General,', EN_OPEN],
    dipl: [
      'Your Excellency,',
      ['Please accept, Your Excellency, the assurances of my highest consideration.'],
    ],
  },
  {
    id: 'au',
    lang: 'ko',
    title: '오스트레일리아 연방 총독',
    open: ['홍길동 총독님께', ko_open('총독')],
    dipl: ['홍길동 총독 각하', KO_DIPL],
  },
  {
    id: 'au',
    lang: 'zh',
    title: '澳大利亚联邦总督',
    open: ['尊敬的张伟总督：', ZH_OPEN],
    dipl: ['尊敬的张伟总督阁下：', ZH_DIPL],
  },
  {
    id: 'au/government',
    lang: 'en',
    title: 'Prime Minister of Australia',
    open: ['Dear Prime Minister,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'au/government',
    lang: 'ko',
    title: '호주 총리',
    open: ['홍길동 총리님께', ko_open('총리')],
    dipl: ['홍길동 총리 각하', KO_DIPL],
  },
  {
    id: 'au/government',
    lang: 'zh',
    title: '澳大利亚总理',
    open: ['尊敬的张伟总理：', ZH_OPEN],
    dipl: ['尊敬的张伟总理阁下：', ZH_DIPL],
  },
  {
    id: 'in',
    lang: 'en',
    title: 'President of India',
    open: ['Dear President Morgan,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'in',
    lang: 'ko',
    title: '인도 대통령',
    open: ['홍길동 대통령님께', ko_open('대통령')],
    dipl: ['홍길동 대통령 각하', KO_DIPL],
  },
  {
    id: 'in',
    lang: 'zh',
    title: '印度总统',
    open: ['尊敬的张伟总统：', ZH_OPEN],
    dipl: ['尊敬的张伟总统阁下：', ZH_DIPL],
  },
  {
    id: 'in/government',
    lang: 'en',
    title: 'Prime Minister of India',
    open: ['Dear Prime Minister,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'br',
    lang: 'en',
    title: 'President of the Federative Republic of Brazil',
    open: ['Dear President Morgan,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'br',
    lang: 'ko',
    title: '브라질 연방공화국 대통령',
    open: ['홍길동 대통령님께', ko_open('대통령')],
    dipl: ['홍길동 대통령 각하', KO_DIPL],
  },
  {
    id: 'br',
    lang: 'zh',
    title: '巴西联邦共和国总统',
    open: ['尊敬的张伟总统：', ZH_OPEN],
    dipl: ['尊敬的张伟总统阁下：', ZH_DIPL],
  },
  {
    id: 'za',
    lang: 'en',
    title: 'President of the Republic of South Africa',
    open: ['Dear President Morgan,', EN_OPEN],
    dipl: ['Excellency,', EN_DIPL],
  },
  {
    id: 'za',
    lang: 'ko',
    title: '남아프리카공화국 대통령',
    open: ['홍길동 대통령님께', ko_open('대통령')],
    dipl: ['홍길동 대통령 각하', KO_DIPL],
  },
  {
    id: 'za',
    lang: 'zh',
    title: '南非共和国总统',
    open: ['尊敬的张伟总统：', ZH_OPEN],
    dipl: ['尊敬的张伟总统阁下：', ZH_DIPL],
  },
  {
    id: 'va',
    lang: 'en',
    title: 'Pope',
    open: ['Your Holiness,', ['Very respectfully,']],
    dipl: ['Your Holiness,', ['Please accept, Your Holiness, the assurances of my highest consideration.']],
  },
  {
    id: 'va',
    lang: 'ko',
    title: '교황',
    open: ['교황 레오 14세 성하께', ['성하의 건강과 평안을 기원합니다.']],
    dipl: ['교황 레오 14세 성하', ['성하께 최고의 경의를 표합니다.']],
  },
  {
    id: 'va',
    lang: 'zh',
    title: '教宗',
    open: ['尊敬的教宗良十四世：', ZH_OPEN],
    dipl: ['尊敬的教宗良十四世：', ZH_DIPL],
  },
];

function build(row: Row, register: 'open-letter' | 'diplomatic', extra: { gender?: 'male' | 'female' } = {}) {
  const office = lookupOffice(row.id);
  if (!office) throw new Error(`no office ${row.id}`);
  // The rows were written for protocol.md §5's own holders; every other office gets the sample name.
  const hasHolder =
    ['cn', 'kp', 'kr', 'va', 'eu/council', 'eu/commission'].includes(row.id) &&
    Boolean(office.holders.at(-1)?.name[row.lang]);
  return addressee({
    id: row.id,
    office,
    lang: row.lang,
    register,
    strings: stringsFor(row.lang),
    ...(hasHolder ? {} : { name: SAMPLE_NAME[row.lang] }),
    ...extra,
  });
}

describe('protocol.md §5 offices', () => {
  test('the table covers every §5 entity in all three languages', () => {
    const entities = new Set(ROWS.map((r) => r.id.split('/')[0]));
    expect(entities.size).toBe(21);
    for (const id of new Set(ROWS.map((r) => r.id))) {
      if (id === 'in/government') continue; // §5 gives only the English office for India's PM
      expect(
        ROWS.filter((r) => r.id === id)
          .map((r) => r.lang)
          .sort(),
      ).toEqual(['en', 'ko', 'zh']);
    }
  });

  test.each(ROWS)('$id $lang: title, salutation and close in both registers', (row) => {
    const open = build(row, 'open-letter');
    const dipl = build(row, 'diplomatic');
    expect(open.title).toBe(row.title);
    expect(dipl.title).toBe(row.title);
    expect([open.salutation, [...open.close]]).toEqual(row.open);
    expect([dipl.salutation, [...dipl.close]]).toEqual(row.dipl);
  });

  test('US: "Dear Mr./Madam President:" (the US colon, protocol.md §1.1) and 先生/女士 only when the gender is known', () => {
    const us = ROWS.find((r) => r.id === 'us' && r.lang === 'en')!;
    expect(build(us, 'open-letter', { gender: 'male' }).salutation).toBe('Dear Mr. President:');
    expect(build(us, 'open-letter', { gender: 'female' }).salutation).toBe('Dear Madam President:');
    const usZh = ROWS.find((r) => r.id === 'us' && r.lang === 'zh')!;
    expect(build(usZh, 'diplomatic', { gender: 'male' }).salutation).toBe('尊敬的张伟总统先生：');
    expect(build(usZh, 'open-letter', { gender: 'female' }).salutation).toBe('尊敬的张伟总统女士：');
    const deZh = ROWS.find((r) => r.id === 'de' && r.lang === 'zh')!;
    expect(build(deZh, 'diplomatic', { gender: 'male' }).salutation).toBe('尊敬的张伟总统先生：');
    const de = ROWS.find((r) => r.id === 'de' && r.lang === 'en')!;
    expect(build(de, 'open-letter', { gender: 'female' }).salutation).toBe('Dear Madam Federal President,');
  });

  test('entries §5 marks "(c)" are flagged unverified; sourced ones are not', () => {
    for (const id of ['kp', 'gb', 'de', 'eu/council', 'eu/commission', 'va'])
      expect(lookupOffice(id)!.verified, id).toBe(false);
    for (const id of ['cn', 'kr', 'us', 'jp', 'fr', 'th', 'un', 'ca', 'au', 'in', 'br', 'za'])
      expect(lookupOffice(id)!.verified, id).toBe(true);
    const cn = ROWS.find((r) => r.id === 'cn' && r.lang === 'zh')!;
    expect(build(cn, 'open-letter').verified).toBe(true);
    // The Korean diplomatic close has no source (protocol.md §1.2): the addressee says so.
    const cnKo = ROWS.find((r) => r.id === 'cn' && r.lang === 'ko')!;
    expect(build(cnKo, 'diplomatic').verified).toBe(false);
  });
});
