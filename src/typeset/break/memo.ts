/**
 * Paragraph layouts kept across the letters of a batch, keyed by content: the same inlines styled the same way and set
 * in the same frame give the same runs and the same lines, so a batch to many recipients itemizes, breaks and places
 * each shared paragraph once per language (as Typst memoizes layout across compilations). Only the structure ids the
 * runs and items carry differ from letter to letter: each letter tags the remembered runs in its own structure tree,
 * and the items take their ids from those runs.
 */

import type { FontBook } from '../../fonts/index.js';
import type { Inline, Lang } from '../../model/index.js';
import type { Measurer } from '../measure.js';
import { styleRuns, type StyledRun, type TextStyle } from '../runs.js';
import type { PageItem } from '../types.js';
import { setParagraph, type Line, type ParagraphFrame } from './paragraph.js';

/** Past this many distinct paragraphs per font book the table starts over: a long batch holds a bounded amount. */
const MAX_PARAGRAPHS = 4_000;

/** One paragraph's layout: its runs before tagging, and its lines, each text item tagged with its run's index. */
interface Layout {
  readonly text: string;
  readonly runs: readonly StyledRun[];
  readonly lines: readonly Line[];
}

// Per font book: the faces (and so every run and measure) a layout depends on belong to it.
const tables = new WeakMap<FontBook, Map<string, Layout>>();

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

/** What one paragraph is made of and where it is set: everything its runs and lines depend on but the font book. */
export interface ParagraphRequest {
  readonly inlines: readonly Inline[];
  /** The letter's language (the font chain and spoken language of its runs). */
  readonly lang: Lang;
  /** Size and weight the inlines are set in; the size is the paragraph's base size (its line height derives from it). */
  readonly style: TextStyle;
  readonly frame: ParagraphFrame;
}

/**
 * The lines of a paragraph (`styleRuns` then `setParagraph`), from the table when a letter of the batch has set the
 * same paragraph already. `tag` gives the runs their structure ids in the letter at hand (it is called once per
 * request, laid out or not, so every letter grows its structure tree alike). The lines handed out are fresh objects.
 */
export function setParagraphOnce(
  request: ParagraphRequest,
  fonts: FontBook,
  measurer: Measurer,
  tag: (runs: readonly StyledRun[]) => readonly StyledRun[],
): Line[] {
  let table = tables.get(fonts);
  if (!table) tables.set(fonts, (table = new Map()));
  const key = paragraphKey(request);
  let layout = table.get(key);
  if (!layout) {
    const runs = styleRuns(request.inlines, request.lang, request.style, fonts);
    const text = runs.map((run) => run.text).join('');
    // Each item remembers the index of the run it came from in place of that run's structure id.
    const lines = setParagraph(
      runs.map((run, index) => ({ ...run, tag: index })),
      request.style.size,
      request.frame,
      measurer,
    );
    if (table.size >= MAX_PARAGRAPHS) {
      table.clear();
      asked.clear();
      laidOut.clear();
    }
    count(laidOut, text);
    layout = { text, runs, lines };
    table.set(key, layout);
  }
  count(asked, layout.text);
  const tagged = tag(layout.runs);
  return layout.lines.map((line) => ({ ...line, items: line.items.map((item) => withRunTag(item, tagged)) }));
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

/**
 * Everything a paragraph's runs and lines depend on: the inline tree (each node's kind, text, language and link), the
 * letter's language, the style and the frame. Strings carry their length, so no two requests share a key.
 */
function paragraphKey({ inlines, lang, style, frame }: ParagraphRequest): string {
  const parts: string[] = [
    lang,
    String(style.size),
    style.bold ? 'b' : '',
    style.italic ? 'i' : '',
    String(frame.x),
    String(frame.width),
    String(frame.firstLineIndent),
    frame.align,
    String(frame.leading),
    frame.rtl ? 'rtl' : 'ltr',
    frame.balance ? 'balance' : '',
  ];
  inlinesKey(inlines, parts);
  return parts.join('\u0000');
}

function inlinesKey(inlines: readonly Inline[], parts: string[]): void {
  for (const node of inlines) {
    switch (node.type) {
      case 'text':
        parts.push(`t${node.lang ?? ''}:${node.value.length}`, node.value);
        break;
      case 'strong':
      case 'emphasis':
        parts.push(`${node.type}[${node.children.length}`);
        inlinesKey(node.children, parts);
        break;
      case 'link':
        parts.push(`link[${node.children.length}:${node.url.length}`, node.url);
        inlinesKey(node.children, parts);
        break;
      case 'break':
        parts.push('br');
        break;
    }
  }
}
