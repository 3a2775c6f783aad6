/**
 * A King's office held by a woman (a letter that gives `gender: female`, as one to Queen Margrethe II of Denmark or
 * Queen Elizabeth II dated before 2022 must) is a Queen's: title, short title and every form built on them, in every
 * language the tool has, from the language's own `kinds.queen` words. It printed "Her Majesty King Margrethe II / King
 * of Denmark", "마르그레테 2세 국왕 폐하께", "尊敬的丹麦国王玛格丽特二世陛下：".
 */

import { describe, expect, test } from 'vitest';
import { addressee, allOffices } from '../../src/directory/index.js';
import type { Office } from '../../src/directory/index.js';
import { STRINGS } from './helpers.js';

const LANGS = Object.keys(STRINGS);
const kings = allOffices().filter((o) => o.kind === 'king');
const DAY = new Date('2020-01-01T00:00:00Z');

/**
 * The word alone, not inside another ("King" is not in "United Kingdom", nor ملك in المملكة); Han and Hangul words
 * (国王, 국왕) are written without spaces, so anywhere.
 */
const asWord = (word: string) =>
  /[\p{Script=Han}\p{Script=Hangul}]/u.test(word)
    ? new RegExp(word, 'u')
    : new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'u');

const forms = (office: Office, lang: string, gender?: 'female') =>
  addressee({
    id: office.id,
    office,
    lang,
    register: 'open-letter',
    strings: STRINGS[lang]!,
    name: 'Margrethe II',
    date: DAY,
    ...(gender ? { gender } : {}),
  });

describe("a King's office held by a woman", () => {
  test.each(LANGS)('%s: every such office gets the Queen words of the language', (lang) => {
    const queen = STRINGS[lang]!('kinds.queen.shortTitle')!;
    const king = STRINGS[lang]!('kinds.king.shortTitle')!;
    for (const office of kings) {
      const her = forms(office, lang, 'female');
      const his = forms(office, lang);
      // Malaysia's Yang di-Pertuan Agong (最高元首) is the office's own title, no King's: it stays.
      if (his.shortTitle === king) expect(her.shortTitle, `${office.id} ${lang}`).toBe(queen);
      else expect(her.shortTitle, `${office.id} ${lang}`).toBe(his.shortTitle);
      for (const text of [her.title, her.salutation, her.vocative, her.honorific, ...her.addressLines])
        expect(text, `${office.id} ${lang}`).not.toMatch(asWord(king));
    }
  });

  test('the letter reads as to a Queen in en, ko and zh', () => {
    const dk = kings.find((o) => o.id === 'dk')!;
    const gb = kings.find((o) => o.id === 'gb')!;
    expect(forms(dk, 'en', 'female').addressLines).toEqual([
      'Her Majesty Queen Margrethe II',
      'Queen of Denmark',
    ]);
    expect(forms(gb, 'en', 'female').title).toBe(
      'Queen of the United Kingdom of Great Britain and Northern Ireland',
    );
    expect(forms(dk, 'ko', 'female').salutation).toBe('Margrethe II 여왕 폐하께');
    expect(forms(gb, 'zh', 'female').salutation).toBe(
      '尊敬的大不列颠及北爱尔兰联合王国女王Margrethe II陛下：',
    );
    // Without a stated gender the office's own (a King's) forms stay.
    expect(forms(dk, 'en').addressLines).toEqual(['His Majesty King Margrethe II', 'King of Denmark']);
  });
});
