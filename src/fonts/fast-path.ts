/**
 * Shaping without the shaper, where it is provably the same: a run whose glyphs no GSUB or GPOS lookup of fontkit's
 * default features can start on comes out of `font.layout` exactly as the cmap maps it, each glyph advancing by its
 * hmtx width (no substitution, no kerning, no offsets). fontkit's layout costs ~0.1–1 ms a call even for such runs
 * (it walks every lookup's coverage for every glyph); this costs a cmap look-up per character.
 *
 * Why "no lookup can start on any glyph" is enough: every GSUB and GPOS subtable fontkit applies first checks that the
 * glyph at the current position is in its coverage (types 1–4 and 7 of GPOS its coverage, mark attachment its mark
 * coverage, contexts their first input coverage), and a context's nested lookups run only once the context matched.
 * So if no glyph of the run is in any of those coverages, no lookup changes any glyph, and by induction over the
 * lookups none ever does. The rest of fontkit's layout is ruled out by what the run may hold (see `plainCodePoint`)
 * and by what the face has: no AAT `morx` (another engine) and no TrueType `kern` table (kerning outside GPOS).
 * test/fonts/fast-path.test.ts compares it glyph for glyph with `font.layout` over every fixture and the seed text.
 */

import type { Font, Glyph } from 'fontkit';
import { PLAIN } from '../unicode/index.js';

/** Every feature fontkit's default and Hangul shapers turn on for a left-to-right run without a fraction slash. */
const DEFAULT_FEATURES = new Set([
  'rvrn',
  'ltra',
  'ltrm',
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
  'ljmo',
  'vjmo',
  'tjmo',
]);

/** The parts of fontkit's parsed GSUB/GPOS/GDEF tables read here (the table getters are not in fontkit's typings). */
interface Coverage {
  readonly version: number;
  readonly glyphs?: readonly number[];
  readonly rangeRecords?: readonly { readonly start: number; readonly end: number }[];
}
interface ClassDef {
  readonly version: number;
  readonly startGlyph?: number;
  readonly classValueArray?: readonly number[];
  readonly classRangeRecord?: readonly {
    readonly start: number;
    readonly end: number;
    readonly class: number;
  }[];
}
interface Subtable {
  readonly version?: number;
  readonly lookupType?: number;
  readonly extension?: Subtable;
  readonly coverage?: Coverage;
  readonly coverages?: readonly Coverage[];
  readonly inputCoverage?: readonly Coverage[];
  readonly markCoverage?: Coverage;
  readonly mark1Coverage?: Coverage;
}
interface LangSys {
  readonly featureIndexes: readonly number[];
}
interface LayoutTable {
  readonly scriptList: readonly {
    readonly script: {
      readonly defaultLangSys?: LangSys | null;
      readonly langSysRecords: readonly { readonly langSys: LangSys }[];
    };
  }[];
  readonly featureList: readonly {
    readonly tag: string;
    readonly feature: { readonly lookupListIndexes: readonly number[] };
  }[];
  readonly lookupList: {
    get(index: number): { readonly lookupType: number; readonly subTables: readonly Subtable[] };
  };
}
interface Tables {
  readonly GSUB?: LayoutTable | null;
  readonly GPOS?: LayoutTable | null;
  readonly GDEF?: { readonly glyphClassDef?: ClassDef | null } | null;
  readonly morx?: unknown;
  readonly kern?: unknown;
}

/** Per face: 1 for each glyph id some default lookup may start on, or that GDEF calls a mark; null: never fast. */
const blockedByFont = new WeakMap<Font, Uint8Array | null>();

/**
 * The glyphs fontkit's `font.layout(text)` would give `text`, when no lookup can touch them (each then advances by its
 * own hmtx width, with no offsets); undefined when the run needs the shaper.
 */
export function plainGlyphs(font: Font, text: string): Glyph[] | undefined {
  let blocked = blockedByFont.get(font);
  if (blocked === undefined) blockedByFont.set(font, (blocked = blockedGlyphs(font)));
  if (!blocked) return undefined;
  const glyphs: Glyph[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!plainCodePoint(cp)) return undefined;
    const glyph = font.glyphForCodePoint(cp);
    // A character the face lacks: fontkit's Hangul shaper would decompose it, and .notdef is never worth the risk.
    if (glyph.id === 0 || blocked[glyph.id] === 1) return undefined;
    glyphs.push(glyph);
  }
  return glyphs;
}

