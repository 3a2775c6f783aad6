/** Checking an image before any renderer sees it: a well-formed PNG or JPEG, of sane pixel size, whose data decodes. */

import { crc32, inflateSync } from 'node:zlib';

/** Pixels allowed on each side; a scanned signature is a few hundred. */
export const MAX_IMAGE_SIDE = 8000;
/** Pixels allowed in all, which also bounds the memory a PNG inflates to. */
export const MAX_IMAGE_PIXELS = 16_000_000;

export interface ImageInfo {
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
  /** A JPEG's colour components: 1 grey, 3 RGB (YCbCr), 4 CMYK (or YCCK). */
  readonly components?: number;
}

/** The image's format and size, or why it cannot be used (one short sentence). */
export function inspectImage(bytes: Uint8Array): { info: ImageInfo } | { problem: string } {
  const info = imageInfo(bytes);
  if (!info) return { problem: 'is not a PNG or JPEG image' };
  if (info.width < 1 || info.height < 1 || info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE) {
    return {
      problem: `is ${info.width}×${info.height} pixels; use between 1 and ${MAX_IMAGE_SIDE} pixels on each side`,
    };
  }
  // Each side may be within its limit and the whole not (7000×7000): say which limit it is past.
  if (info.width * info.height > MAX_IMAGE_PIXELS) {
    const count = (n: number) => n.toLocaleString('en-US');
    return {
      problem: `is ${info.width}×${info.height} pixels (${count(info.width * info.height)}); use at most ${count(MAX_IMAGE_PIXELS)} pixels in all`,
    };
  }
  const broken = info.format === 'png' ? pngProblem(bytes, info) : jpegProblem(bytes);
  return broken ? { problem: broken } : { info };
}

/** Format and pixel size from the header, or undefined when the bytes are neither a PNG nor a JPEG. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 33 && png.every((b, i) => bytes[i] === b) && ascii(bytes, 12, 16) === 'IHDR') {
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return undefined;
      const marker = bytes[offset + 1]!;
      const length = view.getUint16(offset + 2);
      // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return {
          format: 'jpeg',
          height: view.getUint16(offset + 5),
          width: view.getUint16(offset + 7),
          components: bytes[offset + 9]!,
        };
      }
      offset += 2 + length;
    }
  }
  return undefined;
}

const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

/** Walks every chunk (length, CRC), checks IHDR, and inflates the image data to its expected size. */
function pngProblem(bytes: Uint8Array, info: ImageInfo): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data: Uint8Array[] = [];
  let offset = 8;
  let ended = false;
  let palette = false;
  while (offset < bytes.length && !ended) {
    if (offset + 12 > bytes.length) return 'is cut short (a PNG chunk is incomplete)';
    const length = view.getUint32(offset);
    const type = ascii(bytes, offset + 4, offset + 8);
    if (offset + 12 + length > bytes.length) return `is cut short (its ${type} chunk runs past the end)`;
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length))
      return `is corrupt (the checksum of its ${type} chunk is wrong)`;
    if (type === 'IDAT') data.push(body);
    if (type === 'PLTE') palette = true;
    if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  if (!ended) return 'is cut short (no IEND chunk)';
  if (!data.length) return 'has no image data';
  const [depth, color, compression, filter, interlace] = [
    bytes[24]!,
    bytes[25]!,
    bytes[26]!,
    bytes[27]!,
    bytes[28]!,
  ];
  if (!DEPTHS[color]?.includes(depth) || compression !== 0 || filter !== 0 || interlace > 1)
    return 'has an invalid PNG header';
  if (color === 3 && !palette) return 'is a palette PNG without a palette';
  const rowBytes = Math.ceil((info.width * CHANNELS[color]! * depth) / 8);
  // Interlaced images store seven passes; their size is at most the plain size plus a filter byte per pass row.
  const expected = info.height * (rowBytes + 1);
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(data), { maxOutputLength: expected + 7 * (info.height + 8) });
  } catch {
    return 'is corrupt (its image data does not decompress)';
  }
  if (interlace === 0 && raw.length < expected)
    return 'is corrupt (its image data is shorter than its size says)';
  return undefined;
}

/** Walks the JPEG's segments to the end-of-image marker: a frame header, a scan and EOI must all be there. */
function jpegProblem(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  let frame = false;
  let scan = false;
  while (offset + 1 < bytes.length) {
    if (bytes[offset] !== 0xff) return 'is corrupt (a JPEG segment is malformed)';
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xd9) return frame && scan ? undefined : 'is incomplete (no frame or scan before its end)';
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    if (offset + 4 > bytes.length) break;
    const length = view.getUint16(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length)
      return 'is cut short (a JPEG segment runs past the end)';
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const components = bytes[offset + 9];
      if (length < 8 || (components !== 1 && components !== 3 && components !== 4))
        return 'has an invalid JPEG frame header';
      frame = true;
    }
    offset += 2 + length;
    if (marker === 0xda) {
      scan = true;
      // Entropy-coded data runs to the next marker that is neither a stuffed 0x00 nor a restart marker.
      while (
        offset + 1 < bytes.length &&
        !(
          bytes[offset] === 0xff &&
          bytes[offset + 1] !== 0x00 &&
          !(bytes[offset + 1]! >= 0xd0 && bytes[offset + 1]! <= 0xd7)
        )
      )
        offset++;
    }
  }
  return 'is cut short (no end-of-image marker)';
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
