/**
 * The punctuation compression of one paragraph (compress.ts), in points: which characters advance less, and by how
 * much, for the breaker (is a pair on the line?) and for placing a line (which glyphs to draw narrower).
 */

import { isCjkLanguage } from '../../model/index.js';
import type { Measurer } from '../measure.js';
import type { StyledRun } from '../runs.js';
import { blankOf, pairSqueezes } from './compress.js';

export class ParagraphSqueezes {
  /** Index of each pair's first character, in order (its points are `joins[index + 1]`). */
  private readonly sorted: number[];
  /**
   * By index `end`: the points a line ending just before `end` may give up (`lineEnd`), and the points saved when
   * text[end - 1] and text[end] stand on one line (`join`). Read by the breaker at every opportunity: one array read
   * each, not a search.
   */
  private readonly ends: Float64Array;
  private readonly joins: Float64Array;
  /** Whether some character has a blank half (a pair to compress, or a mark that may go half-width at a line end). */
  readonly any: boolean;

  constructor(text: string, runAt: (index: number) => StyledRun, measurer: Measurer) {
    let any = false;
    this.ends = new Float64Array(text.length + 1);
    // Only text set as Chinese, Japanese or Korean compresses; a mark is one UTF-16 unit (all of them are in the BMP).
    const ems = pairSqueezes(text, (i) => {
      const run = runAt(i);
      const blank = isCjkLanguage(run.lang)
        ? blankOf(text.charCodeAt(i), (cp) => measurer.halfWidth(run.font, cp))
        : undefined;
      if (blank) {
        any = true;
        if (blank.side === 'end') this.ends[i + 1] = blank.em * run.size;
      }
      return blank;
    });
    this.joins = new Float64Array(text.length + 1);
    for (const [i, em] of ems) this.joins[i + 1] = em * runAt(i).size;
    this.sorted = [...ems.keys()].sort((a, b) => a - b);
    this.any = any;
  }

  /** Points saved by the pairs that lie wholly inside text[start, end). */
  within(start: number, end: number): number {
    // A pair takes two characters: a shorter piece (the breaker measures one ideograph at a time) holds none.
    if (end - start < 2) return 0;
    let total = 0;
    for (let k = this.first(start); k < this.sorted.length && this.sorted[k]! + 1 < end; k++)
      total += this.joins[this.sorted[k]! + 1]!;
    return total;
  }

  /** Points saved by the pair text[index - 1] text[index], when both stand on one line. */
  readonly join = (index: number): number => this.joins[index] ?? 0;

  /**
   * Points a line ending just before `end` may give up at its end: the blank end of its last mark (clreq allows a
   * half-width mark at the line's end; we take it only when the line would not fit otherwise).
   */
  readonly lineEnd = (end: number): number => this.ends[end] ?? 0;

  /**
   * The compressions of the line text[start, end): index → points. `overflow` is how far the line, its pairs
   * compressed, is wider than its measure: then its last mark is set half-width too.
   */
  line(start: number, end: number, overflow: number): Map<number, number> {
    const out = new Map<number, number>();
    for (let k = this.first(start); k < this.sorted.length && this.sorted[k]! + 1 < end; k++)
      out.set(this.sorted[k]!, this.joins[this.sorted[k]! + 1]!);
    const last = this.lineEnd(end);
    if (overflow > 1e-6 && last > 0) out.set(end - 1, (out.get(end - 1) ?? 0) + last);
    return out;
  }

  private first(start: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
