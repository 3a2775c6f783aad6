/** Secrets never echoed: a password on the command line, or typed where a path goes, is refused without being printed. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../support/pki.js';
import { letterCli, tempDir } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');
const SECRET = 'hunter2 Sesame-91';

describe('a password given on the command line is refused and never printed', () => {
  it("--p12-password=SECRET: exit 2, on stderr and with --json, and commander's own message has no value", () => {
    for (const json of [false, true]) {
      const r = letterCli(['build', EXAMPLE, `--p12-password=${SECRET}`, ...(json ? ['--json'] : [])]);
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).not.toContain('hunter2');
      expect(r.stdout + r.stderr).not.toContain('Sesame');
      expect(json ? r.stdout : r.stderr).toMatch(/never taken on the command line/);
      expect(json ? r.stdout : r.stderr).toMatch(/LETTER_P12_PASSWORD/);
    }
  });

  it('any unknown --option=value is quoted without its value', () => {
    const r = letterCli(['check', EXAMPLE, `--token=${SECRET}`]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--token=…'/);
    expect(r.stderr).not.toContain('hunter2');
  });

  it("a password where --p12-password-file's path goes is not echoed", () => {
    for (const json of [false, true]) {
      const r = letterCli([
        'build',
        EXAMPLE,
        '--sign',
        '--p12',
        join(EXAMPLE, 'letter.yaml'),
        '--p12-password-file',
        SECRET,
        ...(json ? ['--json'] : []),
      ]);
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).toMatch(/cannot read the file given to --p12-password-file/);
      expect(r.stdout + r.stderr).not.toContain('hunter2');
    }
  });
});

describe('a password typed where --p12 goes', () => {
  it('is refused (exit 2, nothing written) without being printed, on stderr and with --json', () => {
    for (const json of [false, true]) {
      const r = letterCli(
        [
          'build',
          EXAMPLE,
          '--sign',
          '--p12',
          SECRET,
          '--out',
          join(EXAMPLE, 'never-written'),
          ...(json ? ['--json'] : []),
        ],
        {
          env: { ...process.env, LETTER_P12_PASSWORD: 'x' },
        },
      );
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).not.toContain('hunter2');
      expect(r.stdout + r.stderr).not.toContain('Sesame');
      expect(json ? r.stdout : r.stderr).toMatch(/--p12 does not exist/);
    }
  });
});

/** A signed build of the example through the time-stamp authority `tsa`, into a folder not yet made (`out`). */
function buildThroughTsa(pki: TestPki, tsa: string, json: boolean, extra: readonly string[] = []) {
  const out = join(tempDir('letter-tsa-'), 'out');
  const r = letterCli(
    [
      'build',
      EXAMPLE,
      '--sign',
      '--p12',
      pki.p12,
      '--tsa',
      tsa,
      '-o',
      out,
      ...extra,
      ...(json ? ['--json'] : []),
    ],
    { env: { ...process.env, LETTER_P12_PASSWORD: pki.password } },
  );
  return { ...r, out };
}

describe('a --tsa URL with a user name and password in it', () => {
  it('is refused (exit 2, nothing written) naming the host, never the password, on stderr and with --json', () => {
    const pki = makeTestPki(tempDir('letter-tsa-pki-'));
    for (const json of [false, true]) {
      const r = buildThroughTsa(pki, 'https://alice:hunter2@tsa.example/tsr', json);
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).not.toContain('hunter2');
      expect(r.stdout + r.stderr).not.toContain('alice');
      expect(json ? r.stdout : r.stderr).toContain(
        "--tsa 'https://…@tsa.example/tsr' has a user name or password",
      );
      expect(existsSync(r.out)).toBe(false);
    }
  });
});

describe('a --tsa URL with an API key in its query', () => {
  it('names the time-stamp authority it cannot reach without the key, on stderr and with --json', () => {
    const pki = makeTestPki(tempDir('letter-tsa-pki-'));
    for (const json of [false, true]) {
      const r = buildThroughTsa(pki, 'http://127.0.0.1:9/tsr?api_key=K3YS3CR3T&policy=1', json, [
        '--lang',
        'en',
        '--format',
        'pdf',
      ]);
      expect(r.status).toBe(2);
      expect(r.stdout + r.stderr).not.toContain('K3YS3CR3T');
      expect(json ? r.stdout : r.stderr).toContain("'http://127.0.0.1:9/tsr?api_key=…&policy=1'");
    }
  });
});
