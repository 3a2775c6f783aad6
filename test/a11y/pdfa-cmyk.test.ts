/**
 * A PDF/A-2b's colours are those of its sRGB output intent: a CMYK JPEG signature (DeviceCMYK, allowed only under a
 * CMYK output intent, ISO 19005-2 §6.2.4.3) would make the file claim a conformance it lacks. Under --pdfa it is an
 * error at the image's line, exit 2, nothing written; without --pdfa, or for DOCX only, it is set as before.
 */

import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterCli, tempDir } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

/** A structurally whole baseline JPEG of 40×20 pixels with `components` colour components (4: CMYK, Adobe-style). */
function jpeg(components: 3 | 4): Buffer {
  const segment = (marker: number, body: number[]) => [0xff, marker, ...u16(body.length + 2), ...body];
  const u16 = (n: number) => [n >> 8, n & 0xff];
  const ids = Array.from({ length: components }, (_, i) => i + 1);
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xee, [...Buffer.from('Adobe'), 0, 100, 0, 0, 0, 0, components === 4 ? 2 : 1]),
    ...segment(0xdb, [0, ...Array(64).fill(1)]),
    ...segment(0xc0, [8, ...u16(20), ...u16(40), components, ...ids.flatMap((id) => [id, 0x11, 0])]),
    ...segment(0xc4, [0x00, 1, ...Array(15).fill(0), 0]),
    ...segment(0xc4, [0x10, 1, ...Array(15).fill(0), 0]),
    ...segment(0xda, [components, ...ids.flatMap((id) => [id, 0]), 0, 63, 0]),
    0x00,
    0x00,
    0xff,
    0xd9,
  ]);
}

function projectWith(image: Buffer): string {
  const dir = join(tempDir('letter-pdfa-cmyk-'), 'letter');
  cpSync(EXAMPLE, dir, { recursive: true });
  writeFileSync(join(dir, 'signature.jpg'), image);
  const yaml = readFileSync(join(dir, 'letter.yaml'), 'utf8');
  writeFileSync(
    join(dir, 'letter.yaml'),
    yaml.replace('    short: CFNK\n', '    short: CFNK\n    signature: signature.jpg\n'),
  );
  return dir;
}

describe('a CMYK JPEG signature', () => {
  it('under --pdfa is an error at its line, exit 2, nothing written', () => {
    const dir = projectWith(jpeg(4));
    const out = join(dir, 'dist');
    const r = letterCli(['build', dir, '-o', out, '-l', 'en', '-f', 'pdf', '--pdfa']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(
      /^letter\.yaml:\d+:\d+: signature image is a CMYK JPEG, which a PDF\/A cannot hold/m,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('without --pdfa, or with --pdfa for DOCX only, is set; an RGB JPEG goes into a PDF/A', () => {
    const cmyk = projectWith(jpeg(4));
    expect(letterCli(['build', cmyk, '-o', join(cmyk, 'a'), '-l', 'en', '-f', 'pdf']).status).toBe(0);
    expect(letterCli(['build', cmyk, '-o', join(cmyk, 'b'), '-l', 'en', '-f', 'docx', '--pdfa']).status).toBe(
      0,
    );
    const rgb = projectWith(jpeg(3));
    const r = letterCli(['build', rgb, '-o', join(rgb, 'c'), '-l', 'en', '-f', 'pdf', '--pdfa']);
    expect(r.status, r.stderr).toBe(0);
  });
});
