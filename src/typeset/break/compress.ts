/**
 * Punctuation compression (标点挤压, clreq §3.1.6; jlreq §3.1.4): full-width punctuation carries half an em of blank
 * on one side of its ink, and where two marks stand side by side one of those blanks goes, so "。」", "），", "“《"
 * take an em and a half, not two.
 *
 * - The first mark of a pair gives up its blank end when its ink sits at its start (。，、」）” in the GB forms);
 * - otherwise the second gives up its blank start when its ink sits at its end (the opening mark in “《, （「).
 * Which side is blank, and by how much, is the face's own `halt` feature (half-width alternates, fontkit's public
 * layout) for that mark: a shift of the glyph with it means the blank is at the start, an advance cut alone means
 * at the end, anything else (a centred colon in Noto Serif KR) is never compressed. Where the face has no `halt`,
 * nothing is compressed.
 *
 * Either way the saving is drawn as a shorter advance of the pair's FIRST mark (the pen moves on half an em less):
 * the glyphs land where `halt` would put them, and no glyph is drawn to the left of its pen position, so text
 * extraction (which boxes each glyph from its pen position) sees the marks side by side, not overlapping.
 *
 * Korean follows klreq: its text uses Western punctuation (proportional . , “ ” in Noto Serif KR, never compressed);
 * the full-width marks it does use (「」《》、。) compress as in Chinese.
 */

/** Full-width punctuation that may carry a blank half (clreq §3.1.6's marks), before the face is asked. */
export const PUNCTUATION: ReadonlySet<number> = new Set(
  [...'，。、；：？！）」』》〉】〕〗〙〛｝］”’（「『《〈【〔〖〘〚｛［“‘'].map((c) => c.codePointAt(0)!),
);

/** The blank half of a mark: at its end (right) or at its start (left), and its width in em. */
export interface Blank {
  readonly side: 'start' | 'end';
  readonly em: number;
}

/** What the face's `halt` does to one character, in em: the advance it takes away, and how far it shifts the glyph. */
export interface HalfWidth {
  readonly advanceCut: number;
  readonly shift: number;
}

/** Whether `cp` is a mark that may have a blank half at all (any other character never compresses). */
export function mayCompress(cp: number): boolean {
  // Every mark lies in one of three short stretches: any other character is answered without the set.
  return (
    ((cp >= 0x2018 && cp <= 0x201d) || (cp >= 0x3001 && cp <= 0x301b) || cp >= 0xff01) && PUNCTUATION.has(cp)
  );
}

/** The blank half of `cp` as its face's `halt` shows it, or undefined when it has none to give up. */
export function blankOf(cp: number, halt: (cp: number) => HalfWidth | undefined): Blank | undefined {
  if (!mayCompress(cp)) return undefined;
  const h = halt(cp);
  if (!h || h.advanceCut < 0.25) return undefined;
  if (Math.abs(h.shift) < 0.01) return { side: 'end', em: h.advanceCut };
  if (Math.abs(h.shift + h.advanceCut) < 0.01) return { side: 'start', em: h.advanceCut };
  return undefined;
}

/**
 * The pairs of a text that compress: for each index i whose character and the next form one, the em the first of
 * them advances less. `blank(i)` is the blank half of the mark at i (undefined for a mark without one); it is asked
 * about the marks alone (`mayCompress`), once each.
 */
export function pairSqueezes(text: string, blank: (index: number) => Blank | undefined): Map<number, number> {
  const out = new Map<number, number>();
  let before: Blank | undefined;
  for (let i = 0; i < text.length; i++) {
    const current = mayCompress(text.charCodeAt(i)) ? blank(i) : undefined;
    if (before && current) {
      if (before.side === 'end') out.set(i - 1, before.em);
      else if (current.side === 'start') out.set(i - 1, current.em);
    }
    before = current;
  }
  return out;
}
