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

/** Where each table of a plain sfnt file starts and how long it is; undefined for a collection or a WOFF. */
export function tableDirectory(
  bytes: Uint8Array,
): Map<string, { offset: number; length: number }> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x4f54544f /* OTTO */ && version !== 0x74727565 /* true */)
    return undefined;
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < view.getUint16(4); i++) {
    const entry = 12 + 16 * i;
    const tag = String.fromCharCode(...bytes.subarray(entry, entry + 4));
    tables.set(tag, { offset: view.getUint32(entry + 8), length: view.getUint32(entry + 12) });
  }
  return tables;
}
