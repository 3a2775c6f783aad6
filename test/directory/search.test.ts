/** findRecipients: by id, by ICU country name in en/ko/zh, by office title in any language; best match first. */

import { describe, expect, test } from 'vitest';
import { allOffices, findRecipients, listRecipients } from '../../src/directory/index.js';

const ids = (q: string, opts = {}) => findRecipients(q, opts).map((m) => m.id);

describe('findRecipients', () => {
  test.each([
    ['중국', 'cn'],
    ['法国', 'fr'],
    ['france', 'fr'],
    ['China', 'cn'],
    ['cn', 'cn'],
    ['pope', 'va'],
    ['교황', 'va'],
    ['教宗', 'va'],
    ['북한', 'kp'],
    ['朝鲜', 'kp'],
    ['대한민국', 'kr'],
    ['유엔', 'un'],
    ['联合国秘书长', 'un'],
    ['Thailand', 'th'],
    ['cote d’ivoire', 'ci'],
    ['  FRANCE ', 'fr'],
    ['Prime Minister of Japan', 'jp/government'],
    ['us/government', 'us'],
    // The Holy See is the seat's name at the UN; ICU knows only the city state (Vatican City, 바티칸 시국, 梵蒂冈).
    ['holy see', 'va'],
    ['Holy', 'va'],
    ['교황청', 'va'],
    ['教廷', 'va'],
    ['vatican', 'va'],
    // Holders' names, in every language the directory has them.
    ['시진핑', 'cn'],
    ['习近平', 'cn'],
    ['Xi Jinping', 'cn'],
    ['Jinping', 'cn'],
    ['xi', 'cn'],
    ['guterres', 'un'],
    ['von der leyen', 'eu/commission'],
    // A country with a title, with or without a space.
    ['法国总统', 'fr'],
    ['President of France', 'fr'],
    ['일본 총리', 'jp/government'],
  ])('%s finds %s first', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  test('the head of state comes before the head of government of the same country', () => {
    expect(ids('france').slice(0, 2)).toEqual(['fr', 'fr/government']);
    expect(ids('중국').slice(0, 2)).toEqual(['cn', 'cn/government']);
  });

  test('results are described in the language asked for', () => {
    const [cn] = findRecipients('中国', { lang: 'zh' });
    expect(cn).toMatchObject({
      id: 'cn',
      title: '中华人民共和国主席',
      country: '中国',
      holder: '习近平',
      from: '2013-03-14',
    });
    const [fr] = findRecipients('france', { lang: 'ko' });
    expect(fr).toMatchObject({
      id: 'fr',
      title: '프랑스 공화국 대통령',
      country: '프랑스',
      holder: '에마뉘엘 마크롱',
    });
  });

  test("a project's own recipients are searched too", () => {
    const extra = [{ id: 'xi', names: { en: 'Xi Jinping', ko: '시진핑', zh: '习近平' } }];
    expect(findRecipients('시진핑', { extra, lang: 'ko' })[0]).toEqual({
      id: 'xi',
      title: '시진핑',
      holder: '시진핑',
    });
    expect(ids('xi', { extra })[0]).toBe('xi');
  });

  test('중국 is China, not the United States (미합중국) whose name holds it by accident', () => {
    expect(ids('중국')).toEqual(['cn', 'cn/government']);
    expect(ids('China')).toEqual(['cn', 'cn/government']);
  });

  test('a match inside a word counts only when nothing better matches', () => {
    // xi is inside Mexico: no match beside Xi Jinping.
    expect(ids('xi')).not.toContain('mx');
    // 합중국 and 合众国 are only ever inside a name.
    expect(ids('합중국')).toEqual(['us']);
    expect(ids('合众国')).toEqual(['us']);
  });

  test('a whole name comes before a prefix, a prefix before a word inside a name', () => {
    // "korea" is a word of South Korea and North Korea; "kor" begins words only.
    expect(ids('korea').slice(0, 2).sort()).toEqual(['kp', 'kr']);
    // Guinea itself, then the name beginning with it (Guinea-Bissau), then those with it as a word (Equatorial Guinea, Papua New Guinea).
    const guinea = ids('guinea');
    expect(guinea[0]).toBe('gn');
    expect(guinea.indexOf('gn')).toBeLessThan(guinea.indexOf('gw'));
    for (const later of ['gq', 'pg']) expect(guinea.indexOf('gw')).toBeLessThan(guinea.indexOf(later));
  });

  test("a project recipient holding an office is found by the office's names and described by its title", () => {
    const extra = [{ id: 'moon', office: 'kr', names: { en: 'Moon Jae-in', ko: '문재인', zh: '文在寅' } }];
    expect(
      findRecipients('korea', { extra })
        .map((m) => m.id)
        .slice(0, 1),
    ).toEqual(['moon']);
    expect(findRecipients('문재인', { extra, lang: 'ko' })).toEqual([
      { id: 'moon', title: '대한민국 대통령', country: '대한민국', holder: '문재인' },
    ]);
    // The directory's holder of kr is not this recipient's name.
    expect(findRecipients('이재명', { extra }).map((m) => m.id)).toEqual(['kr']);
  });

  test('listRecipients: the project recipients first, then every office, described as search hits are', () => {
    const extra = [{ id: 'ngo', names: { en: 'Jane Doe' }, titles: { en: 'Director, Some NGO' } }];
    const all = listRecipients({ extra, lang: 'zh' });
    expect(all).toHaveLength(allOffices().length + 1);
    expect(all[0]).toEqual({ id: 'ngo', title: 'Director, Some NGO', holder: 'Jane Doe' });
    expect(all.map((m) => m.id).slice(1)).toEqual(allOffices().map((o) => o.id));
    expect(all.find((m) => m.id === 'cn')).toEqual(findRecipients('cn', { lang: 'zh' })[0]);
  });

  test('nothing for an empty query or nonsense', () => {
    expect(findRecipients('   ')).toEqual([]);
    expect(findRecipients('zzqqxx')).toEqual([]);
  });
});
