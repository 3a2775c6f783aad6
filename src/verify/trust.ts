/** Whom a signature can be traced to: the chain from the signer certificate to an anchor the user trusts, in words. */

import { X509Certificate } from 'node:crypto';

export interface Trust {
  readonly trusted: boolean;
  /** "trusted: chains to …", "not trusted: self-signed", "not trusted: issued by …". */
  readonly verdict: string;
}

const cn = (name: string): string => /(?:^|\n)CN=([^\n]*)/.exec(name)?.[1] ?? name.replace(/\n/g, ', ');

/**
 * Traces the signer certificate through `pool` (the certificates the signature and the file carry) to one of
 * `anchors` (`--trust CA.pem`); without anchors, says that nothing was trusted, and why, naming the issuer.
 */
export function trustOf(
  signerDer: Uint8Array,
  pool: readonly Uint8Array[],
  anchors: readonly X509Certificate[] | undefined,
): Trust {
  const signer = new X509Certificate(signerDer);
  const selfSigned = isSelfSigned(signer);
  if (!anchors) {
    return selfSigned
      ? { trusted: false, verdict: 'not trusted: self-signed (give --trust CERT.pem to trust it)' }
      : {
          trusted: false,
          verdict: `not trusted: issued by ${cn(signer.issuer)} (give --trust CA.pem to check its chain)`,
        };
  }
  const candidates = [...pool.map((der) => new X509Certificate(der)), ...anchors];
  let current = signer;
  for (let depth = 0; depth < 10; depth++) {
    if (anchors.some((a) => a.raw.equals(current.raw)))
      return {
        trusted: true,
        verdict: `trusted: ${depth === 0 ? 'the signer certificate is' : `chains to ${cn(current.subject)}, which is`} in --trust`,
      };
    if (isSelfSigned(current)) break;
    const issuer = candidates.find(
      (c) =>
        !c.raw.equals(current.raw) &&
        current.checkIssued(c) &&
        verifies(current, c) &&
        (c.ca || anchors.includes(c)),
    );
    if (!issuer)
      return {
        trusted: false,
        verdict: `not trusted: the chain stops at ${cn(current.issuer)}, whose certificate is neither in the file nor in --trust`,
      };
    current = issuer;
  }
  return selfSigned
    ? { trusted: false, verdict: 'not trusted: self-signed, and not in --trust' }
    : { trusted: false, verdict: `not trusted: its root ${cn(current.subject)} is not in --trust` };
}

// Not checkIssued(cert): OpenSSL's check also wants keyCertSign, which a self-signed signer certificate rarely has.
function isSelfSigned(cert: X509Certificate): boolean {
  return cert.subject === cert.issuer && verifies(cert, cert);
}

function verifies(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

/** The certificates of a PEM file (several may follow each other). */
export function certificatesFromPem(text: string): X509Certificate[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => new X509Certificate(block));
}
