/** OCSP for tests: responses made by `openssl ocsp` from the test CA's index, as files or from a local responder. */

import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestPki } from './pki.js';

/** An `openssl ca` database in which the signer certificate is valid, or revoked (keyCompromise). */
function caIndex(pki: TestPki, revoked: boolean): string {
  const caDir = join(pki.dir, `ocsp-${revoked ? 'revoked' : 'good'}`);
  mkdirSync(caDir, { recursive: true });
  writeFileSync(join(caDir, 'index.txt'), '');
  const cnf = join(caDir, 'ca.cnf');
  writeFileSync(
    cnf,
    `[ca]\ndefault_ca = ca1\n[ca1]\ndatabase = ${caDir}/index.txt\ncertificate = ${pki.caPem}\nprivate_key = ${join(pki.dir, 'ca.key')}\ndefault_md = sha256\n`,
  );
  const signer = join(pki.dir, 'signer.pem');
  if (revoked)
    execFileSync('openssl', ['ca', '-config', cnf, '-revoke', signer, '-crl_reason', 'keyCompromise'], {
      stdio: 'ignore',
    });
  else execFileSync('openssl', ['ca', '-config', cnf, '-valid', signer], { stdio: 'ignore' });
  return join(caDir, 'index.txt');
}

/** `openssl ocsp` answering from `index` as the CA, with responses valid for 30 days: for a file or a server alike. */
function responder(pki: TestPki, index: string): string[] {
  const key = join(pki.dir, 'ca.key');
  return ['ocsp', '-index', index, '-CA', pki.caPem, '-rsigner', pki.caPem, '-rkey', key, '-ndays', '30'];
}

/** A DER OCSP response about the signer certificate, signed by the CA (`openssl ocsp -respout`). */
export function makeTestOcspResponse(pki: TestPki, revoked: boolean): string {
  const index = caIndex(pki, revoked);
  const request = join(pki.dir, `ocsp-${revoked}.req`);
  const response = join(pki.dir, revoked ? 'revoked.ocsp.der' : 'good.ocsp.der');
  execFileSync(
    'openssl',
    ['ocsp', '-issuer', pki.caPem, '-cert', join(pki.dir, 'signer.pem'), '-no_nonce', '-reqout', request],
    { stdio: 'ignore' },
  );
  execFileSync('openssl', [...responder(pki, index), '-reqin', request, '-respout', response], {
    stdio: 'ignore',
  });
  return response;
}

/** A free port on 127.0.0.1, for a certificate that must name its responder's URL before the responder starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `openssl ocsp` serving the CA's index on `port` (the one the signer certificate's AIA names); stop() ends it. */
export async function startTestOcspResponder(
  pki: TestPki,
  port: number,
  revoked: boolean,
): Promise<{ stop(): void }> {
  const index = caIndex(pki, revoked);
  const child = spawn('openssl', [...responder(pki, index), '-port', String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    const ready = (d: Buffer) => d.toString().includes('ACCEPT') && resolve();
    child.stdout.on('data', ready);
    child.stderr.on('data', ready);
  });
  return { stop: () => void child.kill() };
}
