/** A CJK language without a font chain of its own: its Han would be drawn in another language's glyph forms, silently. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { problem, type Diagnostic } from '../diag/index.js';
import type { FontBook } from '../fonts/index.js';
import type { Lang } from '../model/index.js';

// Scripts whose glyph forms differ by locale (Han above all): the shared `*` chain cannot be right for all of them.
const LOCALE_SHAPED_SCRIPTS = new Set(['Hani', 'Hans', 'Hant', 'Jpan', 'Kore', 'Hang', 'Hira', 'Kana', 'Bopo']);
const HAN = 0x6f22; // 漢
const HANGUL = 0xd55c; // 한

/**
 * A warning for each language written in a Han-based script (ja, yue, zh-TW…) that fonts/fonts.json gives no chain
 * of its own: it falls back to the `*` chain, whose faces draw Han in Simplified Chinese (or Korean) forms. A language
 * in Latin or another script is set correctly by the `*` chain and is not warned about.
 */
export function fontWarnings(fonts: FontBook, languages: readonly Lang[]): Diagnostic[] {
  const json = JSON.parse(readFileSync(join(fonts.dir, 'fonts.json'), 'utf8')) as { chains: Record<string, unknown>; faces: Record<string, { script?: string }> };
  const chains = json.chains;
  const out: Diagnostic[] = [];
  for (const lang of languages) {
    if (Object.hasOwn(chains, lang) || !LOCALE_SHAPED_SCRIPTS.has(scriptOf(lang) ?? '')) continue;
    const family = (cp: number) => {
      const id = fonts.faceFor(cp, lang);
      if (id === undefined) return 'no face';
      const script = json.faces[id]?.script;
      return `${fonts.face(id).family}${script ? ` (${script})` : ''}`;
    };
    const faces = fonts.chain(lang).map((id) => fonts.face(id).family).join(' → ');
    out.push({
      ...problem(
        'font-chain',
        `'${lang}' has no font chain of its own in fonts/fonts.json: the '*' chain (${faces}) draws its Han in ${family(HAN)} and its Hangul in ${family(HANGUL)}, not in forms of its own`,
        { file: 'fonts/fonts.json' },
        `add "${lang}": [faces…] under "chains" in fonts/fonts.json, with a face of ${lang}'s own forms first (see fonts/README.md)`,
      ),
      severity: 'warning',
    });
  }
  return out;
}

/** The script a language is usually written in (`ja` → Jpan, `yue` → Hant), or undefined when ICU does not know it. */
function scriptOf(lang: Lang): string | undefined {
  try {
    return new Intl.Locale(lang).maximize().script;
  } catch {
    return undefined;
  }
}
