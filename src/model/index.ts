/**
 * The document model: one letter, for one recipient, in one language.
 *
 * Compose produces it from the Markdown a template rendered; the PDF and DOCX renderers both draw it and know
 * nothing of YAML, i18next or Handlebars. It plays the role pandoc-types' AST plays for pandoc.
 */

import type { Lang } from './lang.js';

export {
  hasRightToLeftLetters,
  isChineseOrJapanese,
  isCjkLanguage,
  isRightToLeftLanguage,
  type Lang,
} from './lang.js';
export { emphasisDotsFor, type EmphasisDots } from './emphasis.js';
export { QUOTE_RULE, quoteHasRule } from './quote.js';
export { localize, localizeStrict, type Localized } from './localize.js';
export { isJoiningDash, withDashJoiners } from './joins.js';

/** Where a piece of text came from, so that an error raised late (an uncovered glyph) can name its source. */
export interface Origin {
  /** Path of the source file, relative to the project folder where possible. */
  readonly file: string;
  /** The locale key or letter.yaml field (`body.intro`, `signatories[0].org`). */
  readonly key?: string;
  /** The language this text is in. */
  readonly lang: Lang;
  readonly line?: number;
  readonly column?: number;
}

/** Inline content of a paragraph. */
export type Inline = Text | Strong | Emphasis | Link | LineBreak;

/** A run of plain text. */
export interface Text {
  readonly type: 'text';
  readonly value: string;
  /** Set when this span is in another language than the document (a Chinese title inside an English letter). */
  readonly lang?: Lang;
  readonly origin?: Origin;
}

export interface Strong {
  readonly type: 'strong';
  readonly children: readonly Inline[];
}

export interface Emphasis {
  readonly type: 'emphasis';
  readonly children: readonly Inline[];
}

export interface Link {
  readonly type: 'link';
  readonly url: string;
  readonly children: readonly Inline[];
}

/** A forced line break inside a paragraph (an address block's lines). */
export interface LineBreak {
  readonly type: 'break';
}

export type Block = Paragraph | Heading | Quote | List | PageBreak | Signature;

export interface Paragraph {
  readonly type: 'paragraph';
  readonly inlines: readonly Inline[];
  /** Set flush, without the section's first-line indent: a vocative re-addressing the recipient stands as the salutation does. */
  readonly flush?: boolean;
}

export interface Heading {
  readonly type: 'heading';
  readonly level: 1 | 2 | 3;
  readonly inlines: readonly Inline[];
}

export interface Quote {
  readonly type: 'quote';
  readonly blocks: readonly Block[];
  /** Who is quoted, shown under the quote ("— a mother in Hyesan"). */
  readonly attribution?: readonly Inline[];
}

export interface List {
  readonly type: 'list';
  readonly ordered: boolean;
  readonly items: readonly (readonly Block[])[];
}

export interface PageBreak {
  readonly type: 'pagebreak';
}

/** One signatory's block: organisation, optional person and title, e-mail, optional handwritten signature. */
export interface Signature {
  readonly type: 'signature';
  readonly org: readonly Inline[];
  readonly person?: readonly Inline[];
  readonly title?: readonly Inline[];
  readonly email?: string;
  readonly image?: SignatureImage;
  /** Index of the signatory in letter.yaml's `signatories`: a signed PDF puts its field in the signing one's block. */
  readonly signatory?: number;
}

/** One text line of a signature block: the organisation (drawn strong), the person, their title, or the e-mail. */
export type SignatureLine =
  | { readonly kind: 'org' | 'person' | 'title'; readonly inlines: readonly Inline[] }
  | { readonly kind: 'email'; readonly email: string };

/**
 * A signature block's text lines in the order every renderer draws them, under the handwritten image when there is
 * one: organisation, person, title, e-mail (SPEC §7: the DOCX has the PDF's order).
 */
export function signatureLines(sig: Signature): SignatureLine[] {
  const lines: SignatureLine[] = [{ kind: 'org', inlines: sig.org }];
  if (sig.person) lines.push({ kind: 'person', inlines: sig.person });
  if (sig.title) lines.push({ kind: 'title', inlines: sig.title });
  if (sig.email) lines.push({ kind: 'email', email: sig.email });
  return lines;
}

