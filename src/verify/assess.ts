/** One signature as `letter verify` describes it: level, claimed and time-stamped time, integrity, trust. */

import { X509Certificate } from 'node:crypto';
import {
  checkToken,
  commonName,
  keyUsageProblem,
  revocationOf,
  signatureDigest,
  type ValidationData,
} from '../sign/index.js';
import type { CmsCheck } from './cms.js';
import { trustOf } from './trust.js';

/** PAdES/CAdES/XAdES baseline levels (ETSI EN 319 142-1, 319 122-1, 319 132-1). */
export type SignatureLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

export interface SignatureReport {
  /** PAdES in a PDF; XAdES for a DOCX's package signature; CAdES for a detached .p7s. */
  readonly form: 'PAdES' | 'XAdES' | 'CAdES';
  readonly level: SignatureLevel;
  readonly signer?: string;
  readonly issuer?: string;
  /** ISO 8601: the time the signature claims (PDF /M, DOCX SignatureTime, CMS signing-time); nothing attests it. */
  readonly claimedTime?: string;
  /** The RFC 3161 time-stamp over the signature value: when it existed at the latest, attested by a TSA. */
  readonly timestamp?: { readonly time: string; readonly authority: string; readonly trusted: boolean };
  /** PAdES B-LTA: the document time-stamp over the signature and its validation data. */
  readonly archiveTimestamp?: {
    readonly time: string;
    readonly authority: string;
    readonly trusted: boolean;
  };
  /** The signed bytes are unchanged and the signature value verifies with the signer's key. */
  readonly intact: boolean;
  /** The signer certificate chains to a certificate given with --trust. */
  readonly trusted: boolean;
  /** The trust verdict in words: "trusted: …", "not trusted: self-signed", "not trusted: issued by …". */
  readonly trust: string;
  /** When a CRL or an OCSP response in the file says the signer certificate is revoked. */
  readonly revoked?: { readonly revokedAt: string; readonly by: string; readonly source: 'CRL' | 'OCSP' };
  readonly problems: readonly string[];
}

export interface VerifyOptions {
  /** Certificates the user trusts (`--trust CA.pem`); without them, no signature is called trusted. */
  readonly trust?: readonly X509Certificate[];
}

export interface SignatureFacts {
  readonly form: SignatureReport['form'];
  /** Digest and signature value verified. */
  readonly intact: boolean;
  readonly signerCertificate?: Uint8Array;
  /** Certificates the signature and the file carry, for the chain. */
  readonly certificates: readonly Uint8Array[];
  readonly claimedTime?: string;
  /** The signature time-stamp token, and the digest it must cover (of the signature value). */
  readonly timeStampToken?: Uint8Array;
  readonly stampedDigest?: Uint8Array;
  /** PAdES B-LT: the chain and revocation data of the file's DSS. */
  readonly validation?: ValidationData;
  /** Problems already found (integrity, claimed time); each makes the signature invalid. */
  readonly problems: readonly string[];
}

// The claimed time is set before the TSA is asked; a claim later than the time-stamp, beyond clock skew, is false.
const SKEW_MS = 5 * 60 * 1000;

export function assessSignature(facts: SignatureFacts, opts: VerifyOptions): SignatureReport {
  const problems = [...facts.problems];
  let timestamp: SignatureReport['timestamp'];
  if (facts.timeStampToken) {
    const check = checkToken(facts.timeStampToken, facts.stampedDigest ?? Buffer.alloc(0));
    if (!check.ok) problems.push(`the signature time-stamp is not valid: ${check.problem}`);
    else {
      const tsaTrust = trustOf(check.stamp.tsaCertificate, check.stamp.certificates, opts.trust);
      timestamp = { time: check.stamp.time, authority: check.stamp.authority, trusted: tsaTrust.trusted };
      if (opts.trust && !tsaTrust.trusted)
        problems.push(`the time-stamp authority ${check.stamp.authority} is ${tsaTrust.verdict}`);
      if (facts.claimedTime && Date.parse(facts.claimedTime) > Date.parse(check.stamp.time) + SKEW_MS) {
        problems.push(`the signature claims ${facts.claimedTime}, after its time-stamp ${check.stamp.time}`);
      }
    }
  }
  if (!facts.signerCertificate) {
    return {
      form: facts.form,
      level: 'B-B',
      intact: false,
      trusted: false,
      trust: 'not trusted: no signer certificate',
      problems,
    };
  }
  const cert = new X509Certificate(facts.signerCertificate);
  const usage = keyUsageProblem(facts.signerCertificate);
  if (usage) problems.push(usage);
  const pool = [...facts.certificates, ...(facts.validation?.certificates ?? [])];
  const trust = trustOf(facts.signerCertificate, pool, opts.trust);
  const revoked = facts.validation
    ? revocationOf(facts.signerCertificate, pool, facts.validation.crls, facts.validation.ocsps)
    : undefined;
  // Revoked after a time-stamp proves the signature existed: still good (that is what B-LT is for). Otherwise not.
  if (revoked && !(timestamp && Date.parse(timestamp.time) < Date.parse(revoked.revokedAt))) {
    problems.push(
      `the signer certificate was revoked on ${revoked.revokedAt} (${revoked.source === 'OCSP' ? 'OCSP response' : 'CRL'} by ${revoked.by} in the file)${timestamp ? `, before the time-stamp ${timestamp.time}` : ', and no time-stamp proves the signature is older'}`,
    );
  }
  const longTerm =
    timestamp && facts.validation && (facts.validation.crls.length > 0 || facts.validation.ocsps.length > 0);
  if (opts.trust && !trust.trusted) problems.push(trust.verdict);
  return {
    form: facts.form,
    level: longTerm ? 'B-LT' : timestamp ? 'B-T' : 'B-B',
    signer: commonName(cert),
    issuer: /(?:^|\n)CN=([^\n]*)/.exec(cert.issuer)?.[1] ?? cert.issuer.replace(/\n/g, ', '),
    ...(facts.claimedTime ? { claimedTime: facts.claimedTime } : {}),
    ...(timestamp ? { timestamp } : {}),
    intact: facts.intact,
    trusted: trust.trusted,
    trust: trust.verdict,
    ...(revoked ? { revoked } : {}),
    problems,
  };
}

/**
 * A CMS signature (a PDF's /Contents, a DOCX's .p7s) as verifyDetached checked it, assessed: its time-stamp token
 * must cover the digest of its signature value. `claimedTime` and `validation` come from where the CMS lives.
 */
export function assessCms(
  form: SignatureFacts['form'],
  check: CmsCheck,
  opts: VerifyOptions,
  where: Pick<SignatureFacts, 'claimedTime' | 'validation'> = {},
): SignatureReport {
  return assessSignature(
    {
      form,
      intact: check.intact ?? false,
      certificates: check.certificates ?? [],
      problems: check.problems,
      ...(check.signerCertificate ? { signerCertificate: check.signerCertificate } : {}),
      ...(where.claimedTime ? { claimedTime: where.claimedTime } : {}),
      ...(check.timeStampToken
        ? {
            timeStampToken: check.timeStampToken,
            stampedDigest: signatureDigest(check.signatureValue ?? Buffer.alloc(0)),
          }
        : {}),
      ...(where.validation ? { validation: where.validation } : {}),
    },
    opts,
  );
}
