/**
 * A project's font file that is cut short or damaged where fontkit reads only late (the tables, the outlines) is bad
 * input found before rendering: an error at the face's file in fonts/fonts.json, exit 2, nothing written. It passed
 * `fontkit.create` and failed every document while rendering ("Offset is outside the bounds of the DataView", exit 1).
 */

import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tableDirectory } from '../../src/fonts/sfnt.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { letterCli, tempDir } from '../support/tools.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'japanese');
const FACE = readFileSync(join(TOOL_DIR, 'fonts', 'NotoSerif-Regular.ttf'));

/** The Japanese fixture with one small face of its own, whose file is `bytes`, first in the chain of 'ja'. */
function projectWithFace(bytes: Uint8Array): string {
  const dir = tempDir('letter-damaged-font-');
  cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !src.endsWith('.ttf') });
  writeFileSync(join(dir, 'fonts', 'Own-Regular.ttf'), bytes);
  const own = { family: 'Own Serif', files: { regular: 'Own-Regular.ttf' }, license: 'OFL-NotoSerifJP.txt' };
  writeFileSync(
    join(dir, 'fonts', 'fonts.json'),
    JSON.stringify({ faces: { own }, chains: { ja: ['own', 'latin', 'sc'] } }, null, 2),
  );
  return dir;
}

/** A copy of the face with the table `tag`'s bytes replaced by `fill`, or its tag in the directory renamed. */
function changedTable(tag: string, change: { fill: number } | { rename: string }): Uint8Array {
  const bytes = Uint8Array.prototype.slice.call(FACE);
  const table = tableDirectory(bytes)!.get(tag)!;
  if ('fill' in change) bytes.fill(change.fill, table.start, table.start + table.length);
  else {
    const count = (bytes[4]! << 8) | bytes[5]!;
    for (let at = 12; at < 12 + 16 * count; at += 16)
      if (String.fromCharCode(...bytes.subarray(at, at + 4)) === tag)
        bytes.set(Buffer.from(change.rename), at);
  }
  return bytes;
}

describe("a project's damaged font file", () => {
  it.each([
    [
      'cut short (a download stopped at 40 %)',
      FACE.subarray(0, Math.floor(FACE.length * 0.4)),
      /is cut short or damaged/,
    ],
    [
      'with outlines overwritten',
      changedTable('glyf', { fill: 0x7f }),
      /the outline of glyph \d+ does not read to its end/,
    ],
    [
      'with glyph offsets past its outlines',
      changedTable('loca', { fill: 0xff }),
      /lies outside its glyf table/,
    ],
    [
      'without TrueType outlines (no glyf table)',
      changedTable('glyf', { rename: 'xxxx' }),
      /has no 'glyf' table/,
    ],
  ])('%s: an error at the face in fonts/fonts.json, exit 2, nothing written', (_, bytes, message) => {
    const dir = projectWithFace(bytes);
    const out = join(dir, 'dist');
    const r = letterCli(['build', dir, '--out', out, '--json']);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as {
      errors: { message: string; file: string; line: number; hint: string }[];
    };
    const [error] = report.errors;
    expect(error?.message).toMatch(/^fonts\/Own-Regular\.ttf \(face 'own', regular\) /);
    expect(error?.message).toMatch(message);
    expect(error).toMatchObject({ file: 'fonts/fonts.json', line: expect.any(Number) });
    expect(error?.hint).toContain('intact copy');
    expect(r.stdout + r.stderr).not.toContain('DataView');
    expect(existsSync(out)).toBe(false);
  });

  it('the intact face passes the same check (its letter builds)', () => {
    const dir = projectWithFace(FACE);
    const r = letterCli(['check', dir]);
    expect(r.stderr).not.toContain('Own-Regular.ttf');
  });
});
