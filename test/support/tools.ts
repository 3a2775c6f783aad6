/** External checkers for interop tests: poppler, qpdf, LibreOffice. Missing tools skip locally and fail under CI=true. */

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const IN_CI = process.env['CI'] === 'true' || process.env['CI'] === '1';

export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** True when the tool is there; under CI a missing tool is a failure, never a skip. */
export function toolAvailable(name: string): boolean {
  const ok = hasTool(name);
  if (!ok && IN_CI) throw new Error(`${name} is required under CI=true (.ci/run installs it)`);
  return ok;
}

/**
 * True when LibreOffice can be driven from Python (soffice and python3-uno, which test/sign/lo-verify.py needs);
 * under CI a missing piece is a failure, never a skip.
 */
export function libreOfficeUno(): boolean {
  if (!toolAvailable('soffice')) return false;
  // The system python: python3-uno is a Debian package, invisible to any other interpreter on PATH.
  const ok = spawnSync('/usr/bin/python3', ['-c', 'import uno'], { stdio: 'ignore' }).status === 0;
  if (!ok && IN_CI) throw new Error('python3-uno is required under CI=true (.ci/run installs it)');
  return ok;
}

export function run(
  cmd: string,
  args: readonly string[],
  opts: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeout?: number } = {},
): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args as string[], {
    encoding: 'utf8',
    env: opts.env ?? process.env,
    cwd: opts.cwd,
    input: opts.input,
    maxBuffer: 64 * 1024 * 1024,
    ...(opts.timeout ? { timeout: opts.timeout } : {}),
  });
  return { status: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** The text of a PDF as pdftotext gives it (reading order, UTF-8). */
export function pdfText(file: string, args: readonly string[] = []): string {
  return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function tempDir(prefix = 'letter-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * Converts DOCX files to PDF with LibreOffice headless, all in one process (as an office converting a folder would),
 * in a fresh profile of its own so parallel runs don't collide; each PDF lands in `outDir` under its DOCX's name.
 * A hung conversion is stopped after `timeout` ms (a synchronous child cannot be stopped by vitest's test timeout).
 */
export function libreOfficeToPdf(docxFiles: readonly string[], outDir: string, timeout = 300_000): string[] {
  const r = run(
    'soffice',
    [
      `-env:UserInstallation=file://${tempDir('lo-profile-')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outDir,
      ...docxFiles,
    ],
    { timeout },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  return docxFiles.map((docx) => join(outDir, docx.replace(/^.*\//, '').replace(/\.docx$/, '.pdf')));
}

/** Converts a DOCX to PDF with LibreOffice headless (libreOfficeToPdf for one file). */
export const docxToPdf = (docx: string, outDir: string): string => libreOfficeToPdf([docx], outDir)[0]!;

/** The CLI as a user runs it: `node bin/letter.js …` (needs `npm run build`, which `npm test` does first). */
export function letterCli(args: readonly string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}) {
  return run(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'letter.js'), ...args], opts);
}
