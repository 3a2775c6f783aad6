/** A batch of 12 recipients × en, ko, zh × PDF, DOCX through the built CLI: 72 files, the same bytes twice, and shards. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { letterCli, pdfText, tempDir, toolAvailable } from '../support/tools.js';
import {
  ALL_FILES,
  buildCli,
  documentHashes,
  FIXTURE,
  filesUnder,
  readManifest,
  RECIPIENTS,
  SLUG,
} from './helpers.js';

const single = tempDir('letter-batch-single-');
const again = tempDir('letter-batch-again-');
const shards = [1, 2, 3].map((k) => tempDir(`letter-batch-shard${k}-`));
let first: ReturnType<typeof buildCli>;
let second: ReturnType<typeof buildCli>;
let shardRuns: ReturnType<typeof buildCli>[];

beforeAll(() => {
  // The first build renders on the worker pool (two threads); the second in the main thread (-j 1).
  first = buildCli(FIXTURE, single, ['--json', '-j', '2']);
  second = buildCli(FIXTURE, again, ['--quiet', '-j', '1']);
  shardRuns = shards.map((out, i) => buildCli(FIXTURE, out, ['--quiet', '--shard', `${i + 1}/3`, '-j', '2']));
});

describe('a batch of 12 recipients × 3 languages × 2 formats', () => {
  it('writes the 72 documents and the manifest, exit 0', () => {
    expect(first.stderr).not.toMatch(/error/i);
    expect(first.status).toBe(0);
    const report = JSON.parse(first.stdout) as {
      ok: boolean;
      outputs: { file: string }[];
      errors: unknown[];
      problems: unknown[];
    };
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.problems).toEqual([]);
    expect(report.outputs.map((o) => o.file).sort()).toEqual(ALL_FILES);
    // Nothing else: no temporary left behind, no stray file.
    expect(filesUnder(single)).toEqual([...ALL_FILES, 'manifest.json'].sort());
  });

  it('records every file in the manifest with its real size and sha256', () => {
    const manifest = readManifest(single);
    const hashes = documentHashes(single);
    expect(manifest.files.map((f) => f.file)).toEqual(ALL_FILES);
    expect(manifest.problems).toEqual([]);
    expect(manifest.shard).toBeUndefined();
    for (const entry of manifest.files) {
      expect(entry.sha256, entry.file).toBe(hashes[entry.file]);
      expect(entry.bytes, entry.file).toBe(readFileSync(join(single, entry.file)).length);
      expect(entry.signed).toBe(false);
      if (entry.format === 'pdf') expect(entry.pages, entry.file).toBeGreaterThanOrEqual(1);
      // A DOCX counts the pages of the same letter as letter lays it out: its PDF's.
      else
        expect(entry.pages, entry.file).toBe(
          manifest.files.find((f) => f.file === entry.file.replace(/\.docx$/, '.pdf'))?.pages,
        );
    }
    expect(letterCli(['verify', '--manifest', join(single, 'manifest.json')]).status).toBe(0);
  });

  it('addresses each document to its own recipient, in its own language', () => {
    if (!toolAvailable('pdftotext')) return;
    const en = (id: string) => pdfText(join(single, id, `${SLUG}.en.pdf`));
    expect(en('fr')).toContain('President of the French Republic');
    expect(en('un')).toContain('Secretary-General of the United Nations');
    expect(pdfText(join(single, 'th', `${SLUG}.zh.pdf`))).toContain('国王陛下');
    expect(pdfText(join(single, 'va', `${SLUG}.ko.pdf`))).toContain('교황');
    // Twelve recipients, twelve different address blocks (the line under the English date line).
    const addressed = RECIPIENTS.map((id) => {
      const lines = en(id).split('\n');
      return lines[lines.findIndex((line) => line.includes('December 10, 2023')) + 1];
    });
    expect(new Set(addressed).size).toBe(RECIPIENTS.length);
  });

  it('gives the same sha256 for every file on a second build (in one thread instead of the pool)', () => {
    expect(second.status).toBe(0);
    expect(documentHashes(again)).toEqual(documentHashes(single));
    expect(readFileSync(join(again, 'manifest.json'), 'utf8')).toBe(
      readFileSync(join(single, 'manifest.json'), 'utf8'),
    );
  });
});

describe('--shard K/3', () => {
  it('splits the job list into three disjoint parts that cover it: no document is built twice', () => {
    for (const run of shardRuns) expect(run.status, run.stderr).toBe(0);
    const built = shards.map((out) => filesUnder(out).filter((f) => f !== 'manifest.json'));
    for (const [i, files] of built.entries()) {
      expect(files.length, `shard ${i + 1}`).toBe(24);
      expect(readManifest(shards[i]!).files.map((f) => f.file)).toEqual(files);
      // Each shard names the whole list it is part of, the same for all three (a merge refuses shards of other lists).
      expect(readManifest(shards[i]!).shard).toEqual({
        k: i + 1,
        n: 3,
        of: readManifest(shards[0]!).shard!.of,
      });
      expect(readManifest(shards[i]!).shard!.of.documents).toBe(ALL_FILES.length);
    }
    const all = built.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(ALL_FILES);
    // A shard's documents are the single run's documents, byte for byte.
    const whole = documentHashes(single);
    for (const out of shards)
      for (const [file, hash] of Object.entries(documentHashes(out))) expect(hash, file).toBe(whole[file]);
  });

  it("merges into exactly the single run's manifest, byte for byte", () => {
    const merged = tempDir('letter-batch-merged-');
    const manifests = shards.map((out) => join(out, 'manifest.json'));
    const r = letterCli([
      'manifest',
      'merge',
      ...[...manifests].reverse(),
      '-o',
      join(merged, 'manifest.json'),
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(merged, 'manifest.json'), 'utf8')).toBe(
      readFileSync(join(single, 'manifest.json'), 'utf8'),
    );
    // stdout gives the same text.
    expect(letterCli(['manifest', 'merge', ...manifests]).stdout).toBe(
      readFileSync(join(single, 'manifest.json'), 'utf8'),
    );
  });

  it('refuses to merge a missing or repeated shard', () => {
    const [one, two] = shards.map((out) => join(out, 'manifest.json'));
    const missing = letterCli(['manifest', 'merge', one!, two!]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('3/3 missing');
    const twice = letterCli(['manifest', 'merge', one!, one!, two!]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toContain('both shard 1/3');
  });
});
