/** `letter verify` reads only what a build wrote: bounded to the manifest's folder, to regular files, to sizes. */

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readZip } from '../../src/zip/index.js';
import { letterCli, tempDir } from '../support/tools.js';

const SHA = 'a'.repeat(64);

function manifestIn(dir: string, files: unknown): string {
  const path = join(dir, 'manifest.json');
  writeFileSync(path, `${JSON.stringify({ tool: { name: 'letter', version: '0' }, files }, null, 2)}\n`);
  return path;
}

interface VerifyJson {
  ok: boolean;
  reports: { file: string; valid: boolean; problems: string[] }[];
  errors: {
    code: string;
    message: string;
    file: string | null;
    line: number | null;
    column: number | null;
  }[];
}

function verifyJson(args: string[]): { status: number; json: VerifyJson; stderr: string } {
  const r = letterCli(['verify', ...args, '--json']);
  return { status: r.status, json: JSON.parse(r.stdout) as VerifyJson, stderr: r.stderr };
}

describe("letter verify --manifest stays in the manifest's folder", () => {
  it('an entry ../../etc/hostname is refused at its line, unread (exit 2)', () => {
    const dir = tempDir();
    const m = manifestIn(dir, [{ file: '../../etc/hostname', sha256: SHA, bytes: 1, signed: false }]);
    const r = verifyJson(['--manifest', m]);
    expect(r.status).toBe(2);
    expect(r.json.errors[0]).toMatchObject({ code: 'unsafe-path', file: m, line: 8, column: 15 });
    expect(r.json.reports).toEqual([]);
  });

  it('an absolute path, and a link inside the folder to /dev/zero, are refused (exit 2)', () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', join(dir, 'zero.pdf'));
    for (const file of ['/etc/hostname', 'zero.pdf']) {
      const r = verifyJson(['--manifest', manifestIn(dir, [{ file, sha256: SHA, bytes: 1, signed: false }])]);
      expect(r.status, file).toBe(2);
      expect(r.json.errors[0]!.code).toBe('unsafe-path');
    }
  });

  it('a folder where a file is listed is reported, not read (exit 1)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'cn'));
    const r = verifyJson([
      '--manifest',
      manifestIn(dir, [{ file: 'cn', sha256: SHA, bytes: 1, signed: false }]),
    ]);
    expect(r.status).toBe(1);
    expect(r.json.reports[0]!.problems[0]).toMatch(/not a regular file/);
  });

  it('a file of another size than recorded is reported without being hashed', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.pdf'), 'abc');
    const r = verifyJson([
      '--manifest',
      manifestIn(dir, [{ file: 'a.pdf', sha256: SHA, bytes: 99, signed: false }]),
    ]);
    expect(r.status).toBe(1);
    expect(r.json.reports[0]!.problems[0]).toMatch(/3 bytes, the manifest says 99/);
  });

  it('a malformed manifest is a positioned error (exit 2), never an internal error', () => {
    const dir = tempDir();
    const cases: [unknown, RegExp][] = [
      [3, /'files' is not a list/],
      [[{ file: 1, sha256: SHA, signed: false }], /files\[0\]\.file must be a path/],
      [[{ file: 'a.pdf', sha256: 'xyz', signed: false }], /files\[0\]\.sha256/],
      [[null], /files\[0\]\.file/],
    ];
    for (const [files, message] of cases) {
      const r = letterCli(['verify', '--manifest', manifestIn(dir, files)]);
      expect(r.status, String(message)).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|^\s+at /m);
    }
    writeFileSync(join(dir, 'broken.json'), '{"files": [');
    const broken = letterCli(['verify', '--manifest', join(dir, 'broken.json')]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/broken\.json:1:\d+: JSON syntax error/);
  });
});

describe("letter verify FILE reads only regular files of a document's size", () => {
  it('/dev/zero is refused at once (exit 2)', () => {
    const r = letterCli(['verify', '/dev/zero']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a regular file/);
  });
});

describe('a DOCX zip bomb is refused by its declared sizes before anything is inflated', () => {
  it('an entry declaring 4 GiB (central directory) throws instead of allocating it', () => {
    const zip = Buffer.from(zipSync({ 'word/document.xml': new Uint8Array(2048) }));
    const central = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    zip.writeUInt32LE(0xffffffff, central + 24);
    expect(() => readZip(zip)).toThrow(/more than \d+ bytes|compressed more than/);
  });

  it('a highly compressed entry (1000 to 1 and more) is refused', () => {
    const zip = zipSync({ 'word/document.xml': new Uint8Array(16 * 1024 * 1024) });
    expect(zip.length).toBeLessThan(64 * 1024);
    expect(() => readZip(zip)).toThrow(/compressed more than 1000 to 1/);
  });

  it('an ordinary package still reads', () => {
    const zip = zipSync({ 'a.xml': new TextEncoder().encode('<a/>'.repeat(100)) });
    expect([...readZip(zip).keys()]).toEqual(['a.xml']);
  });
});
