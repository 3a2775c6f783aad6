/** The typesetter's output: a letter as pages of positioned text runs and images, ready for a PDF backend to draw. */

import type { DocumentMeta, EmphasisDots, Lang } from '../model/index.js';
import type { ShapedGlyphs, Variant } from '../fonts/index.js';

/** A FontBook face in one variant: the unit a backend registers once and embeds. */
export interface FontRef {
  /** Face id from fonts/fonts.json (`kr`, `sc`, `latin`). */
  readonly face: string;
  readonly variant: Variant;
}

/** Page size and margins in PDF points. */
export interface PageGeometry {
  readonly width: number;
  readonly height: number;
  readonly margins: {
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
    readonly left: number;
  };
}

/**
 * The glyphs a text item is drawn with, shaped once by typeset (harfbuzz; fontkit right to left): parallel arrays, an
 * entry per glyph, lengths in thousandths of an em. Justification adjusts `advances` (the extra space of a gap goes
 * into the advance of the glyph before it), never the shaping.
 */
export interface GlyphRun extends ShapedGlyphs {
  /** The language the text was set in (its font chain's). */
  readonly lang: Lang;
}

/** Text in one face and size, drawn from (x, y) along one line; every run of a line shares that line's baseline. */
export interface TextItem {
  readonly kind: 'text';
  /** The text the glyphs stand for. */
  readonly text: string;
  readonly glyphs: GlyphRun;
  readonly font: FontRef;
  readonly size: number;
  /** Left edge, points from the page's left edge. */
  readonly x: number;
  /** Alphabetic baseline, points from the page's top edge (pdfkit's top-left origin). */
  readonly y: number;
  /** Advance width as measured (a justified line's: its glyphs' advances, the gaps' extra space included). */
  readonly width: number;
  /** Target of a link, when the text is one. */
  readonly link?: string;
  /** Emphasis dots over or under characters (CJK emphasis, model/emphasis.ts): centres from `x`, in points. */
  readonly emphasisDots?: { readonly position: EmphasisDots; readonly centers: readonly number[] };
  /** Id of the structure element this text belongs to; absent for artifacts (page numbers). */
  readonly tag?: number;
}

/** A raster image placed on the page (a handwritten signature). */
export interface ImageItem {
  readonly kind: 'image';
  readonly data: Uint8Array;
  readonly format: 'png' | 'jpeg';
  /** Top-left corner and size in points. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
  /** Id of the structure element (a Figure) this image is; absent for decoration. */
  readonly tag?: number;
}

/** A filled rectangle: a rule beside a block quote (model/quote.ts). Decoration: never tagged, an artifact. */
export interface RuleItem {
  readonly kind: 'rule';
  /** Top-left corner and size in points. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** RGB hex without '#'. */
  readonly color: string;
  readonly tag?: undefined;
}

/** Anything drawn on a page. */
export type PageItem = TextItem | ImageItem | RuleItem;

/** Standard structure types of a tagged PDF (ISO 32000-1 §14.8.4) that a letter uses. */
export type StructRole =
  | 'Document'
  | 'Div'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'P'
  | 'BlockQuote'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Figure'
  | 'Span'
  | 'Link';

/** One element of the letter's structure tree: what a screen reader walks, in reading order. */
export interface StructNode {
  /** What page items name in their `tag`. */
  readonly id: number;
  readonly role: StructRole;
  /** BCP 47 /Lang, set only where it differs from the document's. */
  readonly lang?: string;
  /** Alternative text (a Figure). */
  readonly alt?: string;
  /** Bookmark text: set on the headings the outline lists. */
  readonly title?: string;
  readonly children: readonly StructNode[];
}

/** One page: its items in reading order. */
export interface TypesetPage {
  readonly items: readonly PageItem[];
}

/** An empty box the typesetter kept free on a page (for a signature field). */
export interface ReservedBox {
  readonly pageIndex: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A letter broken into pages: what render/pdf draws, knowing nothing of blocks or line breaking. */
export interface PagedLetter {
  readonly lang: Lang;
  /** BCP 47 tag with region: the PDF /Lang. */
  readonly locale: string;
  readonly meta: DocumentMeta;
  readonly geometry: PageGeometry;
  readonly pages: readonly TypesetPage[];
  /** Every face and variant some item uses, in first-use order (register these, and only these). */
  readonly fonts: readonly FontRef[];
  /** The logical structure (a Document element); items point into it by `tag`. */
  readonly structure: StructNode;
  /** The box kept free under the signatures, when one was asked for. */
  readonly signatureBox?: ReservedBox;
  /**
   * The title's and subtitle's lines as set, by the index of their section in the letter: each paragraph's lines, as
   * text. A DOCX breaks its Chinese and Japanese titles there, where the word processor would break between any two
   * ideographs, inside a word as often as not.
   */
  readonly displayLines: ReadonlyMap<number, readonly (readonly string[])[]>;
}
