/**
 * Shaping with harfbuzz's WebAssembly build (npm `harfbuzzjs`, public API): ~0.05 ms a word where fontkit's `layout`
 * takes ~0.3 ms, and no glyph outline decoded on the way. Set up to give what fontkit's `font.layout(text)` gave
 * (test/fonts/harfbuzz.test.ts compares them glyph for glyph over every text the tool sets, in every face it ships):
 * the script is the first character's that is not Common or Inherited (fontkit's and harfbuzz's rule alike), the
 * direction the caller's or the script's, no language (fontkit used every face's default language system), fontkit's
 * default features, and each glyph's code points taken from its cluster (a ligature has all of its characters, the
 * second glyph of a split character none).
 *
 * The module is WebAssembly, which Node loads only asynchronously: `loadHarfBuzz()` once before typesetting (the
 * pipeline does); until then, and for a face not opened by a FontBook, shaped.ts uses fontkit.
 */

import { readFileSync } from 'node:fs';
import type { Font } from 'fontkit';
import type * as HarfBuzz from 'harfbuzzjs';
import {
  CYRILLIC,
  GREEK,
  HAN,
  HANGUL,
  HIRAGANA,
  KATAKANA,
  LATIN,
  RIGHT_TO_LEFT_SCRIPT,
  SCRIPTED,
} from '../unicode/index.js';
import { faceBytesOf } from './face-bytes.js';
import { tableDirectory, writeDirectoryHeader } from './sfnt.js';

type HarfBuzzModule = typeof HarfBuzz;

let hb: HarfBuzzModule | undefined;
let loading: Promise<void> | undefined;

/** Loads and compiles harfbuzz (~20 ms of CPU) once per process; later calls return at once. */
export function loadHarfBuzz(): Promise<void> {
  loading ??= import('harfbuzzjs').then(async (module) => {
    // The CLI bundle is CommonJS, which has no top-level await: scripts/bundle.mjs turns harfbuzzjs's own start into
    // startHarfBuzz, started here. From the ES module (dist/, tests) the import has already waited for it.
    await (module as { startHarfBuzz?: (options: object) => Promise<unknown> }).startHarfBuzz?.({
      instantiateWasm: instantiateNow,
    });
    hb = module;
  });
  return loading;
}

/**
 * emscripten's `instantiateWasm`: harfbuzz compiled and instantiated at once, on this thread. Its own way,
 * WebAssembly.instantiate, compiles on V8's threads but needs this thread's event loop between its steps, which a
 * build's first letter spent waiting for: W1's typesetting waited ~25 ms for the shaper, now ~2 ms.
 */
function instantiateNow(
  imports: WebAssembly.Imports,
  receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
): object {
  // Only the bundle starts harfbuzz here, and scripts/bundle.mjs copies the WebAssembly beside it (resolving it through
  // harfbuzzjs's package exports cost ~5 ms of Node's resolver, cold).
  const module = new WebAssembly.Module(readFileSync(new URL('harfbuzz.wasm', import.meta.url)));
  receive(new WebAssembly.Instance(module, imports), module);
  return {};
}

/** Whether `loadHarfBuzz()` has finished. */
export function harfBuzzLoaded(): boolean {
  return hb !== undefined;
}

const hbFonts = new WeakMap<Font, HarfBuzz.Font>();
const hbFaces = new WeakMap<Font, HarfBuzz.Face>();

/** One string shaped by harfbuzz, left to right, in font units. */
export interface HarfBuzzRun {
  readonly ids: number[];
  readonly xAdvances: number[];
  readonly xOffsets: number[];
  readonly yOffsets: number[];
  /** Shared arrays (see clusterCodePoints): never to be written to. */
  readonly codePoints: readonly (readonly number[])[];
  /** The UTF-16 index of the text each glyph's cluster starts at. */
  readonly clusters: number[];
  /**
   * Per glyph: harfbuzz's UNSAFE_TO_BREAK. Where a cluster's first glyph has it not, the text before and after that
   * cluster's start shape alone into exactly these glyphs and positions (harfbuzz's promise for line breaking).
   */
  readonly unsafeToBreak: boolean[];
}

let buffer: HarfBuzz.Buffer | undefined;
const features = new Map<string, HarfBuzz.Feature>();

/**
 * `text` shaped in `font` with the default features plus `extra` (e.g. `['halt']`), or undefined when harfbuzz is not
 * loaded, the face's bytes are unknown or the run is right to left (then the caller uses fontkit).
 */
