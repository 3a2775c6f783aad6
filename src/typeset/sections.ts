/** Setting the letter's sections: part styles, section gaps, keep-together and keep-with-next, the signature field box. */

import type { FontBook } from '../fonts/index.js';
import type { LetterDoc, Section } from '../model/index.js';
import { setBlocks } from './blocks.js';
import type { BlockFrame } from './inlines.js';
import type { Measurer } from './measure.js';
import type { StructureBuilder } from './structure.js';
import { bodySize, leading, partStyle, SIGNATURE_FIELD } from './style.js';
import type { PageGeometry } from './types.js';
import { spacer, unit, type Unit } from './unit.js';

/** What sections are set with. */
export interface SectionContext {
  readonly doc: LetterDoc;
  readonly fonts: FontBook;
  readonly measurer: Measurer;
  readonly geometry: PageGeometry;
  /** Keep a box free under the last signature for a signature field. */
  readonly reserveSignatureField: boolean;
  /** The structure tree the sections' blocks join, under its Document element. */
  readonly structure: StructureBuilder;
}

/** All sections of the letter as units, in order. */
export function setSections(ctx: SectionContext): Unit[] {
  const units: Unit[] = [];
  const lastSignatures = ctx.doc.sections.map((s) => s.part).lastIndexOf('signatures');
  // The title part is the document's H1, so the letter's own headings start one level below it.
  const headingOffset = ctx.doc.sections.some((s) => s.part === 'title' && s.blocks.length > 0) ? 1 : 0;
  ctx.doc.sections.forEach((section, index) => {
    const reserve = ctx.reserveSignatureField && index === lastSignatures;
    units.push(...setSection(section, ctx, reserve, headingOffset));
  });
  return units;
}

function setSection(section: Section, ctx: SectionContext, reserve: boolean, headingOffset: number): Unit[] {
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
    headingOffset,
  };
  let units = setBlocks(section.blocks, frame);
  if (reserve) units.push(fieldUnit(frame));
  if (units.length === 0) return [];
  units[0] = { ...units[0]!, gapBefore: part.gapBefore * base };
  if (section.keepTogether) units = [merge(units)];
  if (section.keepWithNext) units[units.length - 1] = { ...units[units.length - 1]!, keepWithNext: true };
  return units;
}

/** One unsplittable unit from several, their gaps kept as empty lines. */
function merge(units: readonly Unit[]): Unit {
  const lines = units.flatMap((u, i) => (i === 0 || u.gapBefore === 0 ? u.lines : [spacer(u.gapBefore), ...u.lines]));
  return unit(lines, units[0]!.gapBefore, { splittable: false, keepWithNext: units[units.length - 1]!.keepWithNext });
}

/** The empty box a signature field is drawn into later, aligned like the signatures. */
function fieldUnit(frame: BlockFrame): Unit {
  const { width, height } = SIGNATURE_FIELD;
  const x = frame.align === 'end' ? frame.x + frame.width - width : frame.align === 'center' ? frame.x + (frame.width - width) / 2 : frame.x;
  return unit([{ height, baseline: 0, items: [], reserved: { x, width } }], 0.8 * frame.style.size, { splittable: false });
}
