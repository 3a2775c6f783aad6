/**
 * Font warnings: a CJK language without a font chain of its own (its Han would be drawn in another language's glyph
 * forms, silently), and a project face whose licence is not noted.
 */

import { problem, type Diagnostic } from '../diag/index.js';
import type { FontBook } from '../fonts/index.js';
import type { Lang } from '../model/index.js';
import { PROJECT_FONTS_FILE } from '../load/index.js';

// Scripts whose glyph forms differ by locale (Han above all): the shared `*` chain cannot be right for all of them.
const LOCALE_SHAPED_SCRIPTS = new Set([
  'Hani',
  'Hans',
  'Hant',
  'Jpan',
  'Kore',
  'Hang',
  'Hira',
  'Kana',
  'Bopo',
]);
const HAN = 0x6f22; // 漢
const HANGUL = 0xd55c; // 한

/**
 * A warning for each language written in a Han-based script (ja, yue, zh-TW…) that neither the tool's fonts.json nor
 * the project's gives a chain of its own: it falls back to the `*` chain, whose faces draw Han in Simplified Chinese
 * (or Korean) forms. A language in Latin or another script is set correctly by the `*` chain and is not warned about.
 * The hint points at the project's own fonts/fonts.json: a user of the installed tool cannot edit the tool's.
 */
export function fontWarnings(fonts: FontBook, languages: readonly Lang[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const lang of languages) {
    if (fonts.hasOwnChain(lang) || !LOCALE_SHAPED_SCRIPTS.has(scriptOf(lang) ?? '')) continue;
    const family = (cp: number) => {
      const id = fonts.faceFor(cp, lang);
      if (id === undefined) return 'no face';
      const { family: name, script } = fonts.face(id);
      return `${name}${script ? ` (${script})` : ''}`;
    };
    const faces = fonts
      .chain(lang)
      .map((id) => fonts.face(id).family)
      .join(' → ');
    out.push({
      ...problem(
        'font-chain',
        `'${lang}' has no font chain of its own: the '*' chain (${faces}) draws its Han in ${family(HAN)} and its Hangul in ${family(HANGUL)}, not in forms of its own`,
        { file: PROJECT_FONTS_FILE },
        `bring a face of ${lang}'s own forms in the project: copy its .ttf and licence into fonts/, and in ${PROJECT_FONTS_FILE} add it under "faces" and "${lang}": [its id, "latin"] under "chains" (the tool's fonts/README.md shows the format)`,
      ),
      severity: 'warning',
    });
  }
  return out;
}

/** A face the project brings without a licence file named in its fonts.json: whoever receives the letter embeds it too. */
export function licenceWarnings(fonts: FontBook): Diagnostic[] {
  return Object.entries(fonts.project?.faces ?? {})
    .filter(([, face]) => face.license === undefined)
    .map(([id, face]) => ({
      ...problem(
        'missing-file',
        `face '${id}' (${face.family}) in ${PROJECT_FONTS_FILE} has no licence noted: its subsets are embedded in every letter`,
        { file: PROJECT_FONTS_FILE },
        `copy the font's licence (OFL.txt for Noto faces) into fonts/ and add "license": "OFL.txt" to face '${id}'`,
      ),
      severity: 'warning' as const,
    }));
}

/** The script a language is usually written in (`ja` → Jpan, `yue` → Hant), or undefined when ICU does not know it. */
function scriptOf(lang: Lang): string | undefined {
  try {
    return new Intl.Locale(lang).maximize().script;
  } catch {
    return undefined;
  }
}
