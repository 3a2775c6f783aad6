/**
 * A font's naming table under another family name: what a subset embedded in a DOCX needs so that word processors
 * hold it apart from every other subset of the same face. LibreOffice registers an embedded font for the rest of its
 * session under the font table's name (a second document's font of the same name is skipped: vcl
 * EmbeddedFontsHelper::addEmbeddedFont, "Assume it's already been added correctly"), and Windows keys private fonts by
 * their family and full names; so the tag must be in the document's font table, its runs and the font's own names.
 */

/** The names a subset goes by: its tagged family, its style within the family and its PostScript name. */
export interface SubsetNames {
  readonly family: string;
  readonly style: 'Regular' | 'Bold' | 'Italic' | 'Bold Italic';
  readonly postscript: string;
}

// Name ids that say which family and face this is (OpenType 'name' table): family, subfamily, unique id, full name,
// PostScript name, typographic family and subfamily, compatible full name, WWS family and subfamily, variations
// PostScript prefix. They are all replaced; copyright, version, licence and the rest are kept as they are.
const IDENTITY = new Set([1, 2, 3, 4, 6, 16, 17, 18, 21, 22, 25]);
const WINDOWS = 3;
const UNICODE_BMP = 1;
const EN_US = 0x409;

interface NameRecord {
  readonly platform: number;
  readonly encoding: number;
  readonly language: number;
  readonly id: number;
  readonly bytes: Uint8Array;
}

/** The original naming table (or none) with its identity records replaced by these names, in Windows English. */
export function renamedNameTable(original: Uint8Array | undefined, names: SubsetNames): Uint8Array {
  const kept = (original ? readRecords(original) : []).filter((r) => !IDENTITY.has(r.id));
  const own = (id: number, value: string): NameRecord => ({
    platform: WINDOWS,
    encoding: UNICODE_BMP,
    language: EN_US,
    id,
    bytes: utf16be(value),
  });
  const records = [
    ...kept,
    own(1, names.family),
    own(2, names.style),
    own(3, names.postscript),
    own(4, names.style === 'Regular' ? names.family : `${names.family} ${names.style}`),
    own(6, names.postscript),
  ].sort(
    (a, b) => a.platform - b.platform || a.encoding - b.encoding || a.language - b.language || a.id - b.id,
  );
  return writeRecords(records);
}

/** The records of a format 0 or 1 naming table (format 1's language-tag records are dropped with the format). */
function readRecords(table: Uint8Array): NameRecord[] {
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const count = view.getUint16(2);
  const strings = view.getUint16(4);
  const out: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    const start = strings + view.getUint16(at + 10);
    const bytes = table.subarray(start, start + view.getUint16(at + 8));
    const language = view.getUint16(at + 4);
    if (language >= 0x8000) continue; // a language-tag record, which only format 1 can resolve
    out.push({
      platform: view.getUint16(at),
      encoding: view.getUint16(at + 2),
      language,
      id: view.getUint16(at + 6),
      bytes,
    });
  }
  return out;
}

function writeRecords(records: readonly NameRecord[]): Uint8Array {
  const strings = 6 + 12 * records.length;
  const out = new Uint8Array(strings + records.reduce((sum, r) => sum + r.bytes.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(2, records.length);
  view.setUint16(4, strings);
  let offset = 0;
  records.forEach((r, i) => {
    const at = 6 + 12 * i;
    view.setUint16(at, r.platform);
    view.setUint16(at + 2, r.encoding);
    view.setUint16(at + 4, r.language);
    view.setUint16(at + 6, r.id);
    view.setUint16(at + 8, r.bytes.length);
    view.setUint16(at + 10, offset);
    out.set(r.bytes, strings + offset);
    offset += r.bytes.length;
  });
  return out;
}

function utf16be(value: string): Uint8Array {
  const out = new Uint8Array(2 * value.length);
  for (let i = 0; i < value.length; i++) {
    out[2 * i] = value.charCodeAt(i) >> 8;
    out[2 * i + 1] = value.charCodeAt(i) & 0xff;
  }
  return out;
}
