/**
 * The named styles of a letter: one paragraph style per letter part, plus headings, quotes, lists, footer and
 * character styles. The recipient's side edits the letter through these in Word, so the paragraphs carry almost no
 * direct formatting: what a template decides per part (alignment, first-line indent, keeping together) goes into
 * the part's style, derived from the document's own sections.
 */

import {
  isCjkLanguage,
  QUOTE_RULE,
  quoteHasRule,
  type Align,
  type Lang,
  type LetterDoc,
  type Part,
  type Section,
} from '../../model/index.js';

/** Paragraph look in points (and em for the first-line indent, which follows the font size). */
export interface ParagraphLook {
  readonly align?: Align;
  readonly before?: number;
  readonly after?: number;
  /** Line height as a multiple of single spacing. */
  readonly line?: number;
  readonly indentLeft?: number;
  readonly indentRight?: number;
  readonly firstLineEm?: number;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  /** Spacing between paragraphs of this same style is dropped (address lines, signature lines). */
  readonly contextual?: boolean;
  readonly outlineLevel?: number;
  /** A rule down the left side, this far from the text in points (a CJK block quote, model/quote.ts). */
  readonly ruleLeft?: number;
}

export interface RunLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in points. */
  readonly size?: number;
  /** RGB hex without '#'. */
  readonly color?: string;
  readonly underline?: boolean;
}

export interface StyleDef {
  readonly id: string;
  /** The name Word shows; Word's built-in names (lower-case "heading 1", "footer") are recognised and localised. */
  readonly name: string;
  readonly type: 'paragraph' | 'character';
  readonly basedOn?: string;
  readonly next?: string;
  /** Shown in Word's style gallery. */
  readonly quick?: boolean;
  readonly paragraph?: ParagraphLook;
  readonly run?: RunLook;
}

/** Body text size in points; every other size is set against it. */
export const BODY_SIZE = 11;

/** Style ids of the letter parts (SPEC §6: letterhead, address block, date line, salutation, body, close …). */
export const PART_STYLE: Readonly<Record<Part, string>> = {
  letterhead: 'Letterhead',
  title: 'LetterTitle',
  subtitle: 'LetterSubtitle',
  reference: 'LetterReference',
  date: 'LetterDate',
  recipient: 'Recipient',
  delivery: 'DeliveryAddress',
  salutation: 'Salutation',
  body: 'BodyText',
  close: 'Closing',
  signatures: 'Signature',
  enclosures: 'Enclosures',
  cc: 'Copies',
};

/** Style ids of the blocks inside parts and of the page furniture. */
export const STYLE = {
  normal: 'Normal',
  heading: ['Heading1', 'Heading2', 'Heading3'],
  quote: 'BlockQuote',
  attribution: 'QuoteAttribution',
  list: 'ListParagraph',
  signatureLine: 'SignatureLine',
  footer: 'Footer',
  hyperlink: 'Hyperlink',
  strong: 'Strong',
  emphasis: 'Emphasis',
} as const;

const para = (
  id: string,
  name: string,
  paragraph: ParagraphLook,
  run: RunLook = {},
  basedOn: string = STYLE.normal,
): StyleDef => ({
  id,
  name,
  type: 'paragraph',
  basedOn,
  quick: true,
  paragraph,
  run,
});

