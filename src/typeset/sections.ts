/** Setting the letter's sections: part styles, section gaps, keep-together and keep-with-next, the signature field box. */

import type { FontBook } from '../fonts/index.js';
import type { LetterDoc, Part, Section, Signature } from '../model/index.js';
import { setBlocks } from './blocks.js';
import type { BlockFrame } from './inlines.js';
import type { Measurer } from './measure.js';
import type { StructureBuilder } from './structure.js';
import { signatureFieldLine } from './signature.js';
import { bodySize, leading, partStyle } from './style.js';
import type { PageGeometry } from './types.js';
import { canSplit, linesHeight, spacer, unit, type Unit } from './unit.js';

/** What sections are set with. */
export interface SectionContext {
  readonly doc: LetterDoc;
  readonly fonts: FontBook;
  readonly measurer: Measurer;
  readonly geometry: PageGeometry;
  /** Keep a box free for a signature field in the block of signatory `signatory` (letter.yaml index). */
  readonly reserveSignatureField: false | { readonly signatory: number };
  /** The structure tree the sections' blocks join, under its Document element. */
  readonly structure: StructureBuilder;
}

/** All sections of the letter as units, in order, and the lines of its balanced sections (PagedLetter.displayLines). */
export function setSections(ctx: SectionContext): {
  units: Unit[];
  displayLines: Map<number, readonly (readonly string[])[]>;
} {
  const units: Unit[] = [];
  const displayLines = new Map<number, readonly (readonly string[])[]>();
  const fieldIn = ctx.reserveSignatureField
    ? signingBlock(ctx.doc, ctx.reserveSignatureField.signatory)
    : undefined;
  // A template without signature blocks still gets the box, under its signatures part.
  const lastSignatures =
    ctx.reserveSignatureField && !fieldIn
      ? ctx.doc.sections.map((s) => s.part).lastIndexOf('signatures')
      : -1;
  // The title part is the document's H1, so the letter's own headings start one level below it.
  const headingOffset = ctx.doc.sections.some((s) => s.part === 'title' && s.blocks.length > 0) ? 1 : 0;
  ctx.doc.sections.forEach((section, index) => {
    const set = setSection(section, ctx, index === lastSignatures, headingOffset, fieldIn);
    const lines = BALANCED_PARTS.has(section.part) ? paragraphLines(section, set) : undefined;
    if (lines) displayLines.set(index, lines);
    units.push(...set);
  });
  return { units, displayLines };
}

/** The text of each line of each paragraph of a section of paragraphs only (one unit each); undefined for any other. */
function paragraphLines(section: Section, units: readonly Unit[]): string[][] | undefined {
  if (units.length !== section.blocks.length || section.blocks.some((b) => b.type !== 'paragraph'))
    return undefined;
  return units.map((u) =>
    u.lines.map((line) => line.items.map((item) => (item.kind === 'text' ? item.text : '')).join('')),
  );
}

/** The signing signatory's block; the last signature block when the template left that signatory out. */
function signingBlock(doc: LetterDoc, signatory: number): Signature | undefined {
  const blocks = doc.sections.flatMap((s) => s.blocks).filter((b): b is Signature => b.type === 'signature');
  return blocks.find((b) => b.signatory === signatory) ?? blocks[blocks.length - 1];
}

/** The display lines at the head of a letter, set in lines of even length (break/balance.ts). */
const BALANCED_PARTS: ReadonlySet<Part> = new Set<Part>(['title', 'subtitle']);

function setSection(
  section: Section,
  ctx: SectionContext,
  reserve: boolean,
  headingOffset: number,
  fieldIn: Signature | undefined,
): Unit[] {
  const { doc, geometry } = ctx;
  const base = bodySize(doc.lang);
  const part = partStyle(section.part);
  const frame: BlockFrame = {
    fonts: ctx.fonts,
    measurer: ctx.measurer,
    lang: doc.lang,
    x: geometry.margins.left,
    width: geometry.width - geometry.margins.left - geometry.margins.right,
    style: { size: base * part.scale, bold: part.bold, italic: false },
    align: section.align,
    firstLineIndent: section.firstLineIndent,
    leading: leading(doc.lang),
    structure: ctx.structure,
    parent: ctx.structure.root,
    paragraphRole: section.part === 'title' ? 'H1' : 'P',
    ...(BALANCED_PARTS.has(section.part) ? { balance: true } : {}),
    headingOffset,
    ...(fieldIn ? { signatureFieldIn: fieldIn } : {}),
  };
  let units = setBlocks(section.blocks, frame);
  if (reserve) units.push(unit([signatureFieldLine(frame)], 0.8 * frame.style.size, { splittable: false }));
  if (units.length === 0) return [];
  units[0] = { ...units[0]!, gapBefore: part.gapBefore * base };
  if (section.keepTogether) units = together(units, geometry);
  if (section.keepWithNext) units[units.length - 1] = { ...units[units.length - 1]!, keepWithNext: true };
  // A close leads into the signatures: it never ends a page they do not start.
  if (section.part === 'close') units = units.map((u) => ({ ...u, leadIn: u.keepWithNext }));
  return units;
}

/**
 * A section kept together. Blocks too short to split (signatures, a one-line label) become a chain of keep-with-next:
 * pagination keeps a chain whole where it fits with what keeps with it, and otherwise breaks it between blocks, so a
 * close stays with all the signatures that fit beside it, or with the first of more than fit. As one unsplittable unit
 * they moved whole or not at all, and the close that keeps with them was left at the foot of a page when the two did
 * not fit together (review of a5640a6: eight signatories with a person and title). Other blocks are one unsplittable
 * unit when they fit on a page; taller than a page, they are kept each whole, each with the next.
 */
function together(units: readonly Unit[], geometry: PageGeometry): Unit[] {
  const chained = units.map((u, i) =>
    i < units.length - 1 ? { ...u, keepWithNext: true, leadIn: true } : u,
  );
  if (!units.some((u) => canSplit(u))) return chained;
  const merged = merge(units);
  const capacity = geometry.height - geometry.margins.top - geometry.margins.bottom;
  return linesHeight(merged.lines) <= capacity ? [merged] : chained;
}

/** One unsplittable unit from several, their gaps kept as empty lines. */
function merge(units: readonly Unit[]): Unit {
  const lines = units.flatMap((u, i) =>
    i === 0 || u.gapBefore === 0 ? u.lines : [spacer(u.gapBefore), ...u.lines],
  );
  return unit(lines, units[0]!.gapBefore, {
    splittable: false,
    keepWithNext: units[units.length - 1]!.keepWithNext,
  });
}
