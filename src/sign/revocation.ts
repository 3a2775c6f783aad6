/** Revocation from CRLs (RFC 5280 §5) and OCSP responses (RFC 6960): is a certificate revoked by its issuer, since when. */

import { verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { fromDer, toDer } from './cms.js';
import { asn1TimeToIso, bytesOf, children, isUniversal, oidOf } from './der.js';
import { ocspAnswerFor } from './ocsp.js';

export interface Revocation {
  /** ISO 8601 revocation date. */
  readonly revokedAt: string;
  /** The CRL's issuer or the OCSP responder, as its common name. */
  readonly by: string;
  /** What said so. */
  readonly source: 'CRL' | 'OCSP';
}

const HASH_OF_SIGNATURE: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.113549.1.1.5': 'sha1',
};

/**
 * The revocation of `certDer` on any of `crls` signed by its issuer (found among `pool`), or in any of `ocsps` signed
 * by the issuer or its OCSP responder; undefined when none says so. CRLs and responses whose signature does not verify
 * are ignored: anyone could have written them.
 */
export function revocationOf(
  certDer: Uint8Array,
  pool: readonly Uint8Array[],
  crls: readonly Uint8Array[],
  ocsps: readonly Uint8Array[] = [],
): Revocation | undefined {
  const ocsp = ocsps.length ? ocspAnswerFor(certDer, pool, ocsps) : undefined;
  if (ocsp?.status === 'revoked') return { revokedAt: ocsp.revokedAt!, by: ocsp.by, source: 'OCSP' };
  return crlRevocation(certDer, pool, crls);
}

function crlRevocation(
  certDer: Uint8Array,
  pool: readonly Uint8Array[],
  crls: readonly Uint8Array[],
): Revocation | undefined {
  const cert = new X509Certificate(certDer);
  const issuer = pool
    .map((der) => new X509Certificate(der))
    .find((c) => c.subject === cert.issuer && cert.verify(c.publicKey));
  if (!issuer) return undefined;
  const serial = BigInt(`0x${cert.serialNumber}`);
  for (const crl of crls) {
    try {
      const [tbs, algorithm, signature] = children(fromDer(crl));
      const hash = HASH_OF_SIGNATURE[oidOf(children(algorithm)[0])];
      // BIT STRING: the first byte counts unused bits (0 for a signature).
      if (!hash || !verifySignature(hash, toDer(tbs!), issuer.publicKey, bytesOf(signature).subarray(1)))
        continue;
      const fields = children(tbs);
      const at = isUniversal(fields[0], forge.asn1.Type.INTEGER) ? 1 : 0;
      // version?, signature, issuer, thisUpdate, nextUpdate?, revokedCertificates?, [0] extensions?
      const revoked = fields.slice(at + 3).find((n) => isUniversal(n, forge.asn1.Type.SEQUENCE));
      for (const entry of children(revoked)) {
        const [number, date] = children(entry);
        if (BigInt(`0x${bytesOf(number).toString('hex') || '0'}`) === serial) {
          return {
            revokedAt: asn1TimeToIso(date) ?? 'an unreadable date',
            by: /(?:^|\n)CN=([^\n]*)/.exec(issuer.subject)?.[1] ?? issuer.subject,
            source: 'CRL',
          };
        }
      }
    } catch {
      // A CRL that cannot be read says nothing.
    }
  }
  return undefined;
}
