/** One paragraph of inlines set in a frame: what blocks and signature blocks both build on. */

import type { FontBook } from '../fonts/index.js';
import { isRightToLeftLanguage, type Align, type Inline, type Lang, type Signature } from '../model/index.js';
import type { Line } from './break/paragraph.js';
import { setParagraphOnce } from './break/memo.js';
import type { Measurer } from './measure.js';
import type { TextStyle } from './runs.js';
import type { StructureBuilder } from './structure.js';
import type { StructRole } from './types.js';

/** Where and how a sequence of blocks is set. */
export interface BlockFrame {
  readonly fonts: FontBook;
  readonly measurer: Measurer;
  readonly lang: Lang;
  readonly x: number;
  readonly width: number;
  readonly style: TextStyle;
  readonly align: Align;
  /** First-line indent of paragraphs, in em. */
  readonly firstLineIndent: number;
  /** Line height as a multiple of the size. */
  readonly leading: number;
  /** The structure tree, and the element the blocks set here become children of. */
  readonly structure: StructureBuilder;
  readonly parent: number;
  /** What a paragraph is in this frame: `P`, or `H1` in the title part. */
  readonly paragraphRole: StructRole;
  /** Added to a heading's level (1 when the letter's title is already the H1). */
  readonly headingOffset: number;
  /** The signature block that keeps a box free for the signed PDF's signature field, inside its own block. */
  readonly signatureFieldIn?: Signature;
  /** Headings and the letter's title: their lines of even length (break/balance.ts). */
  readonly balance?: boolean;
}

/** Set inlines as one paragraph in the frame, their text the content of structure element `tag`. */
export function setInlines(inlines: readonly Inline[], frame: BlockFrame, tag: number): Line[] {
  const size = frame.style.size;
  const paragraph = {
    x: frame.x,
    width: frame.width,
    firstLineIndent: frame.firstLineIndent * size,
    align: frame.align,
    leading: frame.leading,
    rtl: isRightToLeftLanguage(frame.lang),
    ...(frame.balance ? { balance: true } : {}),
  };
  return setParagraphOnce(
    { inlines, lang: frame.lang, style: frame.style, frame: paragraph },
    frame.fonts,
    frame.measurer,
    (runs) => frame.structure.tagRuns(runs, tag),
  );
}
