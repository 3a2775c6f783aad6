// The letter projects the benchmark builds: the example letter addressed to other recipients than its own.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const EXAMPLE = join(ROOT, 'examples', 'open-letter-2023');

/** Twelve heads of state and the UN Secretary-General of the batch fixture, and eight more from the directory. */
export const TWENTY = [
  'fr',
  'de',
  'jp',
  'kr',
  'us',
  'gb',
  'th',
  'va',
  'un',
  'in',
  'br',
  'za',
  'ca',
  'mx',
  'it',
  'es',
  'au',
  'id',
  'ng',
  'eg',
];

/** The 195 heads of state of the built-in directory (UN members, the Holy See, Palestine): ids without a `/`. */
export async function headsOfState() {
  const { officeIds } = await import(join(ROOT, 'dist', 'directory', 'index.js'));
  return officeIds().filter((id) => /^[a-z]{2}$/.test(id) && id !== 'un');
}

/** A copy of the example letter (all its text, en/ko/zh) addressed to `ids` instead of its own recipient. */
export function exampleTo(ids) {
  const dir = join(mkdtempSync(join(tmpdir(), 'letter-bench-project-')), 'letter');
  cpSync(EXAMPLE, dir, { recursive: true });
  const file = join(dir, 'letter.yaml');
  const yaml = readFileSync(file, 'utf8');
  const replaced = yaml.replace(/^to:\n(?: {2}.*\n)+/m, `to: [${ids.join(', ')}]\n`);
  if (replaced === yaml) throw new Error('bench: the example letter.yaml has no `to:` list to replace');
  writeFileSync(file, replaced);
  return dir;
}
