/**
 * A batch stopped midway by SIGINT or SIGKILL leaves only whole files under output names and no manifest (not even the
 * previous build's), and the rerun completes; a build refused for bad input leaves OUT as it was, manifest included.
 */

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterCli, tempDir } from '../support/tools.js';
import {
  buildCli,
  copyFixture,
  documentHashes,
  FIXTURE,
  filesUnder,
  isWholeDocument,
  readManifest,
  ROOT,
  SLUG,
} from './helpers.js';

// PDFs only: 36 documents are enough to stop a build in the middle and cheap enough to rerun.
const ARGS = ['-f', 'pdf', '-j', '2'];
const PDFS = 36;

/** Starts `letter build`, waits for `after` documents to be written, sends `signal`, and resolves with how it ended. */
function buildAndStop(
  out: string,
  signal: NodeJS.Signals,
  after: number,
  dir = FIXTURE,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'letter.js'), 'build', dir, '--out', out, ...ARGS],
      {
        env: { ...process.env, TZ: 'UTC', SOURCE_DATE_EPOCH: '' },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    let sent = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      // Not a TTY, so the CLI prints one line per finished document.
      if (!sent && (stderr.match(/\] written /g) ?? []).length >= after) {
        sent = true;
        child.kill(signal);
      }
    });
    child.on('error', reject);
    child.on('close', (code, sig) => resolve({ code, signal: sig, stderr }));
  });
}

/** Every file under an output name is a whole document, and no temporary is left. */
function expectOnlyWholeFiles(out: string): string[] {
  const files = filesUnder(out);
  for (const file of files) {
    expect(file.split('/').pop()!.startsWith('.'), `temporary left behind: ${file}`).toBe(false);
    expect(isWholeDocument(join(out, file)), `partial file: ${file}`).toBe(true);
  }
  return files;
}

function expectRerunCompletes(out: string, dir = FIXTURE): void {
  const rerun = buildCli(dir, out, ['--quiet', ...ARGS]);
  expect(rerun.status, rerun.stderr).toBe(0);
  const files = expectOnlyWholeFiles(out);
  expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(PDFS);
  expect(files).toContain('manifest.json');
  expect(readManifest(out).files).toHaveLength(PDFS);
  const verified = letterCli(['verify', '--manifest', join(out, 'manifest.json')]);
  expect(verified.status, verified.stdout + verified.stderr).toBe(0);
}

/** A private copy of the fixture whose English text says something else: its rebuild rewrites every English letter. */
function editEnglish(dir: string): void {
  const file = join(dir, 'locales', 'en', 'letter.json');
  const text = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  writeFileSync(
    file,
    JSON.stringify({ ...text, intro: `${text['intro']} We thank you for reading this letter.` }, null, 2),
  );
}

describe('a batch stopped midway', () => {
  it('SIGINT: the workers stop, exit 130, only whole files and no manifest; the rerun completes', async () => {
    const out = tempDir('letter-batch-sigint-');
    const stopped = await buildAndStop(out, 'SIGINT', 3);
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stderr).toContain('interrupted after writing');
    const files = expectOnlyWholeFiles(out);
    expect(files).not.toContain('manifest.json');
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect(files.length).toBeLessThan(PDFS);
    expectRerunCompletes(out);
  });

  it('SIGKILL: nothing partial under an output name; the rerun removes the temporaries and completes', async () => {
    const out = tempDir('letter-batch-sigkill-');
    const killed = await buildAndStop(out, 'SIGKILL', 3);
    expect(killed.signal).toBe('SIGKILL');
    for (const file of filesUnder(out)) {
      if (!file.split('/').pop()!.startsWith('.'))
        expect(isWholeDocument(join(out, file)), `partial file: ${file}`).toBe(true);
    }
    expect(filesUnder(out)).not.toContain('manifest.json');
    // What a kill between writing and renaming leaves: a half-written temporary of a process that is gone.
    mkdirSync(join(out, 'fr'), { recursive: true });
    writeFileSync(join(out, 'fr', `.2147483646.zz.tmp-fr_${SLUG}.en.pdf`), '%PDF-1.7\n% cut short');
    expectRerunCompletes(out);
  });

  it('SIGINT during a rebuild after an edit: the previous manifest is removed, since the files no longer match it', async () => {
    const dir = copyFixture();
    const out = tempDir('letter-batch-rebuild-sigint-');
    const full = buildCli(dir, out, ['--quiet', ...ARGS]);
    expect(full.status, full.stderr).toBe(0);
    expect(filesUnder(out)).toContain('manifest.json');
    editEnglish(dir);
    const stopped = await buildAndStop(out, 'SIGINT', 3, dir);
    expect(stopped.code, stopped.stderr).toBe(130);
    // The old manifest would now name sha256s of English letters that were rewritten: no manifest at all is left.
    const files = expectOnlyWholeFiles(out);
    expect(files).not.toContain('manifest.json');
    expect(stopped.stderr).toContain('no manifest was written (the previous one was removed)');
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(PDFS);
    expectRerunCompletes(out, dir);
  });
});

describe('a build refused for bad input', () => {
  it('exit 2 and OUT exactly as it was: the previous documents and their manifest stay', () => {
    const dir = copyFixture();
    const out = tempDir('letter-batch-bad-rebuild-');
    const small = ['--quiet', '-l', 'en', '-f', 'pdf', '--to', 'fr,de'];
    expect(buildCli(dir, out, small).status).toBe(0);
    const before = {
      files: filesUnder(out),
      hashes: documentHashes(out),
      manifest: readFileSync(join(out, 'manifest.json'), 'utf8'),
    };
    expect(before.files).toContain('manifest.json');
    // A key the letter needs is gone: composing stops the build (after the workers started, before any document).
    const file = join(dir, 'locales', 'en', 'letter.json');
    const { intro: _intro, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    writeFileSync(file, JSON.stringify(rest, null, 2));
    const refused = buildCli(dir, out, small);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('intro');
    expect(filesUnder(out)).toEqual(before.files);
    expect(documentHashes(out)).toEqual(before.hashes);
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(before.manifest);
  });
});
