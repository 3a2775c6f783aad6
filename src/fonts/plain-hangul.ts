/**
 * Hangul words without the shaper, where harfbuzz provably gives what the cmap and hmtx say. A Korean letter shapes
 * ~1,000 distinct strings where an English one shapes ~80 (Noto Serif KR's contextual space between syllables makes
 * every word boundary unsafe to cut, so each word is shaped alone), and each harfbuzz call costs ~20 crossings into
 * WebAssembly; two thirds of those strings are syllables only.
 *
 * Why cmap + hmtx is what harfbuzz gives such a string: harfbuzz's Hangul shaper keeps a precomposed syllable the face
 * has (it decomposes only one the face lacks, or one followed by jamo or a tone mark, which these strings never hold),
 * and normalizes nothing; then every GSUB and GPOS lookup it applies first checks the glyph at the current position
 * against its first coverage (a mark lookup: its mark coverage) and does nothing, flags included, when it is not there.
 * So if no syllable glyph of the string is in the first coverage of any lookup of a feature harfbuzz may turn on, and
 * none is a mark, each glyph keeps its id, its hmtx advance and zero offsets, a cluster of its own and no flags.
 * The coverages are read from the face's own GSUB, GPOS and GDEF bytes, for the features of every script and language
 * system (more than harfbuzz picks for Hangul: a safe excess). test/fonts/plain-hangul.test.ts compares the result
 * with harfbuzz for every syllable alone, every Hangul word of the corpus and random words, and the coverages read here
 * with fontkit's parse of the same tables.
 */

import type { Font } from 'fontkit';
import { faceBytesOf } from './face-bytes.js';
import { harfBuzzGlyph, singleCodePoint, type HarfBuzzRun } from './harfbuzz.js';
import { hmtxAdvance } from './metrics.js';
import { tableDirectory } from './sfnt.js';

const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;

/**
 * Every feature harfbuzz turns on by itself for left-to-right horizontal text (hb-ot-shape.cc: rvrn, ltra, ltrm, the
 * fraction features, rand, trak, its common and horizontal features, its private HARF and BUZZ) and its Hangul
 * shaper's jamo features.
 */
export const HARFBUZZ_DEFAULT_FEATURES: ReadonlySet<string> = new Set([
  'rvrn',
  'ltra',
  'ltrm',
  'frac',
  'numr',
  'dnom',
  'rand',
  'trak',
  'HARF',
  'BUZZ',
  'abvm',
  'blwm',
  'ccmp',
  'locl',
  'mark',
  'mkmk',
  'rlig',
  'calt',
  'clig',
  'curs',
  'dist',
  'kern',
  'liga',
  'rclt',
  'ljmo',
  'vjmo',
  'tjmo',
]);

/** Tables through which harfbuzz may change glyphs or advances outside GSUB and GPOS lookups (AAT, old kerning). */
const OTHER_LAYOUT = ['morx', 'mort', 'kerx', 'kern', 'trak', 'ankr'];

interface Syllables {
  /** Glyph id of each syllable (index cp - U+AC00); -1 not looked up yet. */
  readonly ids: Int32Array;
  /** 1 for each glyph id some default lookup may start on, or that GDEF calls a mark. */
  readonly blocked: Uint8Array;
}

const byFont = new WeakMap<Font, Syllables | null>();

/**
 * `text` as harfbuzz shapes it, when it is Hangul syllables only and the face provably leaves them be; undefined when
 * harfbuzz is not loaded, the text holds anything else, or the face may touch one of its glyphs (then shape it).
 */
export function plainHangulRun(font: Font, text: string): HarfBuzzRun | undefined {
  if (text.length === 0) return undefined;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < FIRST_SYLLABLE || unit > LAST_SYLLABLE) return undefined;
  }
  let syllables = byFont.get(font);
  if (syllables === undefined) {
    // Only once harfbuzz is loaded: before, shaped.ts shapes with fontkit, and this stands for harfbuzz.
    if (harfBuzzGlyph(font, FIRST_SYLLABLE) === undefined) return undefined;
    const blocked = blockedGlyphs(font, HARFBUZZ_DEFAULT_FEATURES);
    syllables = blocked
      ? { ids: new Int32Array(LAST_SYLLABLE - FIRST_SYLLABLE + 1).fill(-1), blocked }
      : null;
    byFont.set(font, syllables);
  }
  if (!syllables) return undefined;
  const ids: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const index = text.charCodeAt(i) - FIRST_SYLLABLE;
    let id = syllables.ids[index]!;
    if (id < 0) syllables.ids[index] = id = harfBuzzGlyph(font, FIRST_SYLLABLE + index) ?? 0;
    // A syllable the face lacks is decomposed by harfbuzz; a blocked glyph may be changed by a lookup.
    if (id === 0 || syllables.blocked[id] === 1) return undefined;
    ids.push(id);
  }
  const zeros = ids.map(() => 0);
  return {
    ids,
    xAdvances: ids.map((id) => hmtxAdvance(font, id)),
    xOffsets: zeros,
    yOffsets: [...zeros],
    codePoints: ids.map((_, i) => singleCodePoint(text.charCodeAt(i))),
    clusters: ids.map((_, i) => i),
    unsafeToBreak: ids.map(() => false),
  };
}

/**
 * The glyphs some lookup of `features` (in any script and language system, required features too) may start on, and
 * GDEF's marks, read from the face's bytes; null when the face may lay glyphs out some other way (AAT, a `kern` table,
 * feature variations) or its tables are not ones this reads.
 */
