/** A local time-stamp authority for tests (test/support/tsa-server.mjs as a child process), and its certificate. */

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { opensslSelfSigned } from './pki.js';

export interface TestTsa {
  /** `http://127.0.0.1:PORT` — append /good, /other-digest, /refuse or /garbage. */
  readonly url: string;
  /** PEM of the TSA's self-signed certificate. */
  readonly certPem: string;
  stop(): void;
}

function config(dir: string, digests: string): string {
  return `[tsa]
default_tsa = tsa_config1
[tsa_config1]
dir = ${dir}
serial = ${dir}/serial
crypto_device = builtin
signer_cert = ${dir}/tsa.pem
certs = ${dir}/tsa.pem
signer_key = ${dir}/tsa.key
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.5
digests = ${digests}
accuracy = secs:1
ordering = yes
tsa_name = no
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;
}

/** Makes the TSA's key and certificate (openssl, extended key usage timeStamping) and starts its server on 127.0.0.1. */
export async function startTestTsa(dir: string): Promise<TestTsa> {
  mkdirSync(dir, { recursive: true });
  const certPem = join(dir, 'tsa.pem');
  opensslSelfSigned(join(dir, 'tsa.key'), certPem, {
    subject: '/CN=Letter Test TSA/O=Letter Tests',
    days: 3650,
    extensions: ['extendedKeyUsage=critical,timeStamping', 'keyUsage=critical,digitalSignature'],
  });
  writeFileSync(join(dir, 'serial'), '01\n');
  writeFileSync(join(dir, 'tsa.cnf'), config(dir, 'sha256, sha384, sha512'));
  // A TSA that accepts only SHA-512 rejects our SHA-256 request: a refusal (PKIStatus 2).
  writeFileSync(join(dir, 'refuse.cnf'), config(dir, 'sha512'));
  const child: ChildProcess = spawn(process.execPath, [join(import.meta.dirname, 'tsa-server.mjs'), dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
  });
  return { url: `http://127.0.0.1:${port}`, certPem, stop: () => void child.kill() };
}
