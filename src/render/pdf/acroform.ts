/**
 * Linking the signature field's AcroForm into the catalog of the finished PDF, as an incremental update (ISO 32000-1
 * §7.5.6): pdfkit's public form API (`initForm`) makes an AcroForm of its own, with NeedAppearances and no SigFlags,
 * and offers no public way to say otherwise or to add a catalog entry. The update is written before signing, so the
 * signature covers it like the rest of the file; it holds the catalog as pdfkit wrote it, plus /AcroForm.
 */

/** Returns `pdf` (a classic xref table and trailer, as pdfkit writes) with its catalog's /AcroForm set to `form`. */
export function linkAcroForm(pdf: Uint8Array, form: PDFKit.PDFKitReference): Uint8Array {
  // PDF syntax is ASCII; latin1 keeps every byte at its offset.
  const text = Buffer.from(pdf).toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const root = /\/Root\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))?.[1]);
  if (!size || !root || Number.isNaN(prev)) throw new Error('the PDF has no classic trailer to update');
  const [, number, generation] = root;
  const bodies = [
    ...text.matchAll(new RegExp(`(?:^|[\\r\\n])${number} ${generation} obj\\s*([\\s\\S]*?)\\s*endobj`, 'g')),
  ];
  const catalog = bodies[bodies.length - 1]?.[1]?.trim();
  if (!catalog?.endsWith('>>') || /\/AcroForm\b/.test(catalog))
    throw new Error('the PDF catalog cannot take an AcroForm');

  // `String(ref)` is pdfkit's own way to write a reference: `12 0 R`.
  const object = `${number} ${generation} obj\n${catalog.slice(0, -2).trimEnd()}\n/AcroForm ${String(form)}\n>>\nendobj\n`;
  const at = pdf.length + 1;
  const xrefAt = at + object.length;
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1];
  const info = /\/Info\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  const update =
    `\n${object}xref\n${number} 1\n${String(at).padStart(10, '0')} ${generation!.padStart(5, '0')} n \n` +
    `trailer\n<< /Size ${size} /Root ${number} ${generation} R${info ? ` /Info ${info}` : ''} /Prev ${prev}${id ? ` /ID ${id}` : ''} >>\n` +
    `startxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(update, 'latin1')]));
}