/**
 * A character fontkit's layout does nothing special with in a left-to-right run: one of the scripts its default or
 * Hangul shaper sets (Latin, Greek, Cyrillic, Han, kana, Bopomofo, Hangul syllables, common punctuation and digits),
 * not a mark, variation selector or default-ignorable (hidden as a zero-width space), not a conjoining jamo or tone
 * mark (the Hangul shaper composes and reorders those), not the fraction slash (it turns on frac/numr/dnom).
 */
export function plainCodePoint(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0x20;
  if (cp === 0x2044) return false;
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff))
    return false;
  if (cp >= 0x3130 && cp <= 0x318f) return false; // compatibility jamo: kept out with the rest
  return PLAIN.has(cp);
}

/**
 * The face's blocked glyphs (for fontkit's default features unless told others), or null when its layout may change
 * glyphs some other way (AAT, a `kern` table).
 */
export function blockedGlyphs(
  font: Font,
  features: ReadonlySet<string> = DEFAULT_FEATURES,
): Uint8Array | null {
  const tables = font as unknown as Tables;
  if (tables.morx || tables.kern) return null;
  const blocked = new Uint8Array(font.numGlyphs + 1);
  try {
    for (const [table, extension] of [
      [tables.GSUB, 7],
      [tables.GPOS, 9],
    ] as const) {
      if (!table) continue;
      const isGpos = extension === 9;
      for (const index of defaultLookups(table, features)) {
        const lookup = table.lookupList.get(index);
        for (const subtable of lookup.subTables) {
          markStarts(blocked, lookup.lookupType, subtable, isGpos);
        }
      }
    }
    const classes = tables.GDEF?.glyphClassDef;
    if (classes) markClass(blocked, classes, 3);
  } catch {
    return null; // a table fontkit parses but this does not understand: always shape
  }
  return blocked;
}

/** The lookups of `features` in every script and language system of the table. */
function defaultLookups(table: LayoutTable, features: ReadonlySet<string>): Set<number> {
  const lookups = new Set<number>();
  for (const { script } of table.scriptList) {
    const systems = [script.defaultLangSys, ...script.langSysRecords.map((r) => r.langSys)];
    for (const system of systems) {
      for (const featureIndex of system?.featureIndexes ?? []) {
        const record = table.featureList[featureIndex]!;
        if (features.has(record.tag)) for (const i of record.feature.lookupListIndexes) lookups.add(i);
      }
    }
  }
  return lookups;
}

/** Mark the glyphs a subtable of this lookup type can start matching on (its first coverage). */
function markStarts(blocked: Uint8Array, type: number, subtable: Subtable, isGpos: boolean): void {
  if (type === (isGpos ? 9 : 7)) {
    markStarts(blocked, subtable.lookupType!, subtable.extension!, isGpos);
    return;
  }
  const context = isGpos ? 7 : 5;
  const chaining = isGpos ? 8 : 6;
  let coverage: Coverage | undefined;
  if (type === context) coverage = subtable.version === 3 ? subtable.coverages![0] : subtable.coverage;
  else if (type === chaining)
    coverage = subtable.version === 3 ? subtable.inputCoverage![0] : subtable.coverage;
  else if (isGpos && (type === 4 || type === 5)) coverage = subtable.markCoverage;
  else if (isGpos && type === 6) coverage = subtable.mark1Coverage;
  else if (type >= 1 && type <= (isGpos ? 3 : 4)) coverage = subtable.coverage;
  else throw new Error(`lookup type ${type}`);
  if (!coverage) throw new Error('subtable without coverage');
  markCoverage(blocked, coverage);
}

function markCoverage(blocked: Uint8Array, coverage: Coverage): void {
  if (coverage.version === 1) {
    for (const g of coverage.glyphs!) blocked[g] = 1;
  } else if (coverage.version === 2) {
    for (const { start, end } of coverage.rangeRecords!) blocked.fill(1, start, end + 1);
  } else {
    throw new Error(`coverage format ${coverage.version}`);
  }
}

function markClass(blocked: Uint8Array, classDef: ClassDef, value: number): void {
  if (classDef.version === 1) {
    classDef.classValueArray!.forEach((c, i) => {
      if (c === value) blocked[classDef.startGlyph! + i] = 1;
    });
  } else if (classDef.version === 2) {
    for (const r of classDef.classRangeRecord!) if (r.class === value) blocked.fill(1, r.start, r.end + 1);
  } else {
    throw new Error(`class definition format ${classDef.version}`);
  }
}
