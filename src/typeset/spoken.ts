/** The language a screen reader should read each character in: a span's own language, else decided by the script. */

import { isCjkLanguage, type Lang } from '../model/index.js';
import { HAN, HANGUL, KANA, LATIN } from '../unicode/index.js';

/**
 * The language a character's script says it is in, inside a letter in `docLang`; `undefined` for characters every
 * script shares (digits, punctuation, spaces), which take the language around them. A Latin name inside a Korean
 * letter reads as English and a Chinese title inside an English letter as Chinese: guesses, but the voice a reader
 * picks for them is right, while the letter's own voice would spell them out or skip them.
 */
function scriptLang(cp: number, docLang: Lang): Lang | undefined {
  if (HANGUL.has(cp)) return docLang.startsWith('ko') ? docLang : 'ko';
  if (KANA.has(cp)) return docLang.startsWith('ja') ? docLang : 'ja';
  if (HAN.has(cp)) return isCjkLanguage(docLang) ? docLang : 'zh';
  if (LATIN.has(cp)) return isCjkLanguage(docLang) ? 'en' : docLang;
  return undefined;
}

/**
 * The spoken language of each code point of `text`. With `spanLang` (a `:span[…]{lang=…}` from the author) every
 * character is in that language. Otherwise shared characters between two characters of one language join them
 * ("Crossing NK", an e-mail address), and fall back to the letter's language at a boundary between two.
 */
export function spokenLangs(text: string, docLang: Lang, spanLang?: Lang): Lang[] {
  const chars = [...text];
  if (spanLang) return chars.map(() => spanLang);
  const raw = chars.map((ch) => scriptLang(ch.codePointAt(0)!, docLang));
  const out: Lang[] = new Array<Lang>(chars.length);
  let i = 0;
  while (i < raw.length) {
    const known = raw[i];
    if (known !== undefined) {
      out[i++] = known;
      continue;
    }
    let end = i;
    while (end < raw.length && raw[end] === undefined) end++;
    const before = i > 0 ? raw[i - 1] : undefined;
    const after = end < raw.length ? raw[end] : undefined;
    const joined =
      before === undefined ? after : after === undefined || after === before ? before : undefined;
    const lang = joined ?? docLang;
    for (; i < end; i++) out[i] = lang;
  }
  return out;
}
