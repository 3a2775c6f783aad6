/** A signatory's block: handwritten signature image, person and title, organisation, e-mail. */

import { ExternalHyperlink, ImageRun, type ParagraphChild } from 'docx';
import type { Inline, Signature, SignatureImage } from '../../model/index.js';
import type { ParagraphSpec } from './blocks.js';
import type { DrawContext } from './context.js';
import { inlineChildren, textRuns } from './runs.js';
import { PART_STYLE, STYLE } from './styles.js';

// The box a signature image is scaled into, in CSS pixels (96 per inch, docx's unit): 45 × 15 mm.
const BOX = { width: 170, height: 57 };

/**
 * The block's paragraphs. The first one takes the Signature style (space above, so signatories stand apart), the
 * rest Signature Line. With a person, the image stands over the person's name; without, over the organisation's.
 */
export function signatureSpecs(sig: Signature, ctx: DrawContext): ParagraphSpec[] {
  const lines: ParagraphChild[][] = [];
  if (sig.image) lines.push([imageRun(sig.image, ctx)]);
  const text = (inlines: readonly Inline[]): ParagraphChild[] => inlineChildren(inlines, ctx, ctx.styles.runLook(STYLE.signatureLine));
  if (sig.person) lines.push(text(sig.person));
  if (sig.title) lines.push(text(sig.title));
  // The organisation stands out as in the PDF: the Strong character style, so the recipient side can restyle it.
  lines.push(text([{ type: 'strong', children: sig.org }]));
  if (sig.email) {
    const state = { ...ctx.styles.runLook(STYLE.signatureLine), charStyle: STYLE.hyperlink };
    lines.push([new ExternalHyperlink({ link: `mailto:${sig.email}`, children: textRuns(sig.email, ctx.lang, ctx, state) })]);
  }
  return lines.map((children, i) => ({ style: i === 0 ? PART_STYLE.signatures : STYLE.signatureLine, children }));
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