/** The house look in a language, before a document's sections adjust alignment, indent and keeping. */
const baseStyles = (lang: Lang): readonly StyleDef[] => [
  {
    id: STYLE.normal,
    name: 'Normal',
    type: 'paragraph',
    quick: true,
    paragraph: { line: 1.15, after: 0 },
    run: { size: BODY_SIZE },
  },
  para(PART_STYLE.letterhead, 'Letterhead', { after: 12, contextual: true }, { size: 10 }),
  para(PART_STYLE.title, 'Letter Title', { after: 6, keepNext: true }, { bold: true, size: 15 }),
  para(PART_STYLE.subtitle, 'Letter Subtitle', { after: 18, keepNext: true }, { bold: true, size: 12 }),
  para(PART_STYLE.reference, 'Letter Reference', { after: 6 }, { size: 10 }),
  para(PART_STYLE.date, 'Letter Date', { before: 6, after: 12 }),
  para(PART_STYLE.recipient, 'Recipient', { after: 12, contextual: true, keepNext: true }),
  para(PART_STYLE.delivery, 'Delivery Address', { after: 12, contextual: true, keepNext: true }),
  para(PART_STYLE.salutation, 'Salutation', { before: 6, after: 10, keepNext: true }),
  para(PART_STYLE.body, 'Body Text', { after: 8 }),
  // As the PDF sets them (typeset/blocks.ts): Latin quotes in italics; the CJK faces have none, so a Korean or Chinese
  // quote stays upright rather than take Word's synthesised oblique. The attribution under it is upright either way.
  para(
    STYLE.quote,
    'Block Quote',
    {
      indentLeft: 24,
      indentRight: 24,
      after: 8,
      firstLineEm: 0,
      ...(quoteHasRule(lang) ? { ruleLeft: QUOTE_RULE.gapEm * BODY_SIZE } : {}),
    },
    isCjkLanguage(lang) ? {} : { italic: true },
    PART_STYLE.body,
  ),
  para(
    STYLE.attribution,
    'Quote Attribution',
    { align: 'end', indentRight: 24, after: 8 },
    { italic: false },
    STYLE.quote,
  ),
  para(STYLE.list, 'List Paragraph', { after: 4, firstLineEm: 0, contextual: false }, {}, PART_STYLE.body),
  para(
    STYLE.heading[0],
    'heading 1',
    { before: 14, after: 6, keepNext: true, keepLines: true, outlineLevel: 0, firstLineEm: 0 },
    { bold: true, size: 13 },
  ),
  para(
    STYLE.heading[1],
    'heading 2',
    { before: 12, after: 4, keepNext: true, keepLines: true, outlineLevel: 1, firstLineEm: 0 },
    { bold: true, size: 12 },
  ),
  para(
    STYLE.heading[2],
    'heading 3',
    { before: 10, after: 4, keepNext: true, keepLines: true, outlineLevel: 2, firstLineEm: 0 },
    { bold: true, size: BODY_SIZE },
  ),
  para(PART_STYLE.close, 'Closing', { before: 12, after: 6 }),
  para(PART_STYLE.signatures, 'Signature', { before: 14 }),
  para(STYLE.signatureLine, 'Signature Line', { before: 0 }, {}, PART_STYLE.signatures),
  para(PART_STYLE.enclosures, 'Enclosures', { before: 12, contextual: true }, { size: 10 }),
  para(PART_STYLE.cc, 'Copies', { before: 12, contextual: true }, { size: 10 }),
  para(STYLE.footer, 'footer', { align: 'center' }, { size: 9 }),
  // Word's default character style; its own documents always carry it, and character styles derive from it.
  { id: 'DefaultParagraphFont', name: 'Default Paragraph Font', type: 'character' },
  // A link reads as the text around it, as in the PDF (a link area over plain text): no blue, no underline in print.
  { id: STYLE.hyperlink, name: 'Hyperlink', type: 'character', basedOn: 'DefaultParagraphFont' },
  {
    id: STYLE.strong,
    name: 'Strong',
    type: 'character',
    basedOn: 'DefaultParagraphFont',
    quick: true,
    run: { bold: true },
  },
  {
    id: STYLE.emphasis,
    name: 'Emphasis',
    type: 'character',
    basedOn: 'DefaultParagraphFont',
    quick: true,
    run: { italic: true },
  },
];

/** A document's styles, with what its sections decided per part folded in. */
export interface StyleSheet {
  readonly styles: readonly StyleDef[];
  /** Whether runs in a paragraph of this style are bold / italic (what the embedded subsets must cover). */
  runLook(styleId: string): { bold: boolean; italic: boolean };
  /** What a section needs as direct paragraph formatting because its part's style says otherwise (a second
   *  section of the same part that the template aligned differently). Empty for almost every section. */
  directFor(section: Section): SectionLook;
}

/** The template's per-section decisions, as they land on paragraphs. */
export interface SectionLook {
  readonly align?: Align;
  readonly firstLineEm?: number;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
}

/** Folds each part's first section (alignment, first-line indent, keeping) into the part's style. */
export function letterStyles(doc: LetterDoc): StyleSheet {
  const byPart = new Map<Part, SectionLook>();
  for (const section of doc.sections)
    if (!byPart.has(section.part)) byPart.set(section.part, lookOf(section));
  const styles = baseStyles(doc.lang).map((style) => {
    const part = partOfStyle(style.id);
    const look = part && byPart.get(part);
    if (!look) return style;
    // A part the house style already keeps with the next one (a salutation) stays kept whatever the section says.
    const keepNext = Boolean(style.paragraph?.keepNext) || look.keepNext;
    return { ...style, paragraph: { ...style.paragraph, ...look, keepNext } };
  });
  const byId = new Map(styles.map((s) => [s.id, s]));
  const resolveRun = (id: string | undefined, key: 'bold' | 'italic'): boolean => {
    for (let s = id ? byId.get(id) : undefined; s; s = s.basedOn ? byId.get(s.basedOn) : undefined) {
      if (s.run?.[key] !== undefined) return s.run[key]!;
    }
    return false;
  };
  return {
    styles,
    runLook: (id) => ({ bold: resolveRun(id, 'bold'), italic: resolveRun(id, 'italic') }),
    directFor(section) {
      const base = byPart.get(section.part)!;
      const own = lookOf(section);
      const diff: Record<string, unknown> = {};
      for (const key of ['align', 'firstLineEm', 'keepNext', 'keepLines'] as const) {
        const mine = own[key] ?? (key === 'firstLineEm' ? 0 : false);
        const theirs = base[key] ?? (key === 'firstLineEm' ? 0 : false);
        if (mine !== theirs) diff[key] = mine;
      }
      return diff as SectionLook;
    },
  };
}

function lookOf(section: Section): SectionLook {
  return {
    align: section.align,
    ...(section.firstLineIndent > 0 ? { firstLineEm: section.firstLineIndent } : {}),
    // keepNext on every paragraph of a kept-together section chains them; the last one is released in parts.ts
    // unless the section also keeps with the next one. A section kept only with the next (a long body before the
    // close) chains just its last paragraph (parts.ts): chaining them all would drag the whole body along.
    keepNext: section.keepTogether,
    keepLines: section.keepTogether,
  };
}

function partOfStyle(id: string): Part | undefined {
  if (id === STYLE.signatureLine) return 'signatures';
  return (Object.keys(PART_STYLE) as Part[]).find((part) => PART_STYLE[part] === id);
}
