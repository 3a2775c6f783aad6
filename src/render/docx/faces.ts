/** Which face draws each character of a text, and which w:rFonts slot Word reads it from: text → face runs. */

import { isInvisible, type FontBook } from '../../fonts/index.js';
import { isCjkLanguage, type Lang, type Origin } from '../../model/index.js';

/** A stretch of text whose characters all resolve, slot by slot, to the same faces. */
export interface FaceRun {
  readonly text: string;
  /** Face id for w:rFonts ascii/hAnsi (Latin and other non-East-Asian characters). */
  readonly latinFace: string;
  /** Face id for w:rFonts eastAsia (Hangul, Han, kana, CJK punctuation, fullwidth forms). */
  readonly eastAsianFace: string;
  /** Characters Word draws from the ascii/hAnsi slot, and from the eastAsia slot: what each face must embed. */
  readonly latinChars: string;
  readonly eastAsianChars: string;
  /** w:hint="eastAsia": the run is East Asian text, so Word draws ambiguous punctuation (“ ” … —) from eastAsia. */
  readonly eastAsianHint: boolean;
}

// ECMA-376 Part 1 §17.3.2.26 (rFonts) with [MS-OI29500] 2.1.87: Word picks the slot by Unicode block. These blocks are
// always eastAsia: Hangul Jamo, CJK radicals to CJK Unified Ideographs (incl. kana, CJK symbols and punctuation,
// Hangul compatibility jamo), Yi, Hangul Jamo Extended-A, Hangul syllables and Jamo Extended-B, CJK compatibility
// ideographs, CJK compatibility and small forms, halfwidth and fullwidth forms, and everything beyond the BMP.
const EAST_ASIAN_BLOCKS: readonly (readonly [number, number])[] = [
  [0x1100, 0x11ff],
  [0x2e80, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7ff],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe6f],
  [0xff00, 0xffef],
  [0x10000, 0x10ffff],
];

// Blocks Word draws from eastAsia only when the run carries w:hint="eastAsia": Latin-1 symbols (§ ° · ×),
// general punctuation and the symbol blocks after it (quotes, dashes, ellipsis, arrows), and the private use area.
const HINTED_BLOCKS: readonly (readonly [number, number])[] = [
  [0x00a1, 0x00ff],
  [0x2000, 0x2bff],
  [0xe000, 0xf8ff],
];

const inBlocks = (cp: number, blocks: readonly (readonly [number, number])[]): boolean =>
  blocks.some(([from, to]) => cp >= from && cp <= to);

/** Whether Word draws this character from the eastAsia font of a run (given the run's hint). */
export function isEastAsianSlot(cp: number, eastAsianHint: boolean): boolean {
  if (inBlocks(cp, EAST_ASIAN_BLOCKS)) return true;
  // Latin letters of Latin-1 stay in the Latin slot even under the hint; Word only moves symbols.
  if (eastAsianHint && inBlocks(cp, HINTED_BLOCKS)) return !isLatin1Letter(cp);
  return false;
}

const isLatin1Letter = (cp: number): boolean => cp >= 0xc0 && cp <= 0xff && cp !== 0xd7 && cp !== 0xf7;

/**
 * The w:lang/@w:val (language of the Latin-slot text) for runs in this language. For East Asian languages it is
 * English (en-US), as Word writes it: LibreOffice breaks Latin text by the w:val locale, and with zh-CN it splits Latin words
 * anywhere ("Mai|ntaining"). The East Asian text keeps its own language in w:eastAsia.
 */
export function latinLocale(lang: Lang, locale: string, fonts: FontBook): string {
  return isCjkLanguage(lang) ? fonts.locale('en') : locale;
}