export function blockedGlyphs(font: Font, features: ReadonlySet<string>): Uint8Array | null {
  const bytes = faceBytesOf(font);
  const directory = bytes && tableDirectory(bytes);
  if (!bytes || !directory || OTHER_LAYOUT.some((tag) => directory.has(tag))) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const blocked = new Uint8Array(font.numGlyphs + 1);
  try {
    for (const [tag, extension] of [
      ['GSUB', 7],
      ['GPOS', 9],
    ] as const) {
      const table = directory.get(tag);
      if (!table) continue;
      const at = table.start;
      // Version 1.1 adds feature variations: other lookups at other coordinates. Never read: always shape.
      if (view.getUint16(at + 2) !== 0 && view.getUint32(at + 10) !== 0) return null;
      const lookupList = at + view.getUint16(at + 8);
      for (const index of featureLookups(view, at, features)) {
        const lookup = lookupList + view.getUint16(lookupList + 2 + 2 * index);
        const type = view.getUint16(lookup);
        const count = view.getUint16(lookup + 4);
        for (let s = 0; s < count; s++) {
          const subtable = lookup + view.getUint16(lookup + 6 + 2 * s);
          if (type === extension)
            markStarts(
              view,
              blocked,
              view.getUint16(subtable + 2),
              subtable + view.getUint32(subtable + 4),
              tag,
            );
          else markStarts(view, blocked, type, subtable, tag);
        }
      }
    }
    const gdef = directory.get('GDEF');
    const classDef = gdef ? view.getUint16(gdef.start + 4) : 0;
    if (gdef && classDef) markClass(view, blocked, gdef.start + classDef, 3);
  } catch {
    return null; // a table this does not understand (or one cut short): always shape
  }
  return blocked;
}

/** The lookup indices of `features` in every script and language system of the GSUB or GPOS table at `at`. */
function featureLookups(view: DataView, at: number, features: ReadonlySet<string>): Set<number> {
  const scriptList = at + view.getUint16(at + 4);
  const featureList = at + view.getUint16(at + 6);
  const lookups = new Set<number>();
  const addFeature = (index: number): void => {
    const record = featureList + 2 + 6 * index;
    if (!features.has(tagAt(view, record))) return;
    const feature = featureList + view.getUint16(record + 4);
    const count = view.getUint16(feature + 2);
    for (let i = 0; i < count; i++) lookups.add(view.getUint16(feature + 4 + 2 * i));
  };
  const addSystem = (system: number): void => {
    const required = view.getUint16(system + 2);
    if (required !== 0xffff) addFeature(required);
    const count = view.getUint16(system + 4);
    for (let i = 0; i < count; i++) addFeature(view.getUint16(system + 6 + 2 * i));
  };
  const scripts = view.getUint16(scriptList);
  for (let s = 0; s < scripts; s++) {
    const script = scriptList + view.getUint16(scriptList + 2 + 6 * s + 4);
    const defaultSystem = view.getUint16(script);
    if (defaultSystem) addSystem(script + defaultSystem);
    const systems = view.getUint16(script + 2);
    for (let l = 0; l < systems; l++) addSystem(script + view.getUint16(script + 4 + 6 * l + 4));
  }
  return lookups;
}

/** Mark the glyphs a subtable (at `at`) of this lookup type can start matching on: its first (or mark) coverage. */
function markStarts(
  view: DataView,
  blocked: Uint8Array,
  type: number,
  at: number,
  tag: 'GSUB' | 'GPOS',
): void {
  const format = view.getUint16(at);
  const context = tag === 'GPOS' ? 7 : 5;
  const chaining = tag === 'GPOS' ? 8 : 6;
  let coverage: number;
  if (type === context && format === 3) coverage = view.getUint16(at + 6);
  else if (type === chaining && format === 3) {
    const backtrack = view.getUint16(at + 2);
    coverage = view.getUint16(at + 4 + 2 * backtrack + 2);
  } else if (type === context || type === chaining) {
    if (format !== 1 && format !== 2) throw new Error(`context format ${format}`);
    coverage = view.getUint16(at + 2);
  } else if (tag === 'GSUB' ? (type >= 1 && type <= 4) || type === 8 : type >= 1 && type <= 6) {
    // Single, multiple, alternate, ligature, reverse chaining; GPOS single, pair, cursive, and the mark attachments,
    // whose first coverage is the mark's: all have it right after the format.
    coverage = view.getUint16(at + 2);
  } else {
    throw new Error(`${tag} lookup type ${type}`);
  }
  markCoverage(view, blocked, at + coverage);
}

function markCoverage(view: DataView, blocked: Uint8Array, at: number): void {
  const format = view.getUint16(at);
  const count = view.getUint16(at + 2);
  if (format === 1) {
    for (let i = 0; i < count; i++) blocked[view.getUint16(at + 4 + 2 * i)] = 1;
  } else if (format === 2) {
    for (let i = 0; i < count; i++) {
      const record = at + 4 + 6 * i;
      blocked.fill(1, view.getUint16(record), view.getUint16(record + 2) + 1);
    }
  } else {
    throw new Error(`coverage format ${format}`);
  }
}

function markClass(view: DataView, blocked: Uint8Array, at: number, value: number): void {
  const format = view.getUint16(at);
  if (format === 1) {
    const start = view.getUint16(at + 2);
    const count = view.getUint16(at + 4);
    for (let i = 0; i < count; i++) if (view.getUint16(at + 6 + 2 * i) === value) blocked[start + i] = 1;
  } else if (format === 2) {
    const count = view.getUint16(at + 2);
    for (let i = 0; i < count; i++) {
      const record = at + 4 + 6 * i;
      if (view.getUint16(record + 4) === value)
        blocked.fill(1, view.getUint16(record), view.getUint16(record + 2) + 1);
    }
  } else {
    throw new Error(`class definition format ${format}`);
  }
}

function tagAt(view: DataView, at: number): string {
  return String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  );
}
