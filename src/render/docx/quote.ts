/** A block quote: its paragraphs in the Block Quote style, and the attribution under it. */

import type { Quote } from '../../model/index.js';
import type { BlockDrawer, Spec } from './blocks.js';
import type { DrawContext } from './context.js';
import { inlineChildren } from './runs.js';
import { STYLE } from './styles.js';

/** The quote's blocks are drawn by `drawBlocks`, the caller's own drawer (a quote holds blocks, and blocks hold quotes). */
export function quoteSpecs(quote: Quote, ctx: DrawContext, depth: number, drawBlocks: BlockDrawer): Spec[] {
  const out = drawBlocks(quote.blocks, STYLE.quote, ctx, depth);
  if (quote.attribution) {
    out.push({
      style: STYLE.attribution,
      children: inlineChildren(quote.attribution, ctx, ctx.styles.runLook(STYLE.attribution)),
    });
  }
  return out;
}
