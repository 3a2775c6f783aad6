/** PNGs made in tests, so no binary fixtures are committed: a flat image of any size, and a signature-like stroke. */

import { crc32, deflateSync } from 'node:zlib';

/** An RGB PNG from rows of pixels; `declaredWidth` lies in the header (for corrupt-image cases). */
function encode(
  width: number,
  height: number,
  pixel: (x: number, y: number) => number,
  declaredWidth = width,
): Uint8Array {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    raw[y * stride] = 0;
    for (let x = 0; x < width; x++) raw.fill(pixel(x, y), y * stride + 1 + x * 3, y * stride + 4 + x * 3);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(declaredWidth, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const magic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(
    Buffer.concat([
      magic,
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** A flat grey PNG of the given size. */
export function png(
  width: number,
  height: number,
  options: { declaredWidth?: number; grey?: number } = {},
): Uint8Array {
  return encode(width, height, () => options.grey ?? 0x80, options.declaredWidth);
}

/** A 240×80 PNG with a dark wavy stroke: a stand-in for a scanned signature. */
export function signaturePng(): Uint8Array {
  return encode(240, 80, (x, y) => {
    if (x < 10 || x >= 230) return 0xff;
    const stroke = Math.round(40 + 22 * Math.sin(x / 9) * Math.cos(x / 31));
    return Math.abs(y - stroke) <= 1 ? 0x20 : 0xff;
  });
}
