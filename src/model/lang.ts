/** Languages as the model knows them: a code, and whether it is set as Chinese, Japanese or Korean. */

/** A language code as used for locale folders: `en`, `ko`, `zh`, or any added later. */
export type Lang = string;

/** Chinese, Japanese and Korean: set with more leading and no italics, and drawn from Word's East Asian font slot. */
export function isCjkLanguage(lang: Lang): boolean {
  return /^(zh|ja|ko)\b/i.test(lang);
}

/** Chinese and Japanese: text that may break between any two ideographs or kana, and justifies at every gap. */
export function isChineseOrJapanese(lang: Lang): boolean {
  return /^(zh|ja)\b/i.test(lang);
}

/**
 * Languages whose paragraphs run right to left (Arabic, Hebrew, Persian, Urdu and their neighbours): the page is
 * mirrored for them (typeset/bidi), and DOCX marks their paragraphs w:bidi.
 */
export function isRightToLeftLanguage(lang: Lang): boolean {
  return /^(ar|he|iw|fa|ur|yi|ps|sd|ug|dv|ckb|syr)\b/i.test(lang);
}

// Strong right-to-left letters: Hebrew, Arabic, Syriac, Thaana, NKo … and their presentation forms.
const RIGHT_TO_LEFT_LETTERS =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Whether the text has a letter written right to left (an Arabic name in an English letter has). */
export function hasRightToLeftLetters(text: string): boolean {
  return RIGHT_TO_LEFT_LETTERS.test(text);
}
