/** Blocks → paragraph specs (docx Paragraph options, built into Paragraphs once the whole letter is laid out). */

import type { IParagraphOptions } from 'docx';
import type { Block } from '../../model/index.js';
import type { DrawContext } from './context.js';
import { listSpecs } from './list.js';
import { quoteSpecs } from './quote.js';
import { inlineChildren } from './runs.js';
import { signatureSpecs } from './signatures.js';
import { STYLE } from './styles.js';

/** A paragraph's options, still open to the per-section adjustments (keeping, page breaks) made in parts.ts. */
export type ParagraphSpec = { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] } & {
  style: string;
};

/** A paragraph, or a page break that the next paragraph will carry as w:pageBreakBefore. */
export type Spec = ParagraphSpec | 'pagebreak';

/** Draws blocks into paragraph specs; lists and quotes are handed it for the blocks they hold. */
export type BlockDrawer = (
  blocks: readonly Block[],
  styleId: string,
  ctx: DrawContext,
  depth?: number,
) => Spec[];

/** Specs for blocks whose plain paragraphs take `styleId` (the part's style, or Block Quote, List Paragraph …). */
export function blockSpecs(blocks: readonly Block[], styleId: string, ctx: DrawContext, depth = 0): Spec[] {
  const out: Spec[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'paragraph':
        out.push({
          style: styleId,
          children: inlineChildren(block.inlines, ctx, ctx.styles.runLook(styleId)),
          // A flush paragraph cancels its style's first-line indent (w:ind firstLine 0).
          ...(block.flush ? { indent: { firstLine: 0, firstLineChars: 0 } } : {}),
        });
        break;
      case 'heading': {
        const style = STYLE.heading[block.level - 1]!;
        out.push({ style, children: inlineChildren(block.inlines, ctx, ctx.styles.runLook(style)) });
        break;
      }
      case 'quote':
        out.push(...quoteSpecs(block, ctx, depth, blockSpecs));
        break;
      case 'list':
        out.push(...listSpecs(block, ctx, depth, blockSpecs));
        break;
      case 'pagebreak':
        out.push('pagebreak');
        break;
      case 'signature':
        out.push(...signatureSpecs(block, ctx));
        break;
    }
  }
  return out;
}
