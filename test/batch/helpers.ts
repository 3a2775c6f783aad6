/** Shared by the batch tests: the 12-recipient fixture, the built CLI, and what a build left in its output folder. */

import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Manifest } from '../../src/index.js';
import { letterCli, tempDir } from '../support/tools.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURE = join(ROOT, 'test', 'fixtures', 'batch');
export const RECIPIENTS = ['fr', 'de', 'jp', 'kr', 'us', 'gb', 'th', 'va', 'un', 'in', 'br', 'za'] as const;
export const LANGS = ['en', 'ko', 'zh'] as const;
export const FORMATS = ['pdf', 'docx'] as const;
export const SLUG = 'batch-letter';

/** Every output name of the full batch: `<recipient>/batch-letter.<lang>.<format>`. */
export const ALL_FILES = RECIPIENTS.flatMap((r) =>
  LANGS.flatMap((l) => FORMATS.map((f) => `${r}/${SLUG}.${l}.${f}`)),
).sort();

/** A private copy of the fixture, for tests that break it. */
export function copyFixture(): string {
  const dir = join(tempDir('letter-batch-project-'), 'project');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

/** `letter build DIR --out OUT ...` through the built CLI, with a fixed time zone unless the caller sets one. */
export function buildCli(
  dir: string,
  out: string,
  args: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
) {
  const base: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', SOURCE_DATE_EPOCH: '' };
  return letterCli(['build', dir, '--out', out, ...args], { env: { ...base, ...env } });
}

/** Every file under a folder, relative and sorted, dot files included (a temporary would show up here). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** sha256 of every document under a folder (the manifest left out), by relative path. */
export function documentHashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of filesUnder(dir)) {
    if (file === 'manifest.json') continue;
    out[file] = createHash('sha256')
      .update(readFileSync(join(dir, file)))
      .digest('hex');
  }
  return out;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** A finished document: a PDF ends with its trailer, a DOCX is a zip whose end-of-central-directory record is present. */
export function isWholeDocument(path: string): boolean {
  const bytes = readFileSync(path);
  if (path.endsWith('.pdf'))
    return (
      bytes.subarray(0, 5).toString('latin1') === '%PDF-' &&
      /%%EOF\s*$/.test(bytes.subarray(-32).toString('latin1'))
    );
  if (path.endsWith('.docx'))
    return (
      bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) &&
      bytes.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1')) === bytes.length - 22
    );
  return true;
}