/** The faces a language uses for a slot when its text has no character of that slot (a Latin-only Korean run). */
export function defaultFaces(fonts: FontBook, lang: Lang): { latin: string; eastAsian: string } {
  const chain = fonts.chain(lang);
  // 'a' and 一 stand for the two slots: the first face of the chain that has them draws that slot's text.
  const latin = fonts.faceFor(0x61, lang) ?? chain[0]!;
  const eastAsian = fonts.faceFor(0x4e00, lang) ?? latin;
  return { latin, eastAsian };
}

/**
 * Splits text into runs at every change of face, following the language's chain (fonts.json): a Han character the
 * Korean face lacks (华) gets a run of its own whose eastAsia face is the Chinese one.
 * Throws `uncovered-character` for a character no face of the chain has, naming it, its key and its language.
 */
export function faceRuns(text: string, lang: Lang, fonts: FontBook, origin?: Origin): FaceRun[] {
  // Word treats Korean, Chinese and Japanese text as East Asian; other languages (vi, mn …) use the Latin slot.
  const hint = isCjkLanguage(lang);
  const defaults = defaultFaces(fonts, lang);
  const runs: FaceRun[] = [];
  let current = { text: '', latin: '', eastAsian: '', latinFace: '', eastAsianFace: '' };
  const flush = (): void => {
    if (current.text === '') return;
    runs.push({
      text: current.text,
      latinFace: current.latinFace || defaults.latin,
      eastAsianFace: current.eastAsianFace || defaults.eastAsian,
      latinChars: current.latin,
      eastAsianChars: current.eastAsian,
      eastAsianHint: hint,
    });
    current = { text: '', latin: '', eastAsian: '', latinFace: '', eastAsianFace: '' };
  };
  for (let at = 0; at < text.length; ) {
    const cp = text.codePointAt(at)!;
    const ch = String.fromCodePoint(cp);
    const eastAsian = isEastAsianSlot(cp, hint);
    // Spaces and joiners never start a run of their own: they take the face of the run around them. A combining mark
    // stays in its letter's face (fonts.clusterFace): a run of its own in another font is not placed on the letter.
    const before = (eastAsian ? current.eastAsianFace : current.latinFace) || undefined;
    const face = isInvisible(cp) ? undefined : fonts.clusterFace(text, at, lang, before, origin);
    at += ch.length;
    if (face !== undefined) {
      const slotFace = eastAsian ? current.eastAsianFace : current.latinFace;
      if (slotFace !== '' && slotFace !== face) flush();
      if (eastAsian) current.eastAsianFace = face;
      else current.latinFace = face;
    }
    current.text += ch;
    if (eastAsian) current.eastAsian += ch;
    else current.latin += ch;
  }
  flush();
  return runs;
}

/**
 * The pieces of a run whose visible characters all come from one slot; spaces and joiners stay with the piece they
 * fall in. Used where the two faces of a run differ in a way Word can only switch per run (italics).
 */
export function splitBySlot(run: FaceRun): FaceRun[] {
  const pieces: FaceRun[] = [];
  let current = { text: '', latin: '', eastAsian: '', eastAsianSlot: undefined as boolean | undefined };
  const flush = (): void => {
    if (current.text === '') return;
    pieces.push({ ...run, text: current.text, latinChars: current.latin, eastAsianChars: current.eastAsian });
    current = { text: '', latin: '', eastAsian: '', eastAsianSlot: undefined };
  };
  for (const ch of run.text) {
    const cp = ch.codePointAt(0)!;
    const eastAsian = isEastAsianSlot(cp, run.eastAsianHint);
    if (!isInvisible(cp)) {
      if (current.eastAsianSlot !== undefined && current.eastAsianSlot !== eastAsian) flush();
      current.eastAsianSlot = eastAsian;
    }
    current.text += ch;
    if (eastAsian) current.eastAsian += ch;
    else current.latin += ch;
  }
  flush();
  return pieces;
}

/** Whether a piece from splitBySlot draws its visible text from the eastAsia slot. */
export function isEastAsianPiece(piece: FaceRun): boolean {
  return [...piece.eastAsianChars].some((ch) => !isInvisible(ch.codePointAt(0)!));
}
