/** A signature is an act in time: signed at the build's clock by default, pinned by SOURCE_DATE_EPOCH, both hashes in the manifest. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { verifyFile } from '../../src/verify/signatures.js';
import { sha256, type Manifest } from '../../src/write/index.js';
import { makeTestPki, type TestPki } from '../support/pki.js';
import { tempDir } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
const PINNED = Date.parse('2025-04-05T06:07:08Z') / 1000;
let pki: TestPki;

/** One signed English build (PDF and DOCX) at the clock `now`, with SOURCE_DATE_EPOCH when `epoch` is given. */
async function signedBuild(now: Date, epoch?: number): Promise<{ out: string; manifest: Manifest }> {
  const out = tempDir('letter-clock-');
  const env: NodeJS.ProcessEnv = epoch === undefined ? {} : { SOURCE_DATE_EPOCH: String(epoch) };
  const result = await build({
    dir: EXAMPLE,
    out,
    langs: ['en'],
    to: ['cn'],
    sign: { p12: pki.p12, password: pki.password },
    env,
    now,
  });
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
  return { out, manifest: JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest };
}

const fileBytes = (out: string, manifest: Manifest) =>
  manifest.files.map((f) => readFileSync(join(out, f.file)));

describe('the signing time', () => {
  beforeAll(() => {
    pki = makeTestPki(tempDir('letter-clock-pki-'));
  });

  it("is the build's clock, not the letter's date, when SOURCE_DATE_EPOCH is not set", async () => {
    const { out, manifest } = await signedBuild(new Date('2027-05-05T10:11:12Z'));
    for (const f of manifest.files) {
      const report = await verifyFile(join(out, f.file));
      expect([f.format, report.valid, report.signingTime]).toEqual([f.format, true, '2027-05-05T10:11:12Z']);
    }
  });

  it('is SOURCE_DATE_EPOCH when set: two builds at different clocks write the same bytes', async () => {
    const a = await signedBuild(new Date('2027-05-05T10:11:12Z'), PINNED);
    const b = await signedBuild(new Date('2028-01-01T00:00:00Z'), PINNED);
    expect(fileBytes(b.out, b.manifest)).toEqual(fileBytes(a.out, a.manifest));
    const report = await verifyFile(join(a.out, a.manifest.files[0]!.file));
    expect(report.signingTime).toBe('2025-04-05T06:07:08Z');
  });
});

describe('the manifest of a signed build', () => {
  it("records the signed file's sha256 and the unsigned document's, which equals an unsigned build's file", async () => {
    const now = new Date('2027-05-05T10:11:12Z');
    const signed = await signedBuild(now);
    const later = await signedBuild(new Date('2027-05-06T00:00:00Z'));
    const unsignedOut = tempDir('letter-clock-unsigned-');
    const unsigned = await build({ dir: EXAMPLE, out: unsignedOut, langs: ['en'], to: ['cn'], env: {}, now });
    expect(unsigned.exitCode).toBe(0);
    expect(signed.manifest.files.map((f) => f.format).sort()).toEqual(['docx', 'pdf']);
    for (const f of signed.manifest.files) {
      const bytes = readFileSync(join(signed.out, f.file));
      expect(f.sha256).toBe(sha256(bytes));
      expect(f.unsignedSha256).toBe(sha256(readFileSync(join(unsignedOut, f.file))));
      expect(f.unsignedSha256).not.toBe(f.sha256);
      // Signed a day later: other signed bytes, the same unsigned document.
      const again = later.manifest.files.find((g) => g.file === f.file)!;
      expect(again.sha256).not.toBe(f.sha256);
      expect(again.unsignedSha256).toBe(f.unsignedSha256);
    }
    const plain = JSON.parse(readFileSync(join(unsignedOut, 'manifest.json'), 'utf8')) as Manifest;
    for (const f of plain.files) expect(f).not.toHaveProperty('unsignedSha256');
  });
});
