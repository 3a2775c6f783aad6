/**
 * Incremental updates (ISO 32000-1 §7.5.6) of a PDF with a classic xref table and trailer, as pdfkit writes it: the
 * renderer links the signature field's AcroForm into the catalog this way, and signing appends its DSS and its
 * document time-stamp the same way. PDF syntax is ASCII: callers read the file as latin1, so every byte keeps its offset.
 */

/** What an update needs of the file's last trailer. */
export interface ClassicTrailer {
  readonly size: number;
  readonly root: { readonly number: number; readonly generation: number };
  /** Offset of the last xref section: the update's /Prev. */
  readonly prev: number;
  readonly id?: string;
  readonly info?: string;
}

/** The last trailer of `text` (the PDF as latin1); undefined when the file has no classic trailer. */
export function classicTrailer(text: string): ClassicTrailer | undefined {
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))?.[1]);
  if (!size || !root || Number.isNaN(prev)) return undefined;
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1];
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  return {
    size,
    root: { number: Number(root[1]), generation: Number(root[2]) },
    prev,
    ...(id ? { id } : {}),
    ...(info ? { info } : {}),
  };
}

/**
 * An update's xref section: one row per object written (number, byte offset, generation), in number order, then the
 * trailer (the same root, info and id, `size` objects, /Prev the last section) and startxref at `xrefAt`.
 */
export function updateXref(
  rows: readonly (readonly [number, number, number?])[],
  last: ClassicTrailer,
  size: number,
  xrefAt: number,
): string {
  const entries = [...rows]
    .sort(([a], [b]) => a - b)
    .map(
      ([n, at, gen = 0]) => `${n} 1\n${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`,
    );
  const { root, info, id } = last;
  return (
    `xref\n${entries.join('')}trailer\n<< /Size ${size} /Root ${root.number} ${root.generation} R` +
    `${info ? ` /Info ${info}` : ''} /Prev ${last.prev}${id ? ` /ID ${id}` : ''} >>\nstartxref\n${xrefAt}\n%%EOF\n`
  );
}

/** The body of the latest revision of object `number` (an incremental update's copy wins over the original). */
export function latestObject(text: string, number: number, generation = 0): string | undefined {
  const all = [
    ...text.matchAll(new RegExp(`(?:^|[\\r\\n])${number} ${generation} obj\\s*([\\s\\S]*?)\\s*endobj`, 'g')),
  ];
  return all[all.length - 1]?.[1]?.trim();
}