export interface SignatureImage {
  readonly data: Uint8Array;
  readonly format: 'png' | 'jpeg';
  /** Pixel size, read from the image header when it was loaded. */
  readonly width: number;
  readonly height: number;
  /** Alternative text in the letter's language ("Signature of CFNK"). */
  readonly alt: string;
}

/** The parts of a letter a template arranges; each renderer has one style per part. */
export const PARTS = [
  'letterhead',
  'title',
  'subtitle',
  'reference',
  'date',
  'recipient',
  'delivery',
  'salutation',
  'body',
  'close',
  'signatures',
  'enclosures',
  'cc',
] as const;
export type Part = (typeof PARTS)[number];

export type Align = 'start' | 'center' | 'end' | 'justify';

/** A part of the letter, in the order the template put it. */
export interface Section {
  readonly part: Part;
  readonly align: Align;
  /** Keep this section on one page (the close and the signatures). */
  readonly keepTogether: boolean;
  /** Keep this section on the same page as the next one. */
  readonly keepWithNext: boolean;
  /** Indent the first line of body paragraphs by this many em (Chinese letters indent two characters). */
  readonly firstLineIndent: number;
  readonly blocks: readonly Block[];
}

export type Paper = 'A4' | 'Letter';

/** ISO 216 A4 and ANSI Letter, in points. */
export const PAPER_POINTS: Readonly<Record<Paper, { readonly width: number; readonly height: number }>> = {
  A4: { width: 595.28, height: 841.89 },
  Letter: { width: 612, height: 792 },
};

/** One inch all round, in points: the margin of a formal business letter. */
export const MARGIN_POINTS = 72;

export interface DocumentMeta {
  readonly title: string;
  readonly subject?: string;
  /** Who the letter is from: the signatories' organisations, joined. */
  readonly author: string;
  readonly keywords: readonly string[];
  /** The instant written into the file (SOURCE_DATE_EPOCH, else the letter's date): never the wall clock. */
  readonly created: Date;
}

/** One finished letter, ready to draw. */
export interface LetterDoc {
  readonly lang: Lang;
  /** BCP 47 tag with region (`ko-KR`, `zh-CN`, `en-US`): PDF /Lang, DOCX w:lang. */
  readonly locale: string;
  readonly paper: Paper;
  readonly meta: DocumentMeta;
  /** Page-number label in this language, with `{page}` and `{pages}` placeholders ("- {page} -", "第{page}页"). */
  readonly pageLabel: string;
  /** What the visible signature field says above the signer's name ("Digitally signed by", "전자서명", "数字签名"). */
  readonly signedByLabel?: string;
  readonly sections: readonly Section[];
}

/** The plain text of inlines, as a reader would copy it. */
export function inlineText(inlines: readonly Inline[]): string {
  let out = '';
  for (const inline of inlines) {
    switch (inline.type) {
      case 'text':
        out += inline.value;
        break;
      case 'break':
        out += '\n';
        break;
      default:
        out += inlineText(inline.children);
    }
  }
  return out;
}

/** Every text run of a block tree, in reading order, with the language it is in. */
export function* textRuns(blocks: readonly Block[], lang: Lang): Generator<{ text: Text; lang: Lang }> {
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        yield* inlineRuns(block.inlines, lang);
        break;
      case 'quote':
        yield* textRuns(block.blocks, lang);
        if (block.attribution) yield* inlineRuns(block.attribution, lang);
        break;
      case 'list':
        for (const item of block.items) yield* textRuns(item, lang);
        break;
      case 'signature':
        for (const line of signatureLines(block)) {
          if (line.kind === 'email') yield { text: { type: 'text', value: line.email }, lang };
          else yield* inlineRuns(line.inlines, lang);
        }
        break;
      case 'pagebreak':
        break;
    }
  }
}

function* inlineRuns(inlines: readonly Inline[], lang: Lang): Generator<{ text: Text; lang: Lang }> {
  for (const inline of inlines) {
    if (inline.type === 'text') yield { text: inline, lang: inline.lang ?? lang };
    else if (inline.type !== 'break') yield* inlineRuns(inline.children, lang);
  }
}
