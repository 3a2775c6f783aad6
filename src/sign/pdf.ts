/** PAdES baseline signing of a PDF that already carries a signature placeholder: bytes in, bytes out. */

import { SignPdf, Signer } from '@signpdf/signpdf';
import { LetterError, problem } from '../diag/index.js';
import { signDetached, signDetachedStamped } from './cms.js';
import type { SigningKey } from './p12.js';
import { timeStamper } from './stamp.js';

/**
 * A @signpdf Signer over an already parsed key. signer-p12 would re-parse the P12 (and so keep the password) and
 * cannot add the ESS signing-certificate-v2 attribute that ETSI.CAdES.detached requires.
 */
class KeySigner extends Signer {
  constructor(
    private readonly key: SigningKey,
    private readonly tsa?: string,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    // PAdES baseline (ETSI EN 319 142-1 §5.2): no signing-time attribute in the CMS; the claimed time is the
    // dictionary's /M, which the placeholder already carries. With a TSA: B-T, a time-stamp over the signature value.
    return this.tsa
      ? signDetachedStamped(pdfBuffer, this.key, {}, timeStamper(this.tsa))
      : signDetached(pdfBuffer, this.key);
  }
}

/**
 * Signs a PDF whose signature dictionary (ByteRange and Contents placeholders, SubFilter ETSI.CAdES.detached) was
 * written by `addSignatureField`. Deterministic: the same PDF and key give the same bytes. The claimed signing time is
 * the placeholder's /M (`SignatureFieldSpec.signingTime`); `opts.signingTime` should be the same instant, and is only
 * handed to @signpdf, whose signer ignores it (see KeySigner).
 */
export async function signPdf(
  pdf: Uint8Array,
  key: SigningKey,
  opts: { signingTime: Date; tsa?: string },
): Promise<Uint8Array> {
  try {
    return new Uint8Array(
      await new SignPdf().sign(Buffer.from(pdf), new KeySigner(key, opts.tsa), opts.signingTime),
    );
  } catch (e) {
    if (e instanceof LetterError) throw e;
    throw new LetterError(
      problem(
        'sign-failed',
        `cannot sign the PDF: ${(e as Error).message}`,
        {},
        'the PDF must be rendered with a signature field (the signing option of the PDF renderer)',
      ),
    );
  }
}
