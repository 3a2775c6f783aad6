/**
 * A Chinese or Japanese title broken where the letter typeset it. A word processor breaks such text between any two
 * ideographs (LibreOffice set the Pope's title 「…遣返朝鲜难 / 民」, and ignores a WORD JOINER there), so the DOCX
 * carries the PDF's lines as line breaks: the same balanced lines, broken between phrases (typeset/break/balance.ts).
 */

import type { Inline, Lang, Section } from '../../model/index.js';
import { inlineText, isChineseOrJapanese } from '../../model/index.js';

/**
 * The section with a line break where each paragraph's typeset lines meet; as it is for another language, or where
 * the lines are not exactly its paragraphs' text.
 */
export function withDisplayBreaks(
  section: Section,
  lines: readonly (readonly string[])[] | undefined,
  lang: Lang,
): Section {
  if (!lines || !isChineseOrJapanese(lang) || lines.length !== section.blocks.length) return section;
  const blocks = section.blocks.map((block, i) => {
    const set = lines[i]!;
    if (block.type !== 'paragraph' || set.length < 2 || set.join('') !== inlineText(block.inlines))
      return block;
    let at = 0;
    const ends = set.slice(0, -1).map((line) => (at += line.length));
    return { ...block, inlines: brokenAt(block.inlines, ends) };
  });
  return { ...section, blocks };
}

/** The inlines with a line break at each of these offsets of their text (ascending), inside markup too. */
function brokenAt(inlines: readonly Inline[], ends: readonly number[]): Inline[] {
  let offset = 0;
  const walk = (list: readonly Inline[]): Inline[] =>
    list.flatMap((inline): Inline[] => {
      if (inline.type === 'break') {
        offset += 1;
        return [inline];
      }
      if (inline.type !== 'text') return [{ ...inline, children: walk(inline.children) }];
      const start = offset;
      offset += inline.value.length;
      const cuts = ends.filter((end) => end > start && end < offset).map((end) => end - start);
      if (!cuts.length) return [inline];
      const out: Inline[] = [];
      let from = 0;
      for (const cut of cuts) {
        out.push({ ...inline, value: inline.value.slice(from, cut) }, { type: 'break' });
        from = cut;
      }
      out.push({ ...inline, value: inline.value.slice(from) });
      return out;
    });
  return walk(inlines);
}
