/** word/settings.xml: embedded (subset) fonts, East Asian punctuation handling, compatibility mode, theme languages. */

import { el, W_NS, XML_HEAD } from './xml.js';

/** Settings for a document in this locale; written in CT_Settings' schema order. */
export function settingsXml(locale: string, eastAsianLocale: string): string {
  return `${XML_HEAD}${el('w:settings', { 'xmlns:w': W_NS }, [
    // The fonts travel with the file, as subsets: Word must not try to re-embed or edit with them.
    el('w:embedTrueTypeFonts'),
    el('w:saveSubsetFonts'),
    el('w:defaultTabStop', { 'w:val': 720 }),
    // No compression of CJK punctuation by the word processor. The PDF compresses adjacent full-width marks
    // (typeset/break/compress.ts); Word would compress with compressPunctuation, but LibreOffice's DOCX import ignores
    // this setting (writerfilter SettingsTable: `case LN_CT_Settings_characterSpacingControl: break;`), so compressing
    // in Word alone would make the two break the same letter's lines differently.
    el('w:characterSpacingControl', { 'w:val': 'doNotCompress' }),
    el('w:compat', {}, [
      // A line that ends in a manual line break is not justified, as in the PDF (a CJK line spread over the measure
      // reads as letter-spaced). Word and LibreOffice both read it; without it, both stretch such a line.
      el('w:doNotExpandShiftReturn'),
      el('w:compatSetting', {
        'w:name': 'compatibilityMode',
        'w:uri': 'http://schemas.microsoft.com/office/word',
        'w:val': '15',
      }),
    ]),
    // Which languages the theme's fonts are for; Word reads the East Asian one to pick theme fonts for Hangul/Han.
    el('w:themeFontLang', { 'w:val': locale, 'w:eastAsia': eastAsianLocale }),
  ])}`;
}
