/** Checks line ends of a written PDF against the source text: mid-word Korean breaks, kinsoku, split Latin words/numbers. */

// SPEC §7's sets, written out here rather than imported, so the test does not trust the code it checks.
const CLOSING = new Set([...'，。、；：？！）」』》〉】〕…”’']);
const OPENING = new Set([...'（「『《〈【〔“‘']);
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/u;
const ALNUM = /[A-Za-z0-9]/;

/** One line break the PDF made that the rules forbid. */
export interface Violation {
  readonly kind: 'mid-word' | 'starts-with-closing' | 'ends-with-opening' | 'split-latin' | 'unmatched';
  readonly before: string;
  readonly after: string;
}

/**
 * Walk the PDF's text lines (pdftotext -raw) through the source paragraphs, whitespace ignored, and judge every place
 * where a line ends inside a paragraph. Lines matching `skip` (page numbers) are ignored.
 */
export function lineEndViolations(
  pdfText: string,
  paragraphs: readonly string[],
  skip: RegExp,
): { violations: Violation[]; breaks: number } {
  // The source without whitespace, and for each of its characters whether whitespace preceded it in the source.
  const chars: string[] = [];
  const spaceBefore: boolean[] = [];
  const paragraphStart: boolean[] = [];
  for (const p of paragraphs) {
    let sawSpace = false;
    let first = true;
    for (const ch of p) {
      if (/\s/u.test(ch)) {
        sawSpace = true;
        continue;
      }
      chars.push(ch);
      spaceBefore.push(sawSpace);
      paragraphStart.push(first);
      sawSpace = false;
      first = false;
    }
  }

  const violations: Violation[] = [];
  let breaks = 0;
  let at = 0;
  const lines = pdfText
    .split(/\n|\f/)
    .map((l) => [...l.replace(/\s+/gu, '')])
    .filter((l) => l.length > 0);
  for (const line of lines) {
    if (skip.test(line.join(''))) continue;
    const matches = line.every((ch, i) => chars[at + i] === ch);
    if (!matches) {
      violations.push({ kind: 'unmatched', before: chars.slice(at, at + 20).join(''), after: line.join('') });
      return { violations, breaks };
    }
    if (at > 0 && !paragraphStart[at]) {
      breaks++;
      const before = chars[at - 1]!;
      const after = chars[at]!;
      const joined = !spaceBefore[at];
      if (joined && (HANGUL.test(before) || HANGUL.test(after)) && HANGUL.test(before + after))
        violations.push({ kind: 'mid-word', before, after });
      if (CLOSING.has(after)) violations.push({ kind: 'starts-with-closing', before, after });
      if (OPENING.has(before)) violations.push({ kind: 'ends-with-opening', before, after });
      if (joined && ALNUM.test(before) && ALNUM.test(after))
        violations.push({ kind: 'split-latin', before, after });
    }
    at += line.length;
  }
  if (at !== chars.length)
    violations.push({ kind: 'unmatched', before: chars.slice(at, at + 20).join(''), after: '(end of PDF)' });
  return { violations, breaks };
}
