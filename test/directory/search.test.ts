/** findRecipients: by id, by ICU country name in en/ko/zh, by office title in any language; best match first. */

import { describe, expect, test } from 'vitest';
import { findRecipients } from '../../src/directory/index.js';

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
  ])('%s finds %s first', (query, id) => {
    expect(ids(query)[0]).toBe(id);
  });

  test('the head of state comes before the head of government of the same country', () => {
    expect(ids('france').slice(0, 2)).toEqual(['fr', 'fr/government']);
    expect(ids('중국').slice(0, 2)).toEqual(['cn', 'cn/government']);
  });

  test('results are described in the language asked for', () => {
    const [cn] = findRecipients('中国', { lang: 'zh' });
    expect(cn).toEqual({ id: 'cn', title: '中华人民共和国主席', country: '中国', holder: '习近平' });
    const [fr] = findRecipients('france', { lang: 'ko' });
    expect(fr).toEqual({ id: 'fr', title: '프랑스 공화국 대통령', country: '프랑스' });
  });

  test("a project's own recipients are searched too", () => {
    const extra = [{ id: 'xi', names: { en: 'Xi Jinping', ko: '시진핑', zh: '习近平' } }];
    expect(findRecipients('시진핑', { extra, lang: 'ko' })[0]).toEqual({ id: 'xi', title: '시진핑', holder: '시진핑' });
    expect(ids('xi', { extra })[0]).toBe('xi');
  });

  test('nothing for an empty query or nonsense', () => {
    expect(findRecipients('   ')).toEqual([]);
    expect(findRecipients('zzqqxx')).toEqual([]);
  });
});
