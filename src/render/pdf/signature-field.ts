/** The PAdES signature field: a /Sig placeholder for sign/ to fill, and a visible widget drawing the signer's lines. */

/// <reference types="pdfkit" />
import { isInvisible, type FontBook } from '../../fonts/index.js';

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

const PADDING = 4;
const MAX_FONT_SIZE = 9;
const MIN_FONT_SIZE = 7;
const LEADING = 1.3;
const BORDER_RGB = '0.18 0.24 0.38';
const TEXT_RGB = '0.1 0.1 0.1';

/** The parts of pdfkit's embedded font object this module draws with (pdfkit 0.20 EmbeddedFont). */
interface PdfkitFont {
  readonly id: string;
  readonly ascender: number;
  encode(text: string): [string[], unknown[]];
  widthOfString(text: string, size: number): number;
  ref(): PDFKit.PDFKitReference;
}

interface Run {
  font: PdfkitFont;
  text: string;
}

/**
 * Adds a signature field to `doc`: the /Sig dictionary with ByteRange and Contents placeholders (ETSI.CAdES.detached),
 * an AcroForm with SigFlags 3, and a widget on the page whose /AP /N is a Form XObject drawing a bordered box with
 * `spec.appearanceLines` in embedded Noto faces. Call it after drawing the page, before `doc.end()`. The page must
 * still be open: the current page, or any page when the document was made with `bufferPages: true`.
 * Changes the document's current font.
 */
export function addSignatureField(
  doc: PDFKit.PDFDocument,
  spec: SignatureFieldSpec,
  rect: SignatureRect,
  fonts: FontBook,
  /** Called with the widget before it is written: a tagged document puts it in a Form element (PDF/UA). */
  tagWidget?: (widget: PDFKit.PDFKitReference, page: PDFKit.PDFKitReference) => void,
): void {
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

  const lines = spec.appearanceLines.map((line) =>
    runs(doc, line, spec.lang ?? guessLang(spec.appearanceLines), fonts),
  );
  const appearance = doc.ref({
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [0, 0, width, height],
    Resources: { Font: fontResources(lines), ProcSet: ['PDF', 'Text'] },
  });
  appearance.end(appearanceStream(lines, width, height));

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
    AP: { N: appearance },
  });
  page.annotations.push(widget);

  acroForm(doc).data.Fields.push(widget);
  tagWidget?.(widget, page.dictionary);
  sig.end(undefined); // a dictionary, no stream
  widget.end(undefined);
}

/** The page to annotate; pages already flushed by pdfkit cannot take annotations any more. */
function openPage(doc: PDFKit.PDFDocument, pageIndex: number): PDFKitPage {
  const { start, count } = doc.bufferedPageRange();
  if (pageIndex < start || pageIndex >= start + count) {
    throw new Error(
      `addSignatureField: page ${pageIndex} is no longer open (open pages: ${start}–${start + count - 1}); create the document with bufferPages: true`,
    );
  }
  const current = doc.page as unknown as PDFKitPage;
  const page = doc.switchToPage(pageIndex) as unknown as PDFKitPage;
  (doc as unknown as { page: PDFKitPage }).page = current;
  return page;
}

interface PDFKitPage {
  readonly height: number;
  readonly dictionary: PDFKit.PDFKitReference;
  readonly annotations: PDFKit.PDFKitReference[];
}

/** The document's AcroForm, created once; SigFlags 3 = SignaturesExist | AppendOnly (ISO 32000-1 Table 219). */
function acroForm(doc: PDFKit.PDFDocument): { data: { Fields: PDFKit.PDFKitReference[] } } {
  const root = (
    doc as unknown as {
      _root: {
        data: { AcroForm?: { data: Record<string, unknown> & { Fields: PDFKit.PDFKitReference[] } } };
      };
    }
  )._root;
  if (!root.data.AcroForm) doc.initForm();
  const form = root.data.AcroForm!;
  form.data.SigFlags = 3;
  // pdfkit's initForm sets NeedAppearances, which makes poppler regenerate (and so blank) our appearance.
  delete form.data.NeedAppearances;
  return form;
}

/** Splits a line into runs of one face each: the first face of the language's chain that has the character. */
function runs(doc: PDFKit.PDFDocument, line: string, lang: string, fonts: FontBook): Run[] {
  const out: Run[] = [];
  let faceId: string | undefined;
  for (const ch of line) {
    const cp = ch.codePointAt(0)!;
    // Spaces stay in the face around them, so a space does not split a Korean run into a Latin one.
    const id = isInvisible(cp) && faceId ? faceId : fonts.faceOrThrow(cp, lang);
    const last = out[out.length - 1];
    if (last && id === faceId) {
      last.text += ch;
    } else {
      doc.font(fonts.file(id, 'regular'));
      out.push({ font: (doc as unknown as { _font: PdfkitFont })._font, text: ch });
      faceId = id;
    }
  }
  return out;
}

