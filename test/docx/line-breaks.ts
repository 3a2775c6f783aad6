/** Comparing two PDFs of one letter line by line: the text without page labels and whitespace, and where lines end. */

/** The page labels a language prints (locales/<lang>/labels.json `page`), as a pattern over whitespace-free text. */
export const PAGE_LABEL: Readonly<Record<string, RegExp>> = {
  en: /Page\d+of\d+/g,
  ko: /\d+\/\d+(?=\n|$)/g,
  zh: /第\d+页共\d+页/g,
};

/** pdftotext's lines without whitespace and page labels; lines left empty are dropped. */
export function letterLines(pdfText: string, lang: string): string[] {
  const label = PAGE_LABEL[lang]!;
  return pdfText
    .split(/\n|\f/)
    .map((line) => line.replace(/\s+/g, '').replace(label, ''))
    .filter((line) => line !== '');
}

/** Where each line ends, as an offset into the lines joined. */
function lineEnds(lines: readonly string[]): number[] {
  let at = 0;
  return lines.map((line) => (at += line.length));
}

export interface BreakAgreement {
  /** Lines of the reference PDF that end inside a paragraph (paragraph ends agree by construction). */
  readonly lines: number;
  /** How many of them end at the same character in the other PDF. */
  readonly same: number;
}

/**
 * How many of `ours`'s line ends inside paragraphs `theirs` also has. Both are letterLines of the same text;
 * `paragraphEnds` are the offsets where paragraphs end in that text (left out of the count).
 */
export function breakAgreement(
  ours: readonly string[],
  theirs: readonly string[],
  paragraphEnds: ReadonlySet<number>,
): BreakAgreement {
  const other = new Set(lineEnds(theirs));
  const inside = lineEnds(ours).filter((end) => !paragraphEnds.has(end));
  return { lines: inside.length, same: inside.filter((end) => other.has(end)).length };
}

/** Paragraph end offsets in the whitespace-free text of these paragraphs, in order. */
export function paragraphEnds(paragraphs: readonly string[]): Set<number> {
  let at = 0;
  return new Set(paragraphs.map((p) => (at += p.replace(/\s+/g, '').length)));
}
