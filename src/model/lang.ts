/** Languages as the model knows them: a code, and whether it is set as Chinese, Japanese or Korean. */

/** A language code as used for locale folders: `en`, `ko`, `zh`, or any added later. */
export type Lang = string;

/** Chinese, Japanese and Korean: set with more leading and no italics, and drawn from Word's East Asian font slot. */
export function isCjkLanguage(lang: Lang): boolean {
  return /^(zh|ja|ko)\b/i.test(lang);
}
