/** Page numbers: the letter's own label (`- {page} -`, `第{page}页`) centred in the bottom margin of every page. */

import type { FontBook } from '../../fonts/index.js';
import { isRightToLeftLanguage, type LetterDoc } from '../../model/index.js';
import { columnAxis, mirrorItems } from '../bidi/mirror.js';
import { setParagraphOnce } from '../break/memo.js';
import type { Measurer } from '../measure.js';
import { bodySize, PAGE_NUMBER } from '../style.js';
import type { PageGeometry, PageItem } from '../types.js';

/** The items of page `page` (1-based) of `pages`'s number. */
export function pageNumberItems(
  doc: LetterDoc,
  page: number,
  pages: number,
  geometry: PageGeometry,
  fonts: FontBook,
  measurer: Measurer,
): PageItem[] {
  const label = doc.pageLabel.replaceAll('{page}', String(page)).replaceAll('{pages}', String(pages));
  const size = bodySize(doc.lang) * PAGE_NUMBER.scale;
  const x = geometry.margins.left;
  const width = geometry.width - geometry.margins.left - geometry.margins.right;
  const rtl = isRightToLeftLanguage(doc.lang);
  // From the paragraph table: every letter of a batch numbers its pages with the same few labels. The runs stay
  // untagged (a page number is an artifact), so the items carry no structure id.
  const [line] = setParagraphOnce(
    {
      inlines: [{ type: 'text', value: label }],
      lang: doc.lang,
      style: { size, bold: false, italic: false },
      frame: { x, width, firstLineIndent: 0, align: 'center', leading: 1, rtl },
    },
    fonts,
    measurer,
    (runs) => runs,
  );
  if (!line) return [];
  const items = rtl ? mirrorItems(line.items, columnAxis(geometry)) : line.items;
  // Baseline a little below the middle of the bottom margin, so the digits' optical centre sits on it.
  const baseline = geometry.height - geometry.margins.bottom * PAGE_NUMBER.baselineFromBottom + size * 0.35;
  return items.map((item) => ({ ...item, y: item.y - line.baseline + baseline }));
}
