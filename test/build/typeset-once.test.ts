/**
 * A letter is typeset once per build, whatever its formats: the PDF writes the paged letter's glyph runs and the DOCX
 * takes its page count from the same paged letter (counted in this thread, where `jobs: 1` renders). Only a signed
 * PDF is laid out again, with a box kept free for its signature field.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { lettersTypeset } from '../../src/typeset/index.js';
import { makeTestPki } from '../support/pki.js';
import { tempDir } from '../support/tools.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'batch');
const LONG = join(import.meta.dirname, '..', 'fixtures', 'long-letter');

interface ManifestFile {
  readonly file: string;
  readonly format: string;
  readonly recipient: string;
  readonly lang: string;
  readonly pages: number;
}

async function counted(
  options: Parameters<typeof build>[0],
): Promise<{ typeset: number; files: ManifestFile[] }> {
  const before = lettersTypeset();
  const result = await build({ jobs: 1, now: new Date('2024-01-01'), ...options });
  expect(result.exitCode, JSON.stringify(result.errors)).toBe(0);
  const manifest = JSON.parse(readFileSync(result.manifest!, 'utf8')) as { files: ManifestFile[] };
  return { typeset: lettersTypeset() - before, files: manifest.files };
}

/** Each letter's DOCX reports the pages of its PDF. */
function samePages(files: readonly ManifestFile[]): void {
  for (const docx of files.filter((f) => f.format === 'docx')) {
    const pdf = files.find(
      (f) => f.format === 'pdf' && f.recipient === docx.recipient && f.lang === docx.lang,
    );
    expect(docx.pages, docx.file).toBe(pdf?.pages);
  }
}

describe('typesetting in a build', () => {
  it('typesets each letter once when its DOCX comes before its PDF', async () => {
    const { typeset, files } = await counted({
      dir: FIXTURE,
      out: tempDir(),
      to: ['fr', 'de'],
      langs: ['en', 'ko'],
      formats: ['docx', 'pdf'],
    });
    expect(files).toHaveLength(8);
    expect(typeset).toBe(4);
    samePages(files);
  });

  it('lays a signed PDF out once more, with its signature box, and nothing else twice', async () => {
    const pki = makeTestPki(tempDir('letter-pki-'));
    const { typeset, files } = await counted({
      dir: LONG,
      out: tempDir(),
      langs: ['ko', 'zh'],
      formats: ['docx', 'pdf'],
      sign: { p12: pki.p12, password: pki.password },
    });
    expect(files).toHaveLength(4);
    // Per letter: the layout the unsigned PDF (its sha256 is in the manifest) and the DOCX's page count come from, and
    // the signed PDF's, which keeps a box free for the signature field.
    expect(typeset).toBe(4);
    expect(Math.min(...files.map((f) => f.pages))).toBeGreaterThan(1);
  });
});
