/** What every part builder shares while one letter is drawn: fonts, languages, styles, and the collectors. */

import type { FontBook } from '../../fonts/index.js';
import type { Lang } from '../../model/index.js';
import type { Lists } from './list.js';
import type { StyleSheet } from './styles.js';
import type { GlyphUsage } from './usage.js';

export interface DrawContext {
  readonly fonts: FontBook;
  /** The document's language (its BCP 47 tag is `fonts.locale(lang)`). */
  readonly lang: Lang;
  /** The family name a face goes by in this document: its embedded subsets' tagged name (embed.ts). */
  family(faceId: string): string;
  readonly styles: StyleSheet;
  /** Records the characters each face draws, for the embedded subsets. */
  readonly usage: GlyphUsage;
  /** Numbering instances of the document's lists. */
  readonly lists: Lists;
  /** Next drawing id (wp:docPr/@id): passed in, because docx's own counter is shared by the whole process. */
  nextDrawingId(): number;
}
