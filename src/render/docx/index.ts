/** Drawing a LetterDoc into DOCX bytes with docx: named styles per letter part, per-run fonts and languages,
 *  embedded font subsets, byte-reproducible packing. */

import { Document, Paragraph } from 'docx';
import type { FontBook } from '../../fonts/index.js';
import { isRightToLeftLanguage, type LetterDoc } from '../../model/index.js';
import type { DrawContext } from './context.js';
import { withDisplayBreaks } from './display-lines.js';
import { subsetFamilies, withAltNames } from './embed.js';
import { defaultFaces, latinLocale } from './faces.js';
import { Lists, MARKER_CHARS } from './list.js';
import { coreXml } from './metadata.js';
import { packDeterministic, seedFrom } from './package.js';
import { footers, pageProperties } from './page.js';
import { foldPageBreaks, sectionSpecs } from './parts.js';
import { settingsXml } from './settings.js';
import { letterStyles } from './styles.js';
import { stylesXml } from './styles-xml.js';
import { GlyphUsage } from './usage.js';

export { PART_STYLE, STYLE } from './styles.js';

/** What renderDocx needs besides the letter. */
export interface DocxOptions {
  /** The faces per language; the faces a letter uses are embedded as subsets. */
  readonly fonts: FontBook;
  /** Pages of the same letter as letter typesets it (the PDF's). More than one numbers page 1 too, as the PDF does;
   *  without it page 1 stays bare (see page.ts numbersFirstPage). */
  readonly typesetPages?: number;
  /** The title's and subtitle's lines as the letter typeset them (PagedLetter.displayLines), kept in the DOCX. */
  readonly displayLines?: ReadonlyMap<number, readonly (readonly string[])[]>;
}

/**
 * Renders one letter to a .docx package. The same LetterDoc always gives the same bytes (dates come from
 * doc.meta.created; ids and font keys from a seed derived from the letter).
 * Throws LetterError `uncovered-character` for a character no face of its language covers.
 */
export async function renderDocx(doc: LetterDoc, opts: DocxOptions): Promise<{ bytes: Uint8Array }> {
  const { fonts } = opts;
  const rtl = isRightToLeftLanguage(doc.lang);
  // 1. Styles: the house styles with each part's alignment, indent and keeping from the sections.
  const styles = letterStyles(doc);
  const defaults = defaultFaces(fonts, doc.lang);

  // 2. Paragraphs of every section in order, and the footer; this records which glyphs each face draws. Drawn twice:
  //    the subsets' family names come from their glyphs (embed.ts), and every run names its family.
  const draw = (family: (faceId: string) => string) => {
    let drawings = 0;
    const ctx: DrawContext = {
      fonts,
      lang: doc.lang,
      family,
      styles,
      usage: new GlyphUsage(),
      lists: new Lists(),
      nextDrawingId: () => ++drawings,
    };
    const specs = foldPageBreaks(
      doc.sections.flatMap((section, index) =>
        sectionSpecs(withDisplayBreaks(section, opts.displayLines?.get(index), doc.lang), ctx),
      ),
    );
    const pageFooters = footers(doc, ctx, opts.typesetPages);
    ctx.usage.add(defaults.latin, 'regular', MARKER_CHARS);
    return { ctx, specs, pageFooters };
  };
  const realFamily = (faceId: string): string => fonts.face(faceId).family;

  // 3. Subsets of the faces used, cut from the faces the font book has parsed (each glyph read once per process).
  const subsets = subsetFamilies(draw(realFamily).ctx.usage, fonts);
  const family = (faceId: string): string => subsets.get(faceId)?.family ?? realFamily(faceId);
  const { ctx, specs, pageFooters } = draw(family);

  // 4. The package. docx writes document.xml, numbering, footers, fonts, media and relationships; the parts it
  //    cannot write as a letter needs (styles, settings, core properties) are written here and replace its own.
  const overrides = [
    {
      path: 'word/styles.xml',
      data: stylesXml(styles, {
        latinFamily: family(defaults.latin),
        eastAsianFamily: family(defaults.eastAsian),
        locale: latinLocale(doc.lang, doc.locale, fonts),
        eastAsianLocale: doc.locale,
      }),
    },
    { path: 'word/settings.xml', data: settingsXml(latinLocale(doc.lang, doc.locale, fonts), doc.locale) },
    { path: 'docProps/core.xml', data: coreXml(doc) },
  ];
  const build = () =>
    new Document({
      title: doc.meta.title,
      creator: doc.meta.author,
      fonts: [...subsets.values()].map((s) => s.fonts),
      numbering: { config: ctx.lists.config() },
      // w:bidi: a right-to-left letter's paragraphs run from the right; its 'left' alignment is the start side there.
      sections: [
        {
          properties: pageProperties(doc, opts.typesetPages),
          footers: pageFooters,
          children: specs.map((spec) => new Paragraph(rtl ? { ...spec, bidirectional: true } : spec)),
        },
      ],
    });
  const seed = seedFrom(doc.lang, doc.locale, doc.meta.title, doc.meta.created.toISOString());
  const fontTable = {
    path: 'word/fontTable.xml',
    edit: (xml: string) => withAltNames(xml, subsets.values()),
  };
  return { bytes: await packDeterministic(build, overrides, doc.meta.created, seed, [fontTable]) };
}
