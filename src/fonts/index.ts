/** Fonts: which face serves which language (fonts/fonts.json), glyph coverage, and parsed faces shared by renderers. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { LetterError, problem, type Diagnostic } from '../diag/index.js';
import type { Lang, Origin } from '../model/index.js';
import { isCombiningMark } from '../unicode/index.js';
import { mergeFonts, readFontsConfig, type FontsConfig, type ProjectFonts, type Variant } from './config.js';
import { registerFaceBytes } from './face-bytes.js';
import { loadHarfBuzz } from './harfbuzz.js';
import { PartialFontFile, parsedFrom } from './partial-file.js';

export {
  concatGlyphs,
  shape,
  shapePiece,
  type Shaped,
  type ShapedGlyphs,
  type ShapingDirection,
} from './shaped.js';
export { hmtxAdvance } from './metrics.js';
export { harfBuzzFeatures, harfBuzzGlyph, harfBuzzLoaded, harfBuzzShape, loadHarfBuzz } from './harfbuzz.js';
export { registerFaceBytes } from './face-bytes.js';
export { createSubset, type FontSubset } from './subset.js';
export { postHeader, postscriptName, type PostHeader } from './sfnt.js';
export { renamedNameTable, type SubsetNames } from './names.js';
export { sfntFile, standaloneSubset, subsetTables, wholeFontTables } from './standalone.js';
export { fontFileProblem } from './file-check.js';
export { prefetchGlyphs, readyGlyphs } from './partial-file.js';
export {
  mergeFonts,
  readFontsConfig,
  type FaceEntry,
  type FontsConfig,
  type ProjectFonts,
  type Variant,
} from './config.js';

/** The variant that draws text of this weight and slant. */
export function variantOf(bold: boolean, italic: boolean): Variant {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

export interface Face {
  readonly id: string;
  readonly family: string;
  /** Absolute paths of the face's files per variant; a face without italics falls back to regular/bold. */
  readonly files: Readonly<Partial<Record<Variant, string>>> & { readonly regular: string };
  /** The scripts it is meant for, as fonts.json says. */
  readonly script?: string;
}

/**
 * The faces the tool ships (fonts/ in `dir`) with a project's own merged over them, and the chain per language; opens
 * each file once and keeps it.
 */
export class FontBook {
  readonly faces: ReadonlyMap<string, Face>;
  private readonly chains: Readonly<Record<string, readonly string[]>>;
  private readonly localeTags: Readonly<Record<string, string>>;
  private readonly opened = new Map<string, fontkit.Font>();
  private readonly read = new Map<string, Buffer>();
  /** Files read but for their glyph outlines (partial-file.ts), until something needs them whole. */
  private readonly partial = new Map<string, PartialFontFile>();
  /** By face id, then code point: asked for every character a letter itemizes, so no key string is built per ask. */
  private readonly coverageCache = new Map<string, Map<number, boolean>>();

  /**
   * @param dir the tool's fonts folder (holds fonts.json)
   * @param project a project's own fonts (its fonts/fonts.json, checked by the load stage), merged over the tool's
   */
  constructor(
    readonly dir: string,
    readonly project?: ProjectFonts,
  ) {
    const config: FontsConfig = mergeFonts(readFontsConfig(dir), project);
    const faces = new Map<string, Face>();
    for (const [id, face] of Object.entries(config.faces)) {
      faces.set(id, {
        id,
        family: face.family,
        files: face.files,
        ...(face.script ? { script: face.script } : {}),
      });
    }
    this.faces = faces;
    this.chains = config.chains;
    this.localeTags = config.locales;
  }

  /** Face ids in the order they are tried for text in this language. */
  chain(lang: Lang): readonly string[] {
    return this.chains[lang] ?? this.chains['*'] ?? [...this.faces.keys()];
  }

  /** Whether the language has a chain of its own (the tool's or the project's), rather than the shared `*` one. */
  hasOwnChain(lang: Lang): boolean {
    return Object.hasOwn(this.chains, lang);
  }

  /** The language whose chain starts with this face (`sc` → `zh`): what text drawn from it is most likely in. */
  languageOfFace(id: string): Lang | undefined {
    return Object.keys(this.chains).find((lang) => lang !== '*' && this.chains[lang]![0] === id);
  }

  /** BCP 47 tag with region for a language (`ko` → `ko-KR`); a language without one keeps its code. */
  locale(lang: Lang): string {
    return this.localeTags[lang] ?? lang;
  }

  face(id: string): Face {
    const face = this.faces.get(id);
    if (!face) throw new Error(`fonts.json has no face '${id}'`);
    return face;
  }

  /** The file that draws this face in this variant (bold italic → bold → regular when a face lacks it). */
  file(id: string, variant: Variant): string {
    const files = this.face(id).files;
    if (variant === 'boldItalic') return files.boldItalic ?? files.bold ?? files.regular;
    return files[variant] ?? files.regular;
  }

  /**
   * Loads harfbuzz, which shapes the faces this book opens (fonts/harfbuzz.ts); call it once before typesetting. Until
   * it has loaded, runs are shaped by fontkit, to the same glyphs but ~7× slower.
   */
  loadShaper(): Promise<void> {
    return loadHarfBuzz();
  }

  /** The parsed font (fontkit), opened once per process. */
  open(id: string, variant: Variant = 'regular'): fontkit.Font {
    return this.openFile(this.file(id, variant));
  }

  /** The parsed font of one of the faces' files (`file(id, variant)`), opened once per process. */
  openFile(path: string): fontkit.Font {
    let font = this.opened.get(path);
    if (!font) {
      const bytes = this.tableBytes(path);
      font = fontkit.create(bytes) as fontkit.Font;
      registerFaceBytes(font, bytes);
      const partial = this.partial.get(path);
      if (partial) parsedFrom(font, partial);
      this.opened.set(path, font);
    }
    return font;
  }

  /** The bytes of a whole font file, read once per process and shared by every user (fontkit, the DOCX subsetter). */
  bytes(path: string): Buffer {
    const partial = this.partial.get(path);
    if (partial) {
      this.partial.delete(path);
      return partial.whole();
    }
    let bytes = this.read.get(path);
    if (!bytes) {
      bytes = readFileSync(path);
      this.read.set(path, bytes);
    }
    return bytes;
  }

  /**
   * The bytes of a font file with every table but, for a large face, the glyph outlines not asked for yet: what fontkit
   * parses and shapes from. Outlines are read for a subset by `readyGlyphs(font, ids)` (partial-file.ts).
   */
  tableBytes(path: string): Buffer {
    const partial = this.partial.get(path);
    if (partial) return partial.bytes;
    if (!this.read.has(path)) {
      const opened = PartialFontFile.open(path, PARTIAL_FROM);
      if (opened) {
        this.partial.set(path, opened);
        this.read.set(path, opened.bytes);
        return opened.bytes;
      }
    }
    return this.bytes(path);
  }

  /** Whether the face has a glyph for the code point (checked on its regular file; the variants share coverage). */
  covers(id: string, codePoint: number): boolean {
    let face = this.coverageCache.get(id);
    if (!face) this.coverageCache.set(id, (face = new Map()));
    let hit = face.get(codePoint);
    if (hit === undefined) {
      hit = this.open(id).hasGlyphForCodePoint(codePoint);
      face.set(codePoint, hit);
    }
    return hit;
  }

  /**
   * The first face of the language's chain that covers the code point, or undefined. Right-to-left letters are set like
   * any other (typeset/bidi orders them, fontkit shapes them) once a face of the chain covers them.
   */
  faceFor(codePoint: number, lang: Lang): string | undefined {
    for (const id of this.chain(lang)) if (this.covers(id, codePoint)) return id;
    return undefined;
  }

  /** The face that draws the code point in this language; throws LetterError `uncovered-character` when none does. */
  faceOrThrow(codePoint: number, lang: Lang, origin?: Origin): string {
    const face = this.faceFor(codePoint, lang);
    if (face === undefined) throw new LetterError(uncoveredProblem(codePoint, lang, origin));
    return face;
  }

  /**
   * The face of the character at `at` of `text` as part of its cluster: a letter and the combining marks after it are
   * set in one face, the first of the chain that has them all, and a mark stays in `before` (the face of the character
   * it follows) when that face has it. Picked character by character, 'Nguyễn' in a Chinese letter took ê from Noto
   * Serif SC and its tilde from Noto Serif: a mark in another font than its letter is not placed on it (drawn beside
   * it, and read back from the PDF apart from it; in the DOCX a run of its own). Throws like faceOrThrow.
   */
  clusterFace(text: string, at: number, lang: Lang, before: string | undefined, origin?: Origin): string {
    const cp = text.codePointAt(at)!;
    if (isCombiningMark(cp)) {
      if (before !== undefined && this.covers(before, cp)) return before;
      return this.faceOrThrow(cp, lang, origin);
    }
    const marks: number[] = [];
    for (let j = at + (cp > 0xffff ? 2 : 1); j < text.length; ) {
      const next = text.codePointAt(j)!;
      if (!isCombiningMark(next)) break;
      // A variation selector is dropped, not drawn (isInvisible): no face needs to have it.
      if (!isInvisible(next)) marks.push(next);
      j += next > 0xffff ? 2 : 1;
    }
    if (marks.length)
      for (const id of this.chain(lang))
        if (this.covers(id, cp) && marks.every((m) => this.covers(id, m))) return id;
    return this.faceOrThrow(cp, lang, origin);
  }

  /** Code points of the text that no face of the language's chain covers (whitespace and controls are fine). */
  uncovered(text: string, lang: Lang): number[] {
    const missing: number[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (isInvisible(cp)) continue;
      if (this.faceFor(cp, lang) === undefined && !missing.includes(cp)) missing.push(cp);
    }
    return missing;
  }
}

/** Files from this size on are read in part (a CJK face: 14 MB); smaller ones whole, as one read costs less. */
const PARTIAL_FROM = 4 * 1024 * 1024;

/**
 * Characters a renderer never draws with a glyph: whitespace, line breaks, joiners, and variation selectors (U+FE00–
 * U+FE0F, U+E0100–U+E01EF), which only ask for another form of the character before them: text pasted from a phone
 * or a word processor has '©️' or '™️' (U+FE0F after the sign), which the faces draw as '©' and '™'; counted as
 * characters of their own, no face covered them and the letter was refused for a character no one can see.
 */
export function isInvisible(cp: number): boolean {
  return (
    cp <= 0x20 ||
    cp === 0x7f ||
    cp === 0xa0 ||
    cp === 0x200b ||
    cp === 0x200c ||
    cp === 0x200d ||
    cp === 0x2060 ||
    cp === 0xfeff ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** `U+20000`: how errors name a character. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The one diagnostic for a character no face of a language covers, wherever it is found (composing, typesetting,
 * drawing a DOCX or a signature box): a blank box in a letter to a head of state is worse than no letter.
 */
export function uncoveredProblem(cp: number, lang: Lang, origin?: Origin): Diagnostic {
  const located = origin
    ? { file: origin.file, ...(origin.line ? { line: origin.line, column: origin.column ?? 1 } : {}) }
    : {};
  const where = { ...located, value: String.fromCodePoint(cp), lang };
  return problem(
    'uncovered-character',
    `character ${codePointLabel(cp)} '${String.fromCodePoint(cp)}' in '${origin?.key ?? ''}' (${lang}) is in none of the fonts for '${lang}'`,
    where,
    `replace or remove it, or give '${lang}' a face that has it in the project's fonts/fonts.json (the tool's fonts/README.md lists the faces each language uses)`,
  );
}

/** The tool's own fonts folder, next to dist/ and src/. */
function toolFontsDir(): string {
  return join(import.meta.dirname, '..', '..', 'fonts');
}

let shared: FontBook | undefined;

/** One FontBook per process (per worker), so each font file is parsed once and reused across documents. */
export function toolFontBook(): FontBook {
  shared ??= new FontBook(toolFontsDir());
  return shared;
}

// The book of the project built last: `letter watch` rebuilds the same project again and again.
let lastProject: { key: string; book: FontBook } | undefined;

/**
 * The font book for a project: the tool's own when the project brings no fonts, else the tool's with the project's
 * merged over them, kept for the next build of the same project (so its faces are parsed once per process).
 */
export function fontBookFor(project: ProjectFonts | undefined): FontBook {
  if (!project) return toolFontBook();
  const key = JSON.stringify(project);
  if (lastProject?.key !== key) lastProject = { key, book: new FontBook(toolFontsDir(), project) };
  return lastProject.book;
}
