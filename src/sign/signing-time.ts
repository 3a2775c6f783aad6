/** The time a signature claims, and the one rule signer and verifier share: it lies within the certificate's validity. */

import { X509Certificate } from 'node:crypto';
import { LetterError, type Diagnostic } from '../diag/index.js';

/** When a certificate may sign: its notBefore and notAfter. */
export interface Validity {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** The instant a build's signatures claim, and why it differs from the build instant when it does. */
export interface SigningTime {
  readonly at: Date;
  /** Set when the build instant came before the certificate existed and the signatures claim its notBefore instead. */
  readonly warning?: Diagnostic;
}

const iso = (date: Date): string => date.toISOString().replace('.000Z', 'Z');

const CHOOSE =
  'set SOURCE_DATE_EPOCH to the signing time you want, as a Unix time (e.g. SOURCE_DATE_EPOCH=$(date +%s) for now)';

/**
 * The signing time for a build whose instant (SOURCE_DATE_EPOCH, else the moment of the build) is `instant`: that instant
 * when the certificate was valid then; its notBefore when the instant came earlier (still deterministic, since the
 * certificate is an input), with a warning; a LetterError ('p12', exit 2) when the certificate had expired by then.
 * `file` is the PKCS#12 the certificate came from, named in the diagnostics.
 */
export function signingTimeFor(instant: Date, validity: Validity, file?: string): SigningTime {
  const where = file ? { file } : {};
  if (instant.getTime() > validity.notAfter.getTime()) {
    throw new LetterError({
      code: 'p12',
      severity: 'error',
      message: `the certificate expired on ${iso(validity.notAfter)}, before the signing time ${iso(instant)} (SOURCE_DATE_EPOCH, else the moment of the build)`,
      ...where,
      hint: `set SOURCE_DATE_EPOCH to a Unix time within its validity (${iso(validity.notBefore)} to ${iso(validity.notAfter)}), or renew the certificate`,
    });
  }
  if (instant.getTime() >= validity.notBefore.getTime()) return { at: instant };
  return {
    at: validity.notBefore,
    warning: {
      code: 'p12',
      severity: 'warning',
      message:
        `the signing instant ${iso(instant)} (SOURCE_DATE_EPOCH, else the moment of the build) is before the certificate is valid; ` +
        `the signatures claim ${iso(validity.notBefore)}, when its validity starts`,
      ...where,
      hint: CHOOSE,
    },
  };
}

/**
 * A warning when the certificate has expired by `now` (today, never written into a file) though the signing time lies
 * within its validity: the signatures are sound, but they claim a past time that nothing attests, and a verifier that
 * checks at the current time rejects them.
 */
export function expiryWarning(validity: Validity, now: Date, file?: string): Diagnostic | undefined {
  if (now.getTime() <= validity.notAfter.getTime()) return undefined;
  return {
    code: 'p12',
    severity: 'warning',
    message: `the certificate expired on ${iso(validity.notAfter)}; the signatures claim an earlier time, which nothing attests`,
    ...(file ? { file } : {}),
    hint: 'renew the certificate and sign again',
  };
}

/** A certificate's validity as Node parses it. */
export function validityOf(cert: X509Certificate): Validity {
  return { notBefore: new Date(cert.validFrom), notAfter: new Date(cert.validTo) };
}

/**
 * What is wrong with a claimed signing time (ISO 8601), or undefined when it lies within the validity. The same rule
 * for a PDF's /M, a DOCX's SignatureTime and a CMS signing-time attribute.
 */
export function signingTimeProblem(claimed: string, validity: Validity): string | undefined {
  const at = Date.parse(claimed);
  if (Number.isNaN(at)) return `the signing time '${claimed}' cannot be read`;
  if (at < validity.notBefore.getTime() || at > validity.notAfter.getTime()) {
    return `the signing time ${claimed} is outside the certificate's validity (${iso(validity.notBefore)} to ${iso(validity.notAfter)})`;
  }
  return undefined;
}
