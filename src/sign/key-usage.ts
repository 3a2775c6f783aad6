/** Whether a certificate may sign documents at all: its key usage, checked when a key is opened and when verifying. */

import { fromDer } from './cms.js';
import { bytesOf, children, isContext, oidOf } from './der.js';

const KEY_USAGE = '2.5.29.15';

/**
 * Why the certificate may not sign documents, or undefined when it may: a key usage extension without
 * digitalSignature and nonRepudiation (RFC 5280 §4.2.1.3) forbids it.
 */
export function keyUsageProblem(certDer: Uint8Array): string | undefined {
  const tbs = children(children(fromDer(certDer))[0]);
  const extensions = children(children(tbs.find((n) => isContext(n, 3)))[0]);
  const usage = extensions.find((ext) => oidOf(children(ext)[0]) === KEY_USAGE);
  if (!usage) return undefined;
  const parts = children(usage);
  // KeyUsage ::= BIT STRING, inside the extension's OCTET STRING; first byte: unused bits; bit 0 = 0x80 of the next.
  const bits = bytesOf(fromDer(bytesOf(parts[parts.length - 1])));
  const first = bits[1] ?? 0;
  if (first & 0x80 || first & 0x40) return undefined;
  return "the certificate's key usage does not allow signing documents (neither digitalSignature nor nonRepudiation)";
}
