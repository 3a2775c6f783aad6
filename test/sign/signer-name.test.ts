/** A signer's name from the certificate in a script the letter's fonts lack: one clear refusal naming the certificate. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { makeTestPki } from '../support/pki.js';
import { tempDir } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

/** A signed build of the example with a certificate for `signerName`: it must stop (exit 2) with nothing written. */
async function refusedBuild(signerName: string) {
  const pki = makeTestPki(tempDir('letter-signer-pki-'), { signerName });
  const out = join(tempDir('letter-signer-'), 'out');
  const result = await build({ dir: EXAMPLE, out, sign: { p12: pki.p12, password: pki.password }, env: {} });
  expect(result.exitCode).toBe(2);
  expect(existsSync(out)).toBe(false);
  return { pki, result };
}

describe('a signer name the signature box cannot show', () => {
  it('in Arabic (right to left, which the box does not set) stops the build before rendering (exit 2, nothing written), naming the certificate file and what to do', async () => {
    const { pki, result } = await refusedBuild('جمعية المثال المدنية');
    expect(result.errors).toHaveLength(1);
    const [e] = result.errors;
    expect(e).toMatchObject({ code: 'uncovered-character', file: pki.p12 });
    expect(e!.message).toContain("the signer's name 'جمعية المثال المدنية'");
    expect(e!.message).toContain('U+062C');
    expect(e!.message).toContain('right to left');
    expect(e!.hint).toContain('certificate');
  });

  it('in Thai, which no face of the letter covers, stops the build the same way and points at fonts.json', async () => {
    const { pki, result } = await refusedBuild('สมาคมตัวอย่าง');
    const [e] = result.errors;
    expect(e).toMatchObject({ code: 'uncovered-character', file: pki.p12 });
    expect(e!.message).toContain('U+0E2A');
    expect(e!.hint).toContain('fonts/fonts.json');
    expect(e!.hint).toContain('certificate');
  });
});
