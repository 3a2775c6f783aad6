/**
 * Unbreakable runs far longer than a line (a 160 KB token, 80 K Korean characters without a space) are cut between
 * graphemes in work linear in their length: the segmentation goes a window at a time and gives the same clusters.
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breakLines, graphemes } from '../../src/typeset/break/lines.js';
import { breakOpportunities } from '../../src/typeset/segment/breaks.js';

const whole = (text: string) =>
  [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].map((s) => ({
    at: s.index,
    length: s.segment.length,
  }));

describe('graphemes, a window at a time', () => {
  it('gives the clusters one segmentation of the whole text gives, across window edges', () => {
    // Clusters of several code units (combining marks, ZWJ emoji, Hangul jamo) placed so that some straddle 4096.
    const piece = fc.constantFrom(
      'a',
      '가',
      'e\u0301',
      '\u1100\u1161\u11a8',
      '👩\u200d👩\u200d👧',
      '🇰🇷',
      '漢',
      ' ',
      'x\u0308\u0323',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 1, maxLength: 3000 }),
        fc.integer({ min: 0, max: 4000 }),
        (pieces, pad) => {
          const text = 'b'.repeat(pad) + pieces.join('');
          expect([...graphemes(text, 0, text.length)]).toEqual(whole(text));
        },
      ),
      { numRuns: 20, seed: 7 },
    );
  });

  it('covers a sub-range exactly', () => {
    const text = 'ab' + 'e\u0301'.repeat(5000) + 'cd';
    const got = [...graphemes(text, 2, text.length - 2)];
    expect(got).toHaveLength(5000);
    expect(got[0]).toEqual({ at: 2, length: 2 });
    expect(got.at(-1)).toEqual({ at: text.length - 4, length: 2 });
  });
});

describe('an 80,000-character Korean word', () => {
  it('is cut into full lines, each piece measured once', () => {
    const text = '가나다라마바사'.repeat(11_429).slice(0, 80_000);
    let measured = 0;
    const spans = breakLines({
      text,
      opportunities: breakOpportunities(text, () => 'ko'),
      width: (start, end) => {
        measured += end - start;
        return (end - start) * 10;
      },
      lineWidth: () => 400,
    });
    expect(spans).toHaveLength(2000);
    expect(spans.every((s, i) => s.start === i * 40 && s.end === s.start + 40)).toBe(true);
    // Linear work: every character is measured a bounded number of times (the segment, its graphemes, the last line).
    expect(measured).toBeLessThanOrEqual(3 * text.length);
  });
});
