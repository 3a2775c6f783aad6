/** A batch stopped midway by SIGINT or SIGKILL leaves only whole files under output names, and the rerun completes. */

import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tools.js';
import { buildCli, FIXTURE, filesUnder, isWholeDocument, readManifest, ROOT, SLUG } from './helpers.js';

// PDFs only: 36 documents are enough to stop a build in the middle and cheap enough to rerun.
const ARGS = ['-f', 'pdf', '-j', '2'];
const PDFS = 36;

/** Starts `letter build`, waits for `after` documents to be written, sends `signal`, and resolves with how it ended. */
function buildAndStop(out: string, signal: NodeJS.Signals, after: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'letter.js'), 'build', FIXTURE, '--out', out, ...ARGS], {
      env: { ...process.env, TZ: 'UTC', SOURCE_DATE_EPOCH: '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
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

function expectRerunCompletes(out: string): void {
  const rerun = buildCli(FIXTURE, out, ['--quiet', ...ARGS]);
  expect(rerun.status, rerun.stderr).toBe(0);
  const files = expectOnlyWholeFiles(out);
  expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(PDFS);
  expect(files).toContain('manifest.json');
  expect(readManifest(out).files).toHaveLength(PDFS);
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
      if (!file.split('/').pop()!.startsWith('.')) expect(isWholeDocument(join(out, file)), `partial file: ${file}`).toBe(true);
    }
    expect(filesUnder(out)).not.toContain('manifest.json');
    // What a kill between writing and renaming leaves: a half-written temporary of a process that is gone.
    mkdirSync(join(out, 'fr'), { recursive: true });
    writeFileSync(join(out, 'fr', `.2147483646.zz.tmp-fr_${SLUG}.en.pdf`), '%PDF-1.7\n% cut short');
    expectRerunCompletes(out);
  });
});
