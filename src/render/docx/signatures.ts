/** A signatory's block: handwritten signature image, then organisation, person, title and e-mail, as the PDF draws it. */

import { ImageRun, type ParagraphChild } from 'docx';
import {
  signatureLines,
  type Signature,
  type SignatureImage,
  type SignatureLine,
} from '../../model/index.js';
import type { ParagraphSpec } from './blocks.js';
import type { DrawContext } from './context.js';
import { inlineChildren, textRuns } from './runs.js';
import { PART_STYLE, STYLE } from './styles.js';

// The box a signature image is scaled into, in CSS pixels (96 per inch, docx's unit): 45 × 15 mm.
const BOX = { width: 170, height: 57 };

/**
 * The block's paragraphs: the image above the lines, then the model's lines in the model's order (the one the PDF
 * draws). The first paragraph takes the Signature style (space above, so signatories stand apart), the rest
 * Signature Line.
 */
export function signatureSpecs(sig: Signature, ctx: DrawContext): ParagraphSpec[] {
  const lines: ParagraphChild[][] = [];
  if (sig.image) lines.push([imageRun(sig.image, ctx)]);
  for (const line of signatureLines(sig)) lines.push(lineChildren(line, ctx));
  return lines.map((children, i) => ({
    style: i === 0 ? PART_STYLE.signatures : STYLE.signatureLine,
    children,
  }));
}

function lineChildren(line: SignatureLine, ctx: DrawContext): ParagraphChild[] {
  const look = ctx.styles.runLook(STYLE.signatureLine);
  switch (line.kind) {
    case 'email':
      // Plain text, as the PDF sets it (typeset/signature.ts): a printed letter shows the address, not a link.
      return textRuns(line.email, ctx.lang, ctx, look);
    case 'org':
      // The organisation stands out as in the PDF: the Strong character style, so the recipient side can restyle it.
      return inlineChildren([{ type: 'strong', children: line.inlines }], ctx, look);
    default:
      return inlineChildren(line.inlines, ctx, look);
  }
}

function imageRun(image: SignatureImage, ctx: DrawContext): ImageRun {
  const scale = Math.min(1, BOX.width / image.width, BOX.height / image.height);
  const id = ctx.nextDrawingId();
  return new ImageRun({
    type: image.format === 'jpeg' ? 'jpg' : 'png',
    data: image.data,
    transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
    // wp:docPr/@descr is what screen readers and Word's Alt Text pane read.
    altText: { id: String(id), name: `Signature ${id}`, description: image.alt, title: image.alt },
  });
}
