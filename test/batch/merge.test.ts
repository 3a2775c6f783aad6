/** `letter manifest merge` joins only the shards of one job list: shards of other command lines are refused, exit 2. */

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/index.js';
import { letterCli, tempDir } from '../support/tools.js';
import { buildCli, FIXTURE, readManifest, SLUG } from './helpers.js';

// Two recipients, PDFs only: the job lists stay short, and the shards that are merged need no CJK font.
const TO = ['--to', 'fr,de', '-f', 'pdf', '--quiet'];
const enZh = [1, 2].map((k) => tempDir(`letter-merge-en-zh-${k}-`));
const ko2 = tempDir('letter-merge-ko-2-');
const manifestOf = (out: string) => join(out, 'manifest.json');

beforeAll(() => {
  for (const [i, out] of enZh.entries()) {
    const r = buildCli(FIXTURE, out, ['-l', 'en,zh', ...TO, '--shard', `${i + 1}/2`]);
    if (r.status !== 0) throw new Error(r.stderr);
  }
  const r = buildCli(FIXTURE, ko2, ['-l', 'ko', ...TO, '--shard', '2/2']);
  if (r.status !== 0) throw new Error(r.stderr);
});

describe('letter manifest merge and the job list a shard is part of', () => {
  it("a shard's manifest records the whole job list it was split from: its length and digest", () => {
    const [one, two] = enZh.map(readManifest) as [Manifest, Manifest];
    expect(one.shard).toMatchObject({ k: 1, n: 2, of: { documents: 4 } });
    expect(one.shard?.of.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(two.shard?.of).toEqual(one.shard?.of);
    // Shard 2/2 of `-l ko` is another list (two documents), though its inputs and slug are the same.
    const ko = readManifest(ko2);
    expect(ko.inputs).toBe(one.inputs);
    expect(ko.shard).toMatchObject({ k: 2, n: 2, of: { documents: 2 } });
    expect(ko.shard?.of.sha256).not.toBe(one.shard?.of.sha256);
  });

  it('refuses shards of different job lists, exit 2, naming both files, and writes nothing', () => {
    // 1/2 of `-l en,zh` is the English letters; 2/2 of `-l ko` is de's Korean letter: disjoint, and "1/2 + 2/2" looks
    // complete, while both Chinese letters and fr's Korean letter are missing.
    const out = join(tempDir('letter-merge-mixed-'), 'manifest.json');
    const r = letterCli(['manifest', 'merge', manifestOf(enZh[0]!), manifestOf(ko2), '-o', out]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('different job lists');
    expect(r.stderr).toContain(manifestOf(enZh[0]!));
    expect(r.stderr).toContain(manifestOf(ko2));
    expect(r.stdout).toBe('');
    expect(() => readFileSync(out)).toThrow();
  });

  it("merges the shards of one job list into the manifest without the shard's record", () => {
    const r = letterCli(['manifest', 'merge', ...enZh.map(manifestOf)]);
    expect(r.status, r.stderr).toBe(0);
    const merged = JSON.parse(r.stdout) as Manifest;
    expect(merged.shard).toBeUndefined();
    expect(merged.files.map((f) => f.file)).toEqual(
      ['de', 'fr'].flatMap((id) => ['en', 'zh'].map((lang) => `${id}/${SLUG}.${lang}.pdf`)),
    );
  });

  it('refuses a shard that does not record its job list, and one whose documents do not add up to it', () => {
    const dir = tempDir('letter-merge-edited-');
    const [one, two] = enZh.map(readManifest) as [Manifest, Manifest];
    const write = (name: string, manifest: unknown) => {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify(manifest));
      return file;
    };
    const { of: _of, ...bare } = two.shard!;
    const old = letterCli([
      'manifest',
      'merge',
      manifestOf(enZh[0]!),
      write('old.json', { ...two, shard: bare }),
    ]);
    expect(old.status).toBe(2);
    expect(old.stderr).toContain('old.json does not record which job list');
    const cut = letterCli([
      'manifest',
      'merge',
      write('cut.json', { ...one, files: one.files.slice(1) }),
      manifestOf(enZh[1]!),
    ]);
    expect(cut.status).toBe(2);
    expect(cut.stderr).toContain('the shards list 3 documents, but the job list they were split from has 4');
  });
});

describe('letter manifest merge and an edited entry', () => {
  it.each([
    [
      'a file outside the output folder',
      { file: '../../../etc/passwd' },
      /files\[0\]\.file "\.\.\/\.\.\/\.\.\/etc\/passwd" is not a file of a build's output folder/,
    ],
    ['an absolute path', { file: '/etc/passwd' }, /files\[0\]\.file "\/etc\/passwd"/],
    ['a page count as text', { pages: 'three' }, /files\[0\]\.pages must be a whole number or null/],
    ['a digest that is not one', { sha256: 'abc' }, /files\[0\]\.sha256 must be 64 hexadecimal digits/],
  ])('%s is refused (exit 2), naming the manifest and the entry, nothing merged', (_, change, message) => {
    const [one] = enZh.map(readManifest) as [Manifest, Manifest];
    const edited = join(tempDir('letter-merge-entry-'), 'manifest.json');
    writeFileSync(
      edited,
      JSON.stringify({ ...one, files: [{ ...one.files[0]!, ...change }, ...one.files.slice(1)] }),
    );
    const r = letterCli(['manifest', 'merge', edited, manifestOf(enZh[1]!)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${edited}: files[0]`);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('letter manifest merge -o', () => {
  it('a folder given to -o is a usage error (exit 2, no trace), and the folder is left as it was', () => {
    // It was an internal error: EISDIR with a stack trace, exit 1.
    const folder = tempDir('letter-merge-out-folder-');
    const r = letterCli(['manifest', 'merge', ...enZh.map(manifestOf), '-o', folder]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).toContain(`'${folder}' is a folder`);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('writes the file under its name only when complete, creating its folder', () => {
    const out = join(tempDir('letter-merge-out-'), 'new', 'merged.json');
    const r = letterCli(['manifest', 'merge', ...enZh.map(manifestOf), '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(out, '..'))).toEqual(['merged.json']);
    expect((JSON.parse(readFileSync(out, 'utf8')) as Manifest).files).toHaveLength(4);
  });
});