export function harfBuzzShape(
  font: Font,
  text: string,
  direction?: 'ltr' | 'rtl',
  extra: readonly string[] = [],
): HarfBuzzRun | undefined {
  if (!hb) return undefined;
  // Right to left, harfbuzz mirrors brackets and guillemets itself (Bidi_Mirroring_Glyph, no switch to turn it off),
  // which typeset/bidi has done already, as fontkit expects: such runs stay with fontkit.
  if ((direction ?? scriptDirection(text)) === 'rtl') return undefined;
  const hbFont = harfBuzzFont(hb, font);
  if (!hbFont) return undefined;
  buffer ??= new hb.Buffer();
  buffer.reset();
  // Marks keep clusters of their own, as fontkit keeps each mark's code point on its glyph.
  buffer.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS);
  buffer.addText(text);
  buffer.setDirection(hb.Direction.LTR);
  // The script from the text (the direction is set already); then no language, so each face's default system is used.
  buffer.guessSegmentProperties();
  buffer.setLanguage('');
  hb.shape(hbFont, buffer, extra.length ? extra.map((tag) => feature(hb!, tag)) : undefined);
  const infos = buffer.getGlyphInfos();
  const positions = buffer.getGlyphPositions();
  const ids: number[] = [];
  const clusters: number[] = [];
  const xAdvances: number[] = [];
  const xOffsets: number[] = [];
  const yOffsets: number[] = [];
  const unsafeToBreak: boolean[] = [];
  for (let i = 0; i < infos.length; i++) {
    ids.push(infos[i]!.codepoint);
    clusters.push(infos[i]!.cluster);
    unsafeToBreak.push((infos[i]!.flags & hb.GlyphFlag.UNSAFE_TO_BREAK) !== 0);
    const p = positions[i]!;
    xAdvances.push(p.xAdvance);
    xOffsets.push(p.xOffset);
    yOffsets.push(p.yOffset);
  }
  return {
    ids,
    xAdvances,
    xOffsets,
    yOffsets,
    codePoints: clusterCodePoints(text, clusters),
    clusters,
    unsafeToBreak,
  };
}

/**
 * The glyph the face's cmap gives `cp` (0, .notdef, when it has none), as fontkit's `glyphForCodePoint(cp).id` gives
 * it (test/fonts/harfbuzz.test.ts), but without a fontkit Glyph object (whose constructor builds unicode-properties'
 * trie on first use); undefined when harfbuzz does not read this face.
 */
export function harfBuzzGlyph(font: Font, cp: number): number | undefined {
  if (!hb) return undefined;
  const hbFont = harfBuzzFont(hb, font);
  if (!hbFont) return undefined;
  return hbFont.nominalGlyph(cp) ?? 0;
}

const faceFeatures = new WeakMap<Font, ReadonlySet<string>>();

/**
 * The feature tags of the face's GSUB and GPOS (fontkit's `availableFeatures` without parsing its tables), or undefined
 * when harfbuzz does not shape this face.
 */
export function harfBuzzFeatures(font: Font): ReadonlySet<string> | undefined {
  if (!hb) return undefined;
  let tags = faceFeatures.get(font);
  if (!tags) {
    const hbFont = harfBuzzFont(hb, font);
    if (!hbFont) return undefined;
    const face = hbFaces.get(font)!;
    tags = new Set([...face.getTableFeatureTags('GSUB'), ...face.getTableFeatureTags('GPOS')]);
    faceFeatures.set(font, tags);
  }
  return tags;
}

function feature(module: HarfBuzzModule, tag: string): HarfBuzz.Feature {
  let f = features.get(tag);
  if (!f) features.set(tag, (f = new module.Feature(tag)));
  return f;
}

/** Scripts told apart by `sameGuessedScript` (the ones letters are written in; any other never matches). */
const GUESSED_SCRIPTS = [LATIN, HANGUL, HAN, HIRAGANA, KATAKANA, CYRILLIC, GREEK];

/**
 * Whether harfbuzz guesses the same script for both texts (the script of the first character that has one of its own):
 * false when either has none, or when it is not among the scripts told apart here.
 */
export function sameGuessedScript(a: string, b: string): boolean {
  // The script of the first character of a script of its own (not Common, Inherited or Unknown): fontkit's too.
  const x = SCRIPTED.firstIn(a);
  const y = SCRIPTED.firstIn(b);
  if (x === undefined || y === undefined) return false;
  return x === y || GUESSED_SCRIPTS.some((script) => script.has(x) && script.has(y));
}

