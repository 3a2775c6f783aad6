/** Images a letter uses (handwritten signatures): read once, checked to be a PNG or JPEG of sane size before use. */

import { readFileSync, statSync } from 'node:fs';
import { LetterError, problem, type Diagnostic } from '../diag/index.js';
import type { LetterSpec, Locate } from './types.js';

/** Signature images above this size are refused: a scanned signature is tens of kilobytes. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const MAX_IMAGE_PIXELS = 8000;

export interface ImageInfo {
  readonly format: 'png' | 'jpeg';
  readonly width: number;
  readonly height: number;
}

/** Reads every signature image of the letter; a corrupt, foreign or oversize file is an error at its letter.yaml line. */
export function loadAssets(letter: LetterSpec, locate: Locate): Map<string, Uint8Array> {
  const assets = new Map<string, Uint8Array>();
  const problems: Diagnostic[] = [];
  letter.signatories.forEach((s, i) => {
    if (!s.signature || assets.has(s.signature)) return;
    const where = locate(['signatories', i, 'signature']);
    if (statSync(s.signature).size > MAX_IMAGE_BYTES) {
      problems.push(problem('bad-image', `signature image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`, where, 'scale it down; 600×200 pixels is plenty'));
      return;
    }
    const bytes = new Uint8Array(readFileSync(s.signature));
    const info = imageInfo(bytes);
    if (!info) problems.push(problem('bad-image', 'signature image is not a readable PNG or JPEG', where, 'export the signature as PNG or JPEG'));
    else if (info.width < 1 || info.height < 1 || info.width > MAX_IMAGE_PIXELS || info.height > MAX_IMAGE_PIXELS) {
      problems.push(problem('bad-image', `signature image is ${info.width}×${info.height} pixels`, where, `use an image between 1 and ${MAX_IMAGE_PIXELS} pixels on each side`));
    } else assets.set(s.signature, bytes);
  });
  if (problems.length) throw new LetterError(problems);
  return assets;
}

/** Format and pixel size from the header, or undefined when the bytes are neither a PNG nor a JPEG. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 33 && png.every((b, i) => bytes[i] === b) && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR') {
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
        return { format: 'jpeg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
      }
      offset += 2 + length;
    }
  }
  return undefined;
}
