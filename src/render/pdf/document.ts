/** A pdfkit document for one typeset letter: tagged, deterministic metadata, PDF 1.7 or PDF/A-2b, no base-14 font. */

import type PDFDocumentClass from 'pdfkit';
import type { PagedLetter } from '../../typeset/index.js';
import { completeXmp, infoText } from './metadata.js';

/** pdfkit's constructor, loaded lazily by the caller (importing pdfkit costs ~200 ms of startup). */
export type PdfKit = typeof PDFDocumentClass;

/**
 * Create the document with the letter's metadata. Dates come from the letter, never the clock, so bytes repeat.
 * Always tagged (a letter is read aloud) and identified as PDF/UA-1; with `pdfa`, PDF/A-2b: XMP pdfaid, an sRGB
 * output intent, and every font embedded (ours always are).
 */
export function createDocument(PDFDocument: PdfKit, paged: PagedLetter, pdfa = false): PDFKit.PDFDocument {
  const { meta } = paged;
  const options: PDFKit.PDFDocumentOptions = {
    pdfVersion: '1.7',
    lang: paged.locale,
    tagged: true,
    ...(pdfa ? { subset: 'PDF/A-2b' as const } : {}),
    displayTitle: true,
    autoFirstPage: false,
    // The signature field is added after drawing, possibly on an earlier page than the last.
    bufferPages: true,
    // pdfkit selects Helvetica on creation unless told not to; a base-14 font must never reach the file.
    font: null as unknown as string,
    info: {
      Title: infoText(meta.title),
      Author: infoText(meta.author),
      ...(meta.subject ? { Subject: infoText(meta.subject) } : {}),
      Keywords: infoText(meta.keywords.join(', ')),
      Creator: 'letter',
      Producer: 'letter',
      // pdfkit derives the trailer /ID from the info dictionary, so fixed dates make the whole file repeatable.
      CreationDate: meta.created,
      ModDate: meta.created,
    },
  };
  const pdf = new PDFDocument(options);
  completeXmp(pdf, meta.created, pdfa);
  return pdf;
}

/** Collect the bytes pdfkit streams out, once `end()` has been called. */
export function collect(pdf: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
}
