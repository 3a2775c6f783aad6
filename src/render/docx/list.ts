/** Lists as real Word numbering: bullets and decimal numbers, each list its own instance so numbering restarts. */

import { AlignmentType, LevelFormat, type INumberingOptions } from 'docx';
import type { List } from '../../model/index.js';
import type { DrawContext } from './context.js';
import type { BlockDrawer, Spec } from './blocks.js';
import { STYLE } from './styles.js';

const BULLETS = 'letter-bullets';
const NUMBERS = 'letter-numbers';
const DEPTH = 3;
// Indents in twips: each level steps in by 0.25 in and hangs its marker 0.25 in.
const STEP = 360;

/** Numbering instances handed out in document order, so two renders number identically. */
export class Lists {
  private instances = 0;

  /** A fresh numbering instance for one list. */
  start(ordered: boolean): { reference: string; instance: number } {
    return { reference: ordered ? NUMBERS : BULLETS, instance: this.instances++ };
  }

  /** docx's `numbering` option: the two abstract lists every document defines. */
  config(): INumberingOptions['config'] {
    const levels = (ordered: boolean) =>
      Array.from({ length: DEPTH }, (_, level) => ({
        level,
        // ordered: 1. / a. / i. ; bullets: • – • (glyphs every Latin face has)
        ...(ordered
          ? {
              format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level]!,
              text: `%${level + 1}.`,
            }
          : { format: LevelFormat.BULLET, text: ['•', '–', '•'][level]! }),
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: STEP * (level + 1), hanging: STEP } } },
      }));
    return [
      { reference: BULLETS, levels: levels(false) },
      { reference: NUMBERS, levels: levels(true) },
    ];
  }
}

/** Characters list markers draw, which no text run carries: the embedded subsets must hold them. */
export const MARKER_CHARS = '•–.abcdefghijklmnopqrstuvwxyz';

/** The paragraphs of a list: the first paragraph of each item carries the number; the item's other paragraphs
 *  and nested lists line up under its text. An item's blocks are drawn by `drawBlocks`, the caller's own drawer. */
export function listSpecs(list: List, ctx: DrawContext, depth: number, drawBlocks: BlockDrawer): Spec[] {
  const numbering = ctx.lists.start(list.ordered);
  const level = Math.min(depth, DEPTH - 1);
  const out: Spec[] = [];
  for (const item of list.items) {
    let first = true;
    for (const block of item) {
      if (block.type === 'list') {
        out.push(...listSpecs(block, ctx, depth + 1, drawBlocks));
        continue;
      }
      for (const spec of drawBlocks([block], STYLE.list, ctx, depth)) {
        if (spec === 'pagebreak') {
          out.push(spec);
        } else if (first) {
          out.push({ ...spec, numbering: { ...numbering, level } });
          first = false;
        } else {
          out.push({ ...spec, indent: { left: STEP * (level + 1) } });
        }
      }
    }
  }
  return out;
}
