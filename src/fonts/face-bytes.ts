/**
 * The file bytes each fontkit face was parsed from, as FontBook read them (a large face's outlines may still be zeros,
 * see partial-file.ts): harfbuzz shapes from them, and advances are read from their hmtx without fontkit's objects.
 */

import type { Font } from 'fontkit';

const faceBytes = new WeakMap<Font, Uint8Array>();

/** Records the bytes `font` was parsed from. */
export function registerFaceBytes(font: Font, bytes: Uint8Array): void {
  faceBytes.set(font, bytes);
}

/** The bytes `font` was parsed from, if FontBook (or a caller) registered them. */
export function faceBytesOf(font: Font): Uint8Array | undefined {
  return faceBytes.get(font);
}
