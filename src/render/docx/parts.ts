/**
 * Letter parts → paragraphs. The part→style mapping is written down once (PART_STYLE in styles.ts); every part is
 * blocks in its own style, drawn by blocks.ts, except signatures (signatures.ts). Here the template's per-section
 * decisions land: keeping a section together and with the next one, and the rare section that differs from its
 * part's style.
 */

import type { Section } from '../../model/index.js';
import { blockSpecs, type ParagraphSpec, type Spec } from './blocks.js';
import type { DrawContext } from './context.js';
import { BODY_SIZE, PART_STYLE } from './styles.js';
import { firstLineIndent, JC } from './styles-xml.js';

/** The specs of one section, in order. */
export function sectionSpecs(section: Section, ctx: DrawContext): Spec[] {
  const specs = blockSpecs(section.blocks, PART_STYLE[section.part], ctx);
  const direct = ctx.styles.directFor(section);
  const paragraphs = specs.filter((s): s is ParagraphSpec => s !== 'pagebreak');
  for (const spec of paragraphs) {
    if (direct.align !== undefined) spec.alignment = JC[direct.align];
    if (direct.firstLineEm !== undefined && spec.indent?.firstLine !== 0)
      spec.indent = firstLineIndent(direct.firstLineEm, BODY_SIZE);
    if (direct.keepNext !== undefined) spec.keepNext = direct.keepNext;
    if (direct.keepLines !== undefined) spec.keepLines = direct.keepLines;
  }
  // The style chains every paragraph of a kept-together section to the next; the last one lets go, unless the
  // section is also kept with what follows (the close with the signatures).
  const last = paragraphs.at(-1);
  if (last && section.keepTogether && !section.keepWithNext) last.keepNext = false;
  if (last && section.keepWithNext) last.keepNext = true;
  return specs;
}

/** Folds page breaks into the paragraph after them (w:pageBreakBefore), so no empty paragraph is left behind.
 *  A break with nothing after it would only add a blank last page, and is dropped. */
export function foldPageBreaks(specs: readonly Spec[]): ParagraphSpec[] {
  const paragraphs: ParagraphSpec[] = [];
  let pending = false;
  for (const spec of specs) {
    if (spec === 'pagebreak') {
      pending = paragraphs.length > 0;
      continue;
    }
    paragraphs.push(pending ? { ...spec, pageBreakBefore: true } : spec);
    pending = false;
  }
  return paragraphs;
}
