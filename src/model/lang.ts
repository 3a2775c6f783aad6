/** Languages as the model knows them: a code, and whether it is set as Chinese, Japanese or Korean. */

/** A language code as used for locale folders: `en`, `ko`, `zh`, or any added later. */
export type Lang = string;

/** Chinese, Japanese and Korean: set with more leading and no italics, and drawn from Word's East Asian font slot. */
export function isCjkLanguage(lang: Lang): boolean {
  return /^(zh|ja|ko)\b/i.test(lang);
}

/**
 * Languages whose paragraphs run right to left (Arabic, Hebrew, Persian, Urdu and their neighbours): the page is
 * mirrored for them (typeset/bidi), and DOCX marks their paragraphs w:bidi.
 */
export function isRightToLeftLanguage(lang: Lang): boolean {
  return /^(ar|he|iw|fa|ur|yi|ps|sd|ug|dv|ckb|syr)\b/i.test(lang);
}
