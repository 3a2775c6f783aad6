/**
 * Linking the signature field's AcroForm into the catalog of the finished PDF, as an incremental update (ISO 32000-1
 * §7.5.6): pdfkit's public form API (`initForm`) makes an AcroForm of its own, with NeedAppearances and no SigFlags,
 * and offers no public way to say otherwise or to add a catalog entry. The update is written before signing, so the
 * signature covers it like the rest of the file; it holds the catalog as pdfkit wrote it, plus /AcroForm.
 */

import { classicTrailer, latestObject, updateXref } from './update.js';

/** Returns `pdf` (a classic xref table and trailer, as pdfkit writes) with its catalog's /AcroForm set to `form`. */
export function linkAcroForm(pdf: Uint8Array, form: PDFKit.PDFKitReference): Uint8Array {
  // PDF syntax is ASCII; latin1 keeps every byte at its offset.
  const text = Buffer.from(pdf).toString('latin1');
  const last = classicTrailer(text);
  if (!last) throw new Error('the PDF has no classic trailer to update');
  const { number, generation } = last.root;
  const catalog = latestObject(text, number, generation);
  if (!catalog?.endsWith('>>') || /\/AcroForm\b/.test(catalog))
    throw new Error('the PDF catalog cannot take an AcroForm');

  // `String(ref)` is pdfkit's own way to write a reference: `12 0 R`.
  const object = `${number} ${generation} obj\n${catalog.slice(0, -2).trimEnd()}\n/AcroForm ${String(form)}\n>>\nendobj\n`;
  const at = pdf.length + 1;
  const xrefAt = at + object.length;
  const update = `\n${object}${updateXref([[number, at, generation]], last, last.size, xrefAt)}`;
  return new Uint8Array(Buffer.concat([Buffer.from(pdf), Buffer.from(update, 'latin1')]));
}
