/** Setting one signatory's block: handwritten signature image, organisation in bold, person, title, e-mail. */

import type { Signature } from '../model/index.js';
import type { Line } from './break/paragraph.js';
import { setInlines, type BlockFrame } from './blocks.js';
import { SIGNATURE_GAP, SIGNATURE_IMAGE } from './style.js';
import { unit, type Unit } from './unit.js';

/** A signature block never splits: a name on one page and its e-mail on the next would read as two signatories. */
export function setSignature(block: Signature, frame: BlockFrame): Unit {
  const size = frame.style.size;
  const lines: Line[] = [];
  if (block.image) lines.push(imageLine(block.image, frame));
  const plain = { ...frame, firstLineIndent: 0, align: frame.align === 'justify' ? ('start' as const) : frame.align };
  lines.push(...setInlines(block.org, { ...plain, style: { ...frame.style, bold: true } }));
  if (block.person) lines.push(...setInlines(block.person, plain));
  if (block.title) lines.push(...setInlines(block.title, plain));
  if (block.email) lines.push(...setInlines([{ type: 'text', value: block.email }], plain));
  return unit(lines, SIGNATURE_GAP * size, { splittable: false });
}

function imageLine(image: NonNullable<Signature['image']>, frame: BlockFrame): Line {
  // Scale into the signature box, keeping the aspect ratio; never enlarge a small scan beyond its box.
  const scale = Math.min(SIGNATURE_IMAGE.width / image.width, SIGNATURE_IMAGE.height / image.height);
  const width = image.width * scale;
  const height = image.height * scale;
  const x =
    frame.align === 'end' ? frame.x + frame.width - width : frame.align === 'center' ? frame.x + (frame.width - width) / 2 : frame.x;
  const pad = 0.2 * frame.style.size;
  return {
    height: height + pad,
    baseline: 0,
    items: [{ kind: 'image', data: image.data, format: image.format, x, y: 0, width, height, alt: image.alt }],
  };
}
