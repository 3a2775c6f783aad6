/** Setting blocks into units: paragraphs, headings, quotes, lists, signatures and page breaks. */

import {
  inlineText,
  isCjkLanguage,
  QUOTE_RULE,
  quoteHasRule,
  type Block,
  type Inline,
} from '../model/index.js';
import { HEADING_SCALE, LIST_INDENT, PARAGRAPH_GAP, QUOTE_INDENT, QUOTE_SCALE } from './style.js';
import { setInlines, type BlockFrame } from './inlines.js';
import { setSignature } from './signature.js';
import type { StructRole } from './types.js';
import { unit, type Unit } from './unit.js';

/** Set blocks in order; the first unit's gap is left to the caller (the section decides it). */
export function setBlocks(blocks: readonly Block[], frame: BlockFrame): Unit[] {
  const units: Unit[] = [];
  for (const block of blocks) units.push(...setBlock(block, frame));
  return units;
}

function setBlock(block: Block, frame: BlockFrame): Unit[] {
  const size = frame.style.size;
  switch (block.type) {
    case 'paragraph': {
      const set = block.flush ? { ...frame, firstLineIndent: 0 } : frame;
      return [
        unit(
          setInlines(block.inlines, set, frame.structure.open(frame.parent, frame.paragraphRole)),
          PARAGRAPH_GAP * size,
        ),
      ];
    }
    case 'heading': {
      const style = { ...frame.style, size: size * HEADING_SCALE[block.level], bold: true };
      const role = `H${Math.min(4, block.level + frame.headingOffset)}` as StructRole;
      const tag = frame.structure.open(frame.parent, role, {
        title: inlineText(block.inlines).replace(/\s+/g, ' ').trim(),
      });
      const lines = setInlines(
        block.inlines,
        {
          ...frame,
          style,
          firstLineIndent: 0,
          align: frame.align === 'justify' ? 'start' : frame.align,
          balance: true,
        },
        tag,
      );
      return [unit(lines, size, { splittable: false, keepWithNext: true, leadIn: true })];
    }
    case 'quote':
      return setQuote(block.blocks, block.attribution, frame);
    case 'list':
      return setList(block.ordered, block.items, frame);
    case 'pagebreak':
      return [unit([], 0, { breakBefore: true, splittable: false })];
    case 'signature':
      return [setSignature(block, frame)];
  }
}

function setQuote(
  blocks: readonly Block[],
  attribution: readonly Inline[] | undefined,
  frame: BlockFrame,
): Unit[] {
  const size = frame.style.size;
  const indent = QUOTE_INDENT * size;
  // Latin quotes are set in italics; CJK faces have none, so there the smaller size alone sets the quote off.
  const inner: BlockFrame = {
    ...frame,
    parent: frame.structure.open(frame.parent, 'BlockQuote'),
    paragraphRole: 'P',
    x: frame.x + indent,
    width: frame.width - 2 * indent,
    style: { ...frame.style, size: size * QUOTE_SCALE, italic: !isCjkLanguage(frame.lang) },
    firstLineIndent: 0,
  };
  const units = setBlocks(blocks, inner);
  if (attribution) {
    const lines = setInlines(
      attribution,
      { ...inner, align: 'end', style: { ...inner.style, italic: false } },
      inner.structure.open(inner.parent, 'P'),
    );
    units.push(unit(lines, 0.3 * size, { splittable: false }));
  }
  if (units[0]) units[0] = { ...units[0], gapBefore: PARAGRAPH_GAP * size };
  if (!quoteHasRule(frame.lang)) return units;
  // The rule beside every line of the quote (model/quote.ts), in the gap left of its text.
  const x = inner.x - QUOTE_RULE.gapEm * size - QUOTE_RULE.widthPt;
  return units.map((u) => ({
    ...u,
    lines: u.lines.map((line) =>
      line.height > 0
        ? {
            ...line,
            items: [
              ...line.items,
              {
                kind: 'rule' as const,
                x,
                y: 0,
                width: QUOTE_RULE.widthPt,
                height: line.height,
                color: QUOTE_RULE.color,
              },
            ],
          }
        : line,
    ),
  }));
}

function setList(ordered: boolean, items: readonly (readonly Block[])[], frame: BlockFrame): Unit[] {
  const size = frame.style.size;
  const indent = LIST_INDENT * size;
  const list = frame.structure.open(frame.parent, 'L');
  const units: Unit[] = [];
  items.forEach((item, index) => {
    const li = frame.structure.open(list, 'LI');
    const label = frame.structure.open(li, 'Lbl');
    const body = frame.structure.open(li, 'LBody');
    const inner: BlockFrame = {
      ...frame,
      x: frame.x + indent,
      width: frame.width - indent,
      firstLineIndent: 0,
      parent: body,
      paragraphRole: 'P',
    };
    const itemUnits = setBlocks(item, inner);
    const first = itemUnits[0];
    const firstLine = first?.lines[0];
    if (!first || !firstLine) return;
    // Hanging marker: a bullet at the left edge, or a number set flush against the text column.
    const marker = ordered ? `${index + 1}.` : '•';
    const [markerLine] = setInlines(
      [{ type: 'text', value: marker }],
      { ...frame, width: indent, firstLineIndent: 0, align: ordered ? 'end' : 'start' },
      label,
    );
    const markerItems = (markerLine?.items ?? []).map((it) => ({
      ...it,
      x: ordered ? it.x - 0.4 * size : it.x + 0.3 * size,
      y: firstLine.baseline,
    }));
    const lines = [{ ...firstLine, items: [...markerItems, ...firstLine.items] }, ...first.lines.slice(1)];
    itemUnits[0] = { ...first, lines, gapBefore: index === 0 ? PARAGRAPH_GAP * size : 0.3 * size };
    units.push(...itemUnits);
  });
  return units;
}
