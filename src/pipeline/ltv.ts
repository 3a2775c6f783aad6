/** `--ltv`: the validation data (chain, CRLs, OCSP responses) each signed PDF's DSS gets, checked before anything is written. */

import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LetterError, problem, shown, type Diagnostic } from '../diag/index.js';

/**
 * The DSS material of `--ltv`: the signer's chain and the files given, sorted by content, plus an OCSP response from
 * the responder the certificate names (AIA) when no file answers for it and the network is there (else a warning).
 * Refused (exit 2): a file that is none of them, --ltv without --tsa, and a CRL or OCSP response saying the signing
 * certificate is revoked.
 */
export async function validationData(
  files: readonly string[],
  key: { certificate: Uint8Array; chain: readonly Uint8Array[] },
  tsa: string | undefined,
) {
  if (!tsa)
    throw new LetterError(
      problem(
        'usage',
        '--ltv needs --tsa: long-term validation (PAdES B-LT) builds on a time-stamped signature',
        {},
        'add --tsa URL',
      ),
    );
  const { classifyValidationFile, fetchOcspResponse, ocspAnswerFor, ocspUrls, revocationOf } = await import(
    '../sign/index.js'
  );
  const data = {
    certificates: [key.certificate, ...key.chain],
    crls: [] as Uint8Array[],
    ocsps: [] as Uint8Array[],
  };
  for (const file of files) {
    let items;
    try {
      items = classifyValidationFile(readFileSync(file));
    } catch (e) {
      throw new LetterError(
        problem(
          'usage',
          `--ltv '${shown(file)}': ${(e as NodeJS.ErrnoException).code ? 'cannot read it' : (e as Error).message}`,
          { file, value: file },
          'give certificates (.pem/.crt), CRLs (.crl) and OCSP responses (.der), PEM or DER',
        ),
      );
    }
    for (const { kind, der } of items) data[kind].push(der);
  }
  let warning: Diagnostic | undefined;
  const issuer = data.certificates.find(
    (der) => new X509Certificate(der).subject === new X509Certificate(key.certificate).issuer,
  );
  if (
    issuer &&
    ocspUrls(key.certificate).length &&
    !ocspAnswerFor(key.certificate, data.certificates, data.ocsps)
  ) {
    try {
      data.ocsps.push(await fetchOcspResponse(key.certificate, issuer, data.certificates));
    } catch (e) {
      warning = {
        code: 'sign-failed',
        severity: 'warning',
        message: `--ltv: the DSS has no OCSP response for the signing certificate: ${(e as Error).message}`,
        hint: 'give the OCSP response as a file: --ltv resp.der (openssl ocsp -respout resp.der)',
      };
    }
  }
  const revoked = revocationOf(key.certificate, data.certificates, data.crls, data.ocsps);
  if (revoked) {
    const what = revoked.source === 'OCSP' ? 'an OCSP response' : 'a CRL';
    throw new LetterError(
      problem(
        'p12',
        `the signing certificate was revoked on ${revoked.revokedAt} (${what} by ${revoked.by} says so)`,
        {},
        'sign with a certificate that is not revoked',
      ),
    );
  }
  return { data, ...(warning ? { warning } : {}) };
}
