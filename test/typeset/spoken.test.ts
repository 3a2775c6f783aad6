import { describe, expect, it } from 'vitest';
import { HAN, HANGUL, KANA, LATIN } from '../../src/unicode/index.js';
import { spokenLangs } from '../../src/typeset/spoken.js';

/** The script's language as the sets alone say it, tested in spoken.ts's order, inside a letter in `docLang`. */
function bySets(cp: number, docLang: string): string | undefined {
  const cjk = /^(zh|ja|ko)\b/i.test(docLang);
  if (HANGUL.has(cp)) return docLang.startsWith('ko') ? docLang : 'ko';
  if (KANA.has(cp)) return docLang.startsWith('ja') ? docLang : 'ja';
  if (HAN.has(cp)) return cjk ? docLang : 'zh';
  if (LATIN.has(cp)) return cjk ? 'en' : docLang;
  return undefined;
}

describe('spoken languages', () => {
  it('answers every code point as the script sets do (the blocks it answers without them included)', () => {
    const wrong: string[] = [];
    for (const docLang of ['zh', 'fr']) {
      for (let cp = 0; cp < 0x110000; cp++) {
        if (cp >= 0xd800 && cp <= 0xdfff) continue;
        const [got] = spokenLangs(String.fromCodePoint(cp), docLang);
        if (got !== (bySets(cp, docLang) ?? docLang)) wrong.push(`${docLang} U+${cp.toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives shared characters the language on both sides of them, else the letter’s', () => {
    expect(spokenLangs('Crossing NK', 'ko')).toEqual(Array(11).fill('en'));
    expect(spokenLangs('朝鲜 NK 难民', 'zh')).toEqual([
      ...['zh', 'zh', 'zh'],
      ...['en', 'en'],
      ...['zh', 'zh', 'zh'],
    ]);
    expect(spokenLangs('(한국어), ', 'zh')).toEqual(['ko', 'ko', 'ko', 'ko', 'ko', 'ko', 'ko']);
    expect(spokenLangs('1, 2', 'ko')).toEqual(['ko', 'ko', 'ko', 'ko']);
    expect(spokenLangs('“Hi” 你', 'en')).toEqual(['en', 'en', 'en', 'en', 'en', 'zh']);
  });

  it('gives one language per code point, a span’s own to all of them', () => {
    expect(spokenLangs('𠀀a', 'en')).toEqual(['zh', 'en']);
    expect(spokenLangs('𠀀 한', 'ja', 'fr')).toEqual(['fr', 'fr', 'fr']);
  });
});
