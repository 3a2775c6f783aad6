/**
 * Typesetting a letter: LetterDoc + fonts → PagedLetter (pages of positioned runs). Shapes with harfbuzz (fontkit for
 * right-to-left runs); never pdfkit.
 */

import type { FontBook } from '../fonts/index.js';
import { isRightToLeftLanguage, type LetterDoc } from '../model/index.js';
import { mirrorUnits } from './bidi/mirror.js';
import { Measurer } from './measure.js';
import { paginate } from './paginate/index.js';
import { pageNumberItems } from './paginate/page-numbers.js';
import { setSections } from './sections.js';
import { StructureBuilder } from './structure.js';
import { pageGeometry } from './style.js';
import type { FontRef, PagedLetter, PageGeometry } from './types.js';

export type {
  FontRef,
  GlyphRun,
  ImageItem,
  PagedLetter,
  PageGeometry,
  PageItem,
  ReservedBox,
  RuleItem,
  StructNode,
  StructRole,
  TextItem,
  TypesetPage,
} from './types.js';
export { SIGNATURE_FIELD } from './style.js';
export { paragraphCounts, type ParagraphCounts } from './break/memo.js';
// The paper sizes and margin belong to the model (both renderers use them); re-exported under typeset's old names.
export { PAPER_POINTS as PAPER, MARGIN_POINTS as MARGIN } from '../model/index.js';

/** Options of `typesetLetter`. */
export interface TypesetOptions {
  readonly fonts: FontBook;
  /**
   * Keep a box free for a signature field (see `PagedLetter.signatureBox`) in the signing signatory's block: the one
   * whose `signatory` index is given (`true`: the first signatory's).
   */
  readonly reserveSignatureField?: boolean | { readonly signatory: number };
  /** Override the page size or margins (tests set narrow columns this way); defaults come from `doc.paper`. */
  readonly geometry?: Partial<PageGeometry>;
}

let typeset = 0;

/** Letters typeset in this thread so far: a build typesets each letter once, whatever its formats (tests count it). */
export function lettersTypeset(): number {
  return typeset;
}

/**
 * Set a letter into pages. Throws a LetterError `uncovered-character` naming U+XXXX, the key and the language when a
 * character has no glyph in any face of its language's chain.
 */
export function typesetLetter(doc: LetterDoc, opts: TypesetOptions): PagedLetter {
  typeset++;
  const geometry = pageGeometry(doc.paper, opts.geometry);
  const measurer = new Measurer(opts.fonts);
  const structure = new StructureBuilder(doc.lang, opts.fonts);

  // 1. Sections → units (blocks broken into lines, positioned horizontally), and the structure tree they make.
  const { units: logical, displayLines } = setSections({
    doc,
    fonts: opts.fonts,
    measurer,
    geometry,
    reserveSignatureField: reserving(opts.reserveSignatureField),
    structure,
  });
  // A right-to-left letter was set with x from the start edge: mirrored once into page coordinates (typeset/bidi).
  const units = isRightToLeftLanguage(doc.lang) ? mirrorUnits(logical, geometry) : logical;

  // 2. Units → pages.
  const { pages, reserved } = paginate(units, geometry);

  // 3. Page numbers, only when the letter runs past one page: artifacts, with no tag.
  if (pages.length > 1) {
    pages.forEach((items, i) =>
      items.push(...pageNumberItems(doc, i + 1, pages.length, geometry, opts.fonts, measurer)),
    );
  }

  return {
    lang: doc.lang,
    locale: doc.locale,
    meta: doc.meta,
    geometry,
    pages: pages.map((items) => ({ items })),
    fonts: fontsUsed(pages.flat()),
    structure: structure.finish(pages),
    ...(reserved ? { signatureBox: reserved } : {}),
    displayLines,
  };
}

function reserving(option: TypesetOptions['reserveSignatureField']): false | { readonly signatory: number } {
  return option === true ? { signatory: 0 } : (option ?? false);
}

function fontsUsed(items: readonly { kind: string; font?: FontRef }[]): FontRef[] {
  const seen = new Map<string, FontRef>();
  for (const item of items) {
    if (item.font && !seen.has(`${item.font.face}/${item.font.variant}`))
      seen.set(`${item.font.face}/${item.font.variant}`, item.font);
  }
  return [...seen.values()];
}