function scriptDirection(text: string): 'ltr' | 'rtl' {
  // Every right-to-left script lies in these blocks: text with none of them is left to right without the regexes.
  if (!/[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\ud802-\ud803\ud83a-\ud83b]/.test(text)) return 'ltr';
  // The scripts fontkit lays out right to left when no direction is given (its Script.direction).
  const first = SCRIPTED.firstIn(text);
  return first !== undefined && RIGHT_TO_LEFT_SCRIPT.has(first) ? 'rtl' : 'ltr';
}

/** What a glyph that is not its cluster's first stands for: nothing (one array, shared). */
const NO_CODE_POINTS: readonly number[] = [];
/** Each code point's one-element array, shared by every glyph that stands for it alone (most glyphs). */
const singleCodePoints = new Map<number, number[]>();

/**
 * Each glyph's characters: a cluster's whole text goes to its first glyph, none to the others, as fontkit hands out
 * code points through substitutions (a ligature has its characters, the second glyph of a split character none).
 * Shared arrays where a glyph stands for one code point or none: shaped runs are kept for the whole build (shaped.ts),
 * and an array per glyph was ~0.4 MB of W1's allocation, each of them copied by the young generation's collections.
 */
function clusterCodePoints(text: string, clusters: readonly number[]): (readonly number[])[] {
  // Left to right, clusters never decrease (MONOTONE_CHARACTERS): a cluster's text runs to the next one's start.
  const out: (readonly number[])[] = [];
  for (let i = 0; i < clusters.length; i++) {
    const cluster = clusters[i]!;
    if (i > 0 && clusters[i - 1] === cluster) {
      out.push(NO_CODE_POINTS);
      continue;
    }
    let j = i + 1;
    while (j < clusters.length && clusters[j] === cluster) j++;
    const end = j < clusters.length ? clusters[j]! : text.length;
    // The code points of text[cluster, end), read in place (a pair cut by `end` gives its high surrogate alone).
    let codePoints: number[] | undefined;
    for (let k = cluster; k < end; ) {
      const cp = text.codePointAt(k)!;
      const pair = cp > 0xffff && k + 1 < end;
      const value = pair || cp <= 0xffff ? cp : text.charCodeAt(k);
      k += pair ? 2 : 1;
      if (!codePoints && k >= end) {
        codePoints = singleCodePoint(value);
        break;
      }
      (codePoints ??= []).push(value);
    }
    out.push(codePoints ?? NO_CODE_POINTS);
  }
  return out;
}

/** `[cp]`, one array per code point for the whole process (a shaped run's code points are never changed). */
export function singleCodePoint(cp: number): number[] {
  let one = singleCodePoints.get(cp);
  if (!one) singleCodePoints.set(cp, (one = [cp]));
  return one;
}

/** Outlines and bitmaps: nothing harfbuzz reads to shape a face that positions with GPOS. */
const DRAWING_TABLES = new Set([
  'glyf',
  'loca',
  'CFF ',
  'CFF2',
  'CBDT',
  'CBLC',
  'EBDT',
  'EBLC',
  'sbix',
  'SVG ',
]);

function harfBuzzFont(module: HarfBuzzModule, font: Font): HarfBuzz.Font | undefined {
  let hbFont = hbFonts.get(font);
  if (!hbFont) {
    const bytes = faceBytesOf(font);
    if (!bytes) return undefined;
    const face = new module.Face(new module.Blob(shapingTables(bytes)), 0);
    hbFont = new module.Font(face);
    hbFonts.set(font, hbFont);
    hbFaces.set(font, face);
  }
  return hbFont;
}

/**
 * The face's file without its drawing tables, when it positions with GPOS (then harfbuzz reads no outline: its
 * fallback mark positioning is off): a CJK face's 14 MB become ~0.4 MB to copy into WebAssembly memory. Any other
 * file (no GPOS, a collection) is copied whole.
 */
export function shapingTables(bytes: Uint8Array): Uint8Array {
  const directory = tableDirectory(bytes);
  if (!directory?.has('GPOS')) return bytes;
  const kept = [...directory].filter(([tag]) => !DRAWING_TABLES.has(tag));
  let size = 12 + 16 * kept.length;
  for (const [, t] of kept) size += (t.length + 3) & ~3;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(bytes.subarray(0, 4)); // sfnt version
  writeDirectoryHeader(view, kept.length);
  let at = 12 + 16 * kept.length;
  kept.forEach(([tag, t], i) => {
    const entry = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[entry + k] = tag.charCodeAt(k);
    view.setUint32(entry + 8, at);
    view.setUint32(entry + 12, t.length);
    out.set(bytes.subarray(t.start, t.start + t.length), at);
    at += (t.length + 3) & ~3;
  });
  return out;
}
