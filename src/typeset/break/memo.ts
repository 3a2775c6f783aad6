/**
 * Paragraph layouts kept across the letters of a batch, keyed by content: the same styled runs set in the same frame
 * give the same lines, so a batch to many recipients breaks and places each shared paragraph once per language (as
 * Typst memoizes layout across compilations). Only the structure ids the items carry differ from letter to letter:
 * they are put back from the runs of the letter at hand.
 */

import type { FontBook } from '../../fonts/index.js';
import type { Measurer } from '../measure.js';
import type { StyledRun } from '../runs.js';
import type { PageItem } from '../types.js';
import { setParagraph, type Line, type ParagraphFrame } from './paragraph.js';

/** Past this many distinct paragraphs per font book the table starts over: a long batch holds a bounded amount. */
const MAX_PARAGRAPHS = 4_000;

// Per font book: the faces (and so every measure) a layout depends on belong to it.
const tables = new WeakMap<FontBook, Map<string, readonly Line[]>>();

/** By paragraph text: how often a letter asked for its lines, and how often they were actually laid out. */
export interface ParagraphCounts {
  readonly asked: ReadonlyMap<string, number>;
  readonly laidOut: ReadonlyMap<string, number>;
}

const asked = new Map<string, number>();
const laidOut = new Map<string, number>();

/** The counts of this thread so far (tests read them to prove a batch lays each shared paragraph out once). */
export function paragraphCounts(): ParagraphCounts {
  return { asked: new Map(asked), laidOut: new Map(laidOut) };
}

/**
 * `setParagraph`, once per content: the lines for these runs, size and frame, from the table when a letter of the
 * batch has set the same paragraph already. The lines handed out are fresh objects; the table's are never shared.
 */
export function setParagraphOnce(
  runs: readonly StyledRun[],
  size: number,
  frame: ParagraphFrame,
  measurer: Measurer,
  fonts: FontBook,
): Line[] {
  let table = tables.get(fonts);
  if (!table) tables.set(fonts, (table = new Map()));
  const key = paragraphKey(runs, size, frame);
  const text = runs.map((run) => run.text).join('');
  count(asked, text);
  let lines = table.get(key);
  if (!lines) {
    count(laidOut, text);
    // Each item remembers the index of the run it came from in place of that run's structure id.
    lines = setParagraph(
      runs.map((run, index) => ({ ...run, tag: index })),
      size,
      frame,
      measurer,
    );
    if (table.size >= MAX_PARAGRAPHS) {
      table.clear();
      asked.clear();
      laidOut.clear();
    }
    table.set(key, lines);
  }
  return lines.map((line) => ({ ...line, items: line.items.map((item) => withRunTag(item, runs)) }));
}

function count(counts: Map<string, number>, text: string): void {
  counts.set(text, (counts.get(text) ?? 0) + 1);
}

/** The item with the structure id of the run it was set from (none when that run has none). */
function withRunTag(item: PageItem, runs: readonly StyledRun[]): PageItem {
  if (item.kind !== 'text' || item.tag === undefined) return item;
  const tag = runs[item.tag]?.tag;
  if (tag !== undefined) return { ...item, tag };
  const { tag: _index, ...rest } = item;
  return rest;
}

/** Everything a paragraph's lines depend on: each run's text and style, the size and the frame. */
function paragraphKey(runs: readonly StyledRun[], size: number, frame: ParagraphFrame): string {
  const parts: string[] = [
    String(size),
    String(frame.x),
    String(frame.width),
    String(frame.firstLineIndent),
    frame.align,
    String(frame.leading),
    frame.rtl ? 'rtl' : 'ltr',
  ];
  for (const run of runs) {
    parts.push(
      run.text,
      run.font.face,
      run.font.variant,
      String(run.size),
      run.lang,
      run.spokenLang,
      run.link ?? '',
      run.emphasisDots ?? '',
    );
  }
  return JSON.stringify(parts);
}
