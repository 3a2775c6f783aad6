// A local RFC 3161 time-stamp authority for tests: `openssl ts -reply` behind an HTTP server on 127.0.0.1.
// Usage: node tsa-server.mjs DIR (DIR holds tsa.cnf, tsa.key, tsa.pem). Prints the port, serves until killed.
// The path chooses the behaviour: /good answers the request; /other-digest answers a request for other data;
// /refuse answers with a rejection status; /garbage answers bytes that are no reply.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

const dir = process.argv[2];
let n = 0;
const server = createServer((req, res) => {
  const chunks = [];
  let size = 0;
  req.on('data', (c) => {
    size += c.length;
    if (size > 64 * 1024) req.destroy();
    else chunks.push(c);
  });
  req.on('end', () => {
    try {
      n += 1;
      const query = join(dir, `q${n}.tsq`);
      const reply = join(dir, `r${n}.tsr`);
      if (req.url === '/garbage') return send(res, Buffer.from('not a time-stamp reply'));
      if (req.url === '/other-digest') {
        const other = join(dir, `other${n}`);
        writeFileSync(other, randomBytes(32));
        execFileSync('openssl', ['ts', '-query', '-data', other, '-sha256', '-cert', '-out', query]);
      } else writeFileSync(query, Buffer.concat(chunks));
      const cfg = join(dir, req.url === '/refuse' ? 'refuse.cnf' : 'tsa.cnf');
      execFileSync('openssl', ['ts', '-reply', '-config', cfg, '-queryfile', query, '-out', reply], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      send(res, readFileSync(reply));
    } catch (e) {
      res.writeHead(500);
      res.end(String(e));
    }
  });
});

function send(res, body) {
  res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
  res.end(body);
}

server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
// Bounded: a test that forgets to stop it does not leave it running.
setTimeout(() => process.exit(0), 10 * 60 * 1000).unref();
