/** Setting one signatory's block: handwritten signature image, organisation in bold, person, title, e-mail. */

import { signatureLines, type Inline, type Signature } from '../model/index.js';
import type { Line } from './break/paragraph.js';
import { setInlines, type BlockFrame } from './inlines.js';
import { SIGNATURE_FIELD, SIGNATURE_GAP, SIGNATURE_IMAGE } from './style.js';
import { spacer, unit, type Unit } from './unit.js';

/** A signature block never splits: a name on one page and its e-mail on the next would read as two signatories. */
export function setSignature(block: Signature, frame: BlockFrame): Unit {
  const size = frame.style.size;
  const { structure } = frame;
  // One Div per signatory: the image (a Figure with its alt text) and a P per line, read as one group.
  const group = structure.open(frame.parent, 'Div');
  const lines: Line[] = [];
  if (block.image)
    lines.push(imageLine(block.image, frame, structure.open(group, 'Figure', { alt: block.image.alt })));
  const plain = {
    ...frame,
    firstLineIndent: 0,
    align: frame.align === 'justify' ? ('start' as const) : frame.align,
  };
  const line = (inlines: readonly Inline[], f: BlockFrame) =>
    setInlines(inlines, f, structure.open(group, 'P'));
  for (const text of signatureLines(block)) {
    if (text.kind === 'email') lines.push(...line([{ type: 'text', value: text.email }], plain));
    else
      lines.push(
        ...line(
          text.inlines,
          text.kind === 'org' ? { ...plain, style: { ...frame.style, bold: true } } : plain,
        ),
      );
  }
  // The signed PDF's field is part of the signer's own block, so the block moves (and is measured) with it.
  if (frame.signatureFieldIn === block)
    lines.push(spacer(SIGNATURE_FIELD.gap * size), signatureFieldLine(frame));
  return unit(lines, SIGNATURE_GAP * size, { splittable: false });
}

/** An empty line that keeps the signature field's box free, aligned like the signatures. */
export function signatureFieldLine(frame: BlockFrame): Line {
  const { width, height } = SIGNATURE_FIELD;
  return { height, baseline: 0, items: [], reserved: { x: alignedX(frame, width), width } };
}

function alignedX(frame: BlockFrame, width: number): number {
  return frame.align === 'end'
    ? frame.x + frame.width - width
    : frame.align === 'center'
      ? frame.x + (frame.width - width) / 2
      : frame.x;
}

function imageLine(image: NonNullable<Signature['image']>, frame: BlockFrame, tag: number): Line {
  // Scale into the signature box, keeping the aspect ratio; never enlarge a small scan beyond its box.
  const scale = Math.min(SIGNATURE_IMAGE.width / image.width, SIGNATURE_IMAGE.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const x = alignedX(frame, width);
  const pad = 0.2 * frame.style.size;
  return {
    height: height + pad,
    baseline: 0,
    items: [
      { kind: 'image', data: image.data, format: image.format, x, y: 0, width, height, alt: image.alt, tag },
    ],
  };
}
