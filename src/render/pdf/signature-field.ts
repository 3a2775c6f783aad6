/** The PAdES signature field: a /Sig placeholder for sign/ to fill, and a visible widget drawing the signer's lines. */

/// <reference types="pdfkit" />
import type { PdfFaces } from './faces.js';
import { appearanceStream, type SignatureAppearance } from './signature-appearance.js';

/** What the signature dictionary and its visible appearance say. */
export interface SignatureFieldSpec {
  /** Field name (/T), unique in the document, e.g. `Signature1`. */
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
  /** The signer's name as the dictionary's /Name; the certificate's CN is what validators show. */
  signerName: string;
  /** Written as /M: the claimed signing time of a PAdES baseline signature. */
  signingTime: Date;
  /** Lines drawn inside the box, top to bottom: the label ("Digitally signed by"), the signer's CN, the time. */
  appearanceLines: string[];
  /** Language whose font chain draws the lines (`ko`, `zh`, `en`); by default Korean when a line has Hangul. */
  lang?: string;
}

/** Where the box goes: page index (0-based), and pdfkit's coordinates in points (origin top left, y down). */
export interface SignatureRect {
  pageIndex: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

// Room for a CMS with a leaf, two CA certificates and 4096-bit keys; @signpdf fails loudly if a signature outgrows it.
const CONTENTS_BYTES = 16 * 1024;
// @signpdf finds the ByteRange by these names and rewrites them in place with the real offsets.
const BYTE_RANGE_PLACEHOLDER = '**********';

/**
 * Adds a signature field to `doc` through pdfkit's public object API (`doc.ref`, `switchToPage`): the /Sig dictionary
 * with ByteRange and Contents placeholders (ETSI.CAdES.detached), a widget on the page whose /AP /N is a Form XObject
 * drawing `appearance` (set by `layoutAppearance`, its glyphs planned in `faces`), and an AcroForm listing the widget
 * with SigFlags 3 (SignaturesExist | AppendOnly, ISO 32000-1 Table 219) and without NeedAppearances (which makes
 * viewers regenerate, and so blank, the appearance). pdfkit has no public way to put an AcroForm of its own in the
 * catalog: `linkAcroForm` does that on the finished bytes. Call it after drawing the pages, before `doc.end()`; the
 * page must still be open (any page when the document was made with `bufferPages: true`), and is current afterwards.
 * Returns the AcroForm for `linkAcroForm`.
 */
export function addSignatureField(
  doc: PDFKit.PDFDocument,
  spec: SignatureFieldSpec,
  rect: SignatureRect,
  appearance: SignatureAppearance,
  faces: PdfFaces,
  /** Called with the widget before it is written: a tagged document puts it in a Form element (PDF/UA). */
  tagWidget?: (widget: PDFKit.PDFKitReference, page: PDFKit.PDFKitReference) => void,
): PDFKit.PDFKitReference {
  const page = openPage(doc, rect.pageIndex);
  const { width, height } = rect;

  const sig = doc.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: [0, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER, BYTE_RANGE_PLACEHOLDER],
    Contents: Buffer.alloc(CONTENTS_BYTES),
    Reason: new String(spec.reason),
    Location: new String(spec.location),
    ContactInfo: new String(spec.contactInfo),
    Name: new String(spec.signerName),
    M: spec.signingTime,
  });

  const stream = appearanceStream(appearance, faces);
  const form = doc.ref({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: { Font: stream.fonts, ProcSet: ['PDF', 'Text'] },
  });
  form.end(stream.content);

  const pageHeight = page.height;
  const widget = doc.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: new String(spec.name),
    V: sig,
    // pdfkit draws with y down; annotation rectangles are in PDF user space, y up.
    Rect: [rect.x, pageHeight - rect.y - height, rect.x + width, pageHeight - rect.y],
    F: 4, // Print: the visible signature belongs on paper too.
    P: page.dictionary,
    AP: { N: form },
  });
  page.annotations.push(widget);
  const acroForm = doc.ref({ Fields: [widget], SigFlags: 3 });

  tagWidget?.(widget, page.dictionary);
  sig.end(undefined); // a dictionary, no stream
  widget.end(undefined);
  acroForm.end(undefined);
  return acroForm;
}

/** The page to annotate, made current; pages already flushed by pdfkit cannot take annotations any more. */
function openPage(doc: PDFKit.PDFDocument, pageIndex: number): PDFKitPage {
  const { start, count } = doc.bufferedPageRange();
  if (pageIndex < start || pageIndex >= start + count) {
    throw new Error(
      `addSignatureField: page ${pageIndex} is no longer open (open pages: ${start}–${start + count - 1}); create the document with bufferPages: true`,
    );
  }
  return doc.switchToPage(pageIndex) as unknown as PDFKitPage;
}

/** What pdfkit's page (the value `switchToPage` returns) has that its typings do not say. */
interface PDFKitPage {
  readonly height: number;
  readonly dictionary: PDFKit.PDFKitReference;
  readonly annotations: PDFKit.PDFKitReference[];
}
