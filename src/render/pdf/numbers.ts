/** Numbers in content streams as pdfkit writes them, so that a stream repeats byte for byte. */

/** pdfkit's number format: at most six decimals. */
export function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** Numbers already written, by value: the items of a batch stand at a few hundred distinct places (60 letters, ~1,000). */
const numberTexts = new Map<number, string>();
const MAX_NUMBER_TEXTS = 1 << 16;

/** `num(n)` as the text pdfkit would write, from the table when `n` was written before (converting a double is slow). */
export function numberText(n: number): string {
  let text = numberTexts.get(n);
  if (text === undefined) {
    if (numberTexts.size >= MAX_NUMBER_TEXTS) numberTexts.clear();
    numberTexts.set(n, (text = String(num(n))));
  }
  return text;
}
