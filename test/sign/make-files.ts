/** Real unsigned letters for the signing tests: a pdfkit PDF with a signature field, a docx-package DOCX. */

import PDFDocument from 'pdfkit';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { toolFontBook } from '../../src/fonts/index.js';
import { linkAcroForm } from '../../src/render/pdf/acroform.js';
import { PdfFaces } from '../../src/render/pdf/faces.js';
import { faceUses } from '../../src/render/pdf/glyph-uses.js';
import { appearanceRuns, layoutAppearance } from '../../src/render/pdf/signature-appearance.js';
import { addSignatureField, type SignatureFieldSpec } from '../../src/render/pdf/signature-field.js';

export const SIGNING_TIME = new Date('2026-03-01T09:30:00Z');
export const KOREAN = '대한민국 대통령님께, 이 편지는 서명 시험을 위한 것입니다. 漢字도 들어 있습니다.';

export const SPEC: SignatureFieldSpec = {
  name: 'Signature1',
  reason: '공개서한 서명',
  location: 'Seoul',
  contactInfo: 'letters@example.org',
  signerName: 'Letter Test Signer',
  signingTime: SIGNING_TIME,
  appearanceLines: [
    'Digitally signed by 홍길동 (Letter Test Signer)',
    '예시 시민 협회 · Example Civic Association',
    '2026-03-01 09:30 UTC',
  ],
};

/** How the test PDF is made: the renderer may buffer pages or not, and may write tagged PDF/A. */
export interface PdfVariant {
  bufferPages?: boolean;
  pdfa?: boolean;
  /** Page the box goes on; by default the last (second) page. */
  pageIndex?: number;
}

/** A two-page Korean PDF whose signature box sits on the last page, as the renderer will place it. */
export async function unsignedPdf(
  spec: SignatureFieldSpec = SPEC,
  variant: PdfVariant = {},
): Promise<Buffer> {
  const fonts = toolFontBook();
  const doc = new PDFDocument({
    size: 'A4',
    bufferPages: variant.bufferPages ?? true,
    pdfVersion: '1.7',
    info: { Title: 'Signing test', CreationDate: SIGNING_TIME, ModDate: SIGNING_TIME },
    ...(variant.pdfa ? { subset: 'PDF/A-2b' as const, tagged: true, lang: 'ko-KR' } : {}),
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.font(fonts.file('kr', 'regular')).fontSize(12).text(KOREAN, { width: 450 });
  doc.addPage();
  doc
    .font(fonts.file('kr', 'regular'))
    .fontSize(12)
    .text('두 번째 쪽: 서명은 여기 아래에 있습니다.', 72, 100);
  const rect = { pageIndex: variant.pageIndex ?? 1, x: 330, y: 640, width: 220, height: 64 };
  // The renderer's way: the box's lines set first, their glyphs embedded as the document's own faces.
  const appearance = layoutAppearance(spec.appearanceLines, rect, fonts, spec.lang);
  const faces = new PdfFaces(doc, faceUses(appearanceRuns(appearance)), fonts);
  const acroForm = addSignatureField(doc, spec, rect, appearance, faces);
  faces.embed(doc);
  doc.end();
  await done;
  return Buffer.from(linkAcroForm(Buffer.concat(chunks), acroForm));
}

/** A DOCX with a paragraph of Korean text, packed with fixed dates so it is the same every run. */
export async function unsignedDocx(text = KOREAN): Promise<Buffer> {
  const doc = new Document({
    creator: 'letter tests',
    title: 'Signing test',
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new TextRun({
                text,
                font: { eastAsia: 'Noto Serif KR' },
                language: { value: 'ko-KR', eastAsia: 'ko-KR' },
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
