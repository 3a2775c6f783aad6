/** Whether a file a project names as a face is one the renderers can use: a TrueType-outlined sfnt that fontkit reads. */

import { closeSync, openSync, readFileSync, readSync, statSync, type Stats } from 'node:fs';
import * as fontkit from 'fontkit';
import { outlineProblem } from './outline-check.js';

/** What is wrong with the font file, as the end of a sentence naming it, and what to do; undefined when it is usable. */
export function fontFileProblem(path: string): { message: string; hint: string } | undefined {
  // Not a regular file: a folder cannot be read as one (EISDIR), and opening a named pipe waits for a writer forever.
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (e) {
    return unreadable(e);
  }
  if (stat.isDirectory())
    return { message: 'is a folder, not a font file', hint: 'name the .ttf file, relative to fonts/' };
  if (!stat.isFile())
    return { message: 'is not a file (a pipe or a device)', hint: 'name the .ttf file, relative to fonts/' };
  let magic: number[];
  try {
    magic = firstBytes(path, 4);
  } catch (e) {
    return unreadable(e);
  }
  const tag = String.fromCharCode(...magic);
  // The sfnt version (OpenType spec, "Organization of an OpenType font"): 0x00010000 or 'true' for TrueType outlines.
  const trueType = (magic[0] === 0 && magic[1] === 1 && magic[2] === 0 && magic[3] === 0) || tag === 'true';
  if (!trueType) {
    const why: Record<string, string> = {
      OTTO: 'has CFF (PostScript) outlines: the DOCX subsetter needs TrueType outlines',
      ttcf: 'is a font collection (.ttc): name one face of it',
      wOFF: 'is a web font (WOFF)',
      wOF2: 'is a web font (WOFF2)',
    };
    return {
      message: why[tag] ?? 'is not a TrueType font',
      hint: 'use the .ttf file of the face (the Noto faces come as .ttf in the @expo-google-fonts npm packages)',
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return unreadable(e);
  }
  try {
    const font = fontkit.create(bytes);
    // fontkit reads a table or an outline only when a letter first needs it: a file damaged there is found here.
    const damaged = outlineProblem(bytes);
    if (damaged) return { message: damaged, hint: INTACT_COPY };
    if (!('hasGlyphForCodePoint' in font) || !font.hasGlyphForCodePoint(0x20))
      return { message: 'has no character map', hint: 'use a font that maps Unicode characters to glyphs' };
  } catch (e) {
    return {
      message: `cannot be read as a font (${e instanceof Error ? e.message : String(e)})`,
      hint: INTACT_COPY,
    };
  }
  return undefined;
}

/** A file the user may not read (EACCES) or that went away, told as such. */
function unreadable(e: unknown): { message: string; hint: string } {
  return {
    message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    hint: 'check the file permissions',
  };
}

const INTACT_COPY =
  'replace it with an intact copy of the .ttf file (a download cut short leaves a damaged one)';

function firstBytes(path: string, n: number): number[] {
  const fd = openSync(path, 'r');
  try {
    const buffer = new Uint8Array(n);
    const read = readSync(fd, buffer, 0, n, 0);
    return [...buffer.subarray(0, read)];
  } finally {
    closeSync(fd);
  }
}