function guessLang(lines: readonly string[]): string {
  return lines.some((line) => /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/.test(line)) ? 'ko' : 'en';
}

function fontResources(lines: readonly Run[][]): Record<string, PDFKit.PDFKitReference> {
  const resources: Record<string, PDFKit.PDFKitReference> = {};
  for (const line of lines) for (const run of line) resources[run.font.id] = run.font.ref();
  return resources;
}

/**
 * A thin-ruled box with the lines set left-aligned at the largest size up to MAX_FONT_SIZE that fits; never below
 * MIN_FONT_SIZE (legible on paper): a line still too wide at that size wraps instead.
 */
function appearanceStream(lines: readonly Run[][], width: number, height: number): string {
  const inner = width - 2 * PADDING;
  let size = Math.min(MAX_FONT_SIZE, (height - 2 * PADDING) / (Math.max(lines.length, 1) * LEADING));
  const widest = Math.max(0, ...lines.map((line) => lineWidth(line, size)));
  if (widest > inner) size = Math.max(MIN_FONT_SIZE, (size * inner) / widest);
  const set = lines.flatMap((line) => wrap(line, size, inner));
  if (set.length * size * LEADING > height - 2 * PADDING + 0.01) {
    throw new Error(
      `the signature field's text needs ${set.length} lines at ${MIN_FONT_SIZE} pt; its box holds fewer`,
    );
  }

  const ops = [
    'q',
    `${BORDER_RGB} RG`,
    '0.75 w',
    `0.375 0.375 ${num(width - 0.75)} ${num(height - 0.75)} re S`,
  ];
  ops.push('BT', `${TEXT_RGB} rg`);
  // Centre the block vertically: the box is sized by the page layout, not by the number of lines.
  const top = (height - set.length * size * LEADING) / 2;
  set.forEach((line, i) => {
    let x = PADDING;
    const ascent = (line[0]?.font.ascender ?? 880) / 1000;
    const y = height - top - ascent * size - i * size * LEADING;
    for (const run of line) {
      const [glyphs] = run.font.encode(run.text);
      ops.push(
        `/${run.font.id} ${num(size)} Tf`,
        `1 0 0 1 ${num(x)} ${num(y)} Tm`,
        `<${glyphs.join('')}> Tj`,
      );
      x += run.font.widthOfString(run.text, size);
    }
  });
  ops.push('ET', 'Q');
  return ops.join('\n');
}

function lineWidth(line: readonly Run[], size: number): number {
  return line.reduce((sum, run) => sum + run.font.widthOfString(run.text, size), 0);
}

/** A line too wide for the box as several: broken after the last space that fits, or between characters (CJK). */
function wrap(line: readonly Run[], size: number, inner: number): Run[][] {
  if (lineWidth(line, size) <= inner) return [[...line]];
  const chars = line.flatMap((run) => [...run.text].map((ch) => ({ font: run.font, ch })));
  const out: Run[][] = [];
  let start = 0;
  while (start < chars.length) {
    let end = start + 1;
    let width = chars[start]!.font.widthOfString(chars[start]!.ch, size);
    while (end < chars.length && width + chars[end]!.font.widthOfString(chars[end]!.ch, size) <= inner) {
      width += chars[end]!.font.widthOfString(chars[end]!.ch, size);
      end++;
    }
    if (end < chars.length) {
      const space = chars
        .slice(start, end)
        .map((c) => c.ch)
        .lastIndexOf(' ');
      if (space > 0) end = start + space + 1;
    }
    out.push(toRuns(chars.slice(start, end)));
    start = end;
    while (start < chars.length && chars[start]!.ch === ' ') start++;
  }
  return out;
}

function toRuns(chars: readonly { font: PdfkitFont; ch: string }[]): Run[] {
  const runs: Run[] = [];
  for (const { font, ch } of chars) {
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += ch;
    else runs.push({ font, text: ch });
  }
  // A line ends without its breaking space.
  const last = runs[runs.length - 1];
  if (last) last.text = last.text.trimEnd();
  return runs.filter((run) => run.text.length > 0);
}

/** Fixed-precision numbers keep the stream identical across runs and platforms. */
function num(n: number): string {
  return (Math.round(n * 1000) / 1000).toString();
}
