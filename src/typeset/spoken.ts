/** The language a screen reader should read each character in: a span's own language, else decided by the script. */

import { isCjkLanguage, type Lang } from '../model/index.js';
import { HAN, HANGUL, isCombiningMark, KANA, LATIN } from '../unicode/index.js';
import { isAsciiLetter, isHangulSyllable, isUnifiedIdeograph } from './segment/classes.js';

/** The language each script that names one is read in, inside a letter in one language (see `scriptLang`). */
interface ScriptLangs {
  readonly hangul: Lang;
  readonly kana: Lang;
  readonly han: Lang;
  readonly latin: Lang;
}

/**
 * The language each script says its characters are in, inside a letter in `docLang`. A Latin name inside a Korean
 * letter reads as English and a Chinese title inside an English letter as Chinese: guesses, but the voice a reader
 * picks for them is right, while the letter's own voice would spell them out or skip them.
 */
function scriptLangs(docLang: Lang): ScriptLangs {
  const cjk = isCjkLanguage(docLang);
  return {
    hangul: docLang.startsWith('ko') ? docLang : 'ko',
    kana: docLang.startsWith('ja') ? docLang : 'ja',
    han: cjk ? docLang : 'zh',
    latin: cjk ? 'en' : docLang,
  };
}

/**
 * The language a character's script says it is in; `undefined` for characters every script shares (digits,
 * punctuation, spaces), which take the language around them. ASCII, the CJK Unified Ideographs block and the Hangul
 * syllables (each wholly of one script: test/typeset/spoken.test.ts) are answered without searching the sets.
 */
function scriptLang(cp: number, langs: ScriptLangs): Lang | undefined {
  if (cp < 0x80) return isAsciiLetter(cp) ? langs.latin : undefined;
  if (isUnifiedIdeograph(cp)) return langs.han;
  if (isHangulSyllable(cp)) return langs.hangul;
  if (HANGUL.has(cp)) return langs.hangul;
  if (KANA.has(cp)) return langs.kana;
  if (HAN.has(cp)) return langs.han;
  if (LATIN.has(cp)) return langs.latin;
  return undefined;
}

/**
 * The spoken language of each code point of `text`. With `spanLang` (a `:span[…]{lang=…}` from the author) every
 * character is in that language. Otherwise shared characters between two characters of one language join them
 * ("Crossing NK", an e-mail address), and fall back to the letter's language at a boundary between two.
 */
export function spokenLangs(text: string, docLang: Lang, spanLang?: Lang): Lang[] {
  const out: Lang[] = [];
  const langs = spanLang ? undefined : scriptLangs(docLang);
  // Shared characters wait (from `shared` on in `out`) for the next known language to decide theirs.
  let shared = -1;
  let before: Lang | undefined;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    // A combining mark belongs to the letter before it (Unicode's Inherited script): 'Zoë' written e + U+0308 before
    // a Han character was cut into two runs at the mark, which was then shaped apart from its letter.
    const inherited = shared < 0 && before !== undefined && isCombiningMark(cp);
    const known = langs ? (inherited ? before : scriptLang(cp, langs)) : spanLang;
    if (known === undefined) {
      if (shared < 0) shared = out.length;
      out.push(docLang);
      continue;
    }
    if (shared >= 0) {
      const lang = before === undefined || before === known ? known : docLang;
      for (let k = shared; k < out.length; k++) out[k] = lang;
      shared = -1;
    }
    out.push(known);
    before = known;
  }
  if (shared >= 0 && before !== undefined) for (let k = shared; k < out.length; k++) out[k] = before;
  return out;
}
