/** OUT/manifest.json: what a build wrote, with sizes and hashes, so CI can publish and `letter verify` can recheck. */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LetterError, problem, type Diagnostic } from '../diag/index.js';

export interface ManifestFile {
  /** Path relative to the output folder: `<recipient>/<slug>.<lang>.<format>`. */
  readonly file: string;
  readonly recipient: string;
  readonly lang: string;
  readonly format: 'pdf' | 'docx';
  /** Pages of the PDF; for a DOCX, the pages of the same letter as typeset for PDF (a word processor may differ). */
  readonly pages: number | null;
  readonly bytes: number;
  readonly sha256: string;
  readonly signed: boolean;
  /**
   * A signed file: the sha256 of the same document as an unsigned build writes it. The signed bytes change with the
   * signing time (now, unless SOURCE_DATE_EPOCH pins it); this one is reproducible from the inputs alone.
   */
  readonly unsignedSha256?: string;
  /** The detached CMS signature written beside a signed DOCX. */
  readonly p7s?: { readonly file: string; readonly sha256: string };
  /** When the recipient's name came from the built-in directory: the day its source reported it, and the source. */
  readonly holder?: ManifestHolder;
}

/** The directory's holder data a document was addressed with (holders are volatile: this says how fresh it was). */
export interface ManifestHolder {
  readonly asOf: string;
  readonly source: string;
}

/** A document that was not written, and why. */
export interface ManifestProblem {
  readonly file: string;
  readonly recipient: string;
  readonly lang: string;
  readonly format: 'pdf' | 'docx';
  readonly status: 'skipped' | 'failed';
  readonly errors: readonly Diagnostic[];
}

/** Shard K of N, and the whole job list it is a part of (the languages, formats and recipients of the command line). */
export interface ManifestShard {
  readonly k: number;
  readonly n: number;
  /** The whole job list's length and a sha256 over its output paths in job order: equal for the shards of one command. */
  readonly of: { readonly documents: number; readonly sha256: string };
}

export interface Manifest {
  readonly tool: { readonly name: 'letter'; readonly version: string };
  /** sha256 over the inputs (letter.yaml, locales, recipients, templates, assets): same digest, same documents. */
  readonly inputs: string;
  readonly slug: string;
  /** Set when this manifest covers one shard of the job list; dropped on merge, so shards merge into a single run's manifest. */
  readonly shard?: ManifestShard;
  readonly files: readonly ManifestFile[];
  readonly problems: readonly ManifestProblem[];
}

/** Stable JSON: files in job order are sorted by path so shards merge into exactly the single run's manifest. */
export function manifestJson(manifest: Manifest): string {
  const sorted: Manifest = {
    ...manifest,
    files: [...manifest.files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
    problems: [...manifest.problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)),
  };
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/**
 * Joins the manifests of shards into the manifest one unsharded run writes. Refused: shards of different inputs, tool
 * versions or job lists, an incomplete or repeated set of shards, and a document that appears in two manifests.
 */
export function mergeManifestTexts(texts: readonly { file: string; text: string }[]): string {
  const manifests = texts.map(({ file, text }) => {
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch {
      manifest = undefined;
    }
    if (!isManifest(manifest))
      throw mismatch(
        `${file} is not a manifest.json`,
        file,
        'give the manifest.json files that `letter build --shard K/N` wrote',
      );
    const wrong = entryProblem(manifest);
    if (wrong)
      throw new LetterError(
        problem(
          'schema',
          wrong,
          { file },
          'a manifest was edited: build the shard again and merge the manifest it writes',
        ),
      );
    return { file, manifest };
  });
  const first = manifests[0];
  if (!first)
    throw new LetterError(
      problem(
        'usage',
        'no manifests to merge',
        {},
        'give the manifest.json files of the shards of one build',
      ),
    );
  for (const { file, manifest } of manifests) {
    if (
      manifest.inputs !== first.manifest.inputs ||
      manifest.tool?.version !== first.manifest.tool?.version
    ) {
      throw mismatch(
        `${file} was built from other inputs or another tool version than ${first.file}`,
        file,
        'build every shard from the same inputs with the same letter, then merge',
      );
    }
  }
  checkShards(manifests);
  const owner = new Map<string, string>();
  for (const { file, manifest } of manifests) {
    for (const entry of [...manifest.files, ...manifest.problems]) {
      const other = owner.get(entry.file);
      if (other !== undefined)
        throw mismatch(
          `${entry.file} is in both ${other} and ${file}: a document was built twice`,
          file,
          'give each shard once',
          entry.file,
        );
      owner.set(entry.file, file);
    }
  }
  const expected = first.manifest.shard?.of.documents;
  if (expected !== undefined && owner.size !== expected) {
    throw mismatch(
      `the shards list ${owner.size} documents, but the job list they were split from has ${expected}: a manifest was edited`,
      first.file,
      'build the shards again and merge the manifests they write',
    );
  }
  const { shard: _shard, ...rest } = first.manifest;
  return manifestJson({
    ...rest,
    files: manifests.flatMap(({ manifest }) => manifest.files),
    problems: manifests.flatMap(({ manifest }) => manifest.problems),
  });
}

/** Sharded manifests must be exactly shards 1..N of one N; manifests without a shard merge only with each other. */
function checkShards(manifests: readonly { file: string; manifest: Manifest }[]): void {
  const sharded = manifests.filter(({ manifest }) => manifest.shard);
  if (!sharded.length) return;
  const whole = manifests.find(({ manifest }) => !manifest.shard);
  if (whole)
    throw mismatch(
      `${whole.file} is not a shard's manifest`,
      whole.file,
      'merge the manifests of one sharded build',
    );
  sameJobList(sharded);
  const n = sharded[0]!.manifest.shard!.n;
  const seen = new Map<number, string>();
  for (const { file, manifest } of sharded) {
    const { k, n: total } = manifest.shard!;
    if (total !== n)
      throw mismatch(
        `${file} is shard ${k}/${total}, but ${sharded[0]!.file} is of ${n} shards`,
        file,
        'merge the shards of one `--shard K/N` build',
        `${k}/${total}`,
      );
    if (seen.has(k))
      throw mismatch(
        `${file} and ${seen.get(k)} are both shard ${k}/${n}`,
        file,
        'give each shard once',
        `${k}/${n}`,
      );
    seen.set(k, file);
  }
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !seen.has(k));
  const absent = missing.map((k) => `${k}/${n}`).join(', ');
  if (missing.length)
    throw mismatch(
      `shard${missing.length > 1 ? 's' : ''} ${absent} missing`,
      sharded[0]!.file,
      'give the manifests of every shard',
      absent,
    );
}

/**
 * Every shard was split from one job list: shards of `-l en,zh` and of `-l ko` would otherwise merge into a manifest
 * that looks complete while documents of both are missing.
 */
function sameJobList(sharded: readonly { file: string; manifest: Manifest }[]): void {
  const listed = (of: ManifestShard['of'] | undefined) =>
    typeof of?.sha256 === 'string' && typeof of.documents === 'number';
  const undated = sharded.find(({ manifest }) => !listed(manifest.shard!.of));
  if (undated)
    throw mismatch(
      `${undated.file} does not record which job list it is a shard of (written by an older letter)`,
      undated.file,
      'build the shards again',
    );
  const { file: firstFile, manifest: firstManifest } = sharded[0]!;
  const of = firstManifest.shard!.of;
  for (const { file, manifest } of sharded) {
    const other = manifest.shard!.of;
    if (other.sha256 === of.sha256 && other.documents === of.documents) continue;
    throw mismatch(
      `${file} and ${firstFile} are shards of different job lists (${other.documents} and ${of.documents} documents)`,
      file,
      'other languages, formats or recipients were given to `letter build`: give every shard the same ones',
    );
  }
}

/** A manifest given to `letter manifest merge` that does not fit the others: the user's mistake, exit 2. */
function mismatch(message: string, file: string, hint: string, value?: string): LetterError {
  return new LetterError(
    problem('manifest-mismatch', message, { file, ...(value !== undefined ? { value } : {}) }, hint),
  );
}

/**
 * What is wrong with the first entry that a build cannot have written, or undefined. The merged manifest is what CI
 * publishes and `letter verify --manifest` rechecks: an entry naming '../../etc/passwd' or 'pages: "three"' was merged
 * into it as it stood.
 */
function entryProblem(manifest: Manifest): string | undefined {
  const entries: [string, readonly unknown[]][] = [
    ['files', manifest.files],
    ['problems', manifest.problems],
  ];
  for (const [list, items] of entries) {
    for (const [i, item] of items.entries()) {
      const e = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
      const at = `${list}[${i}]`;
      if (typeof e['file'] !== 'string' || !isOutputName(e['file']))
        return `${at}.file ${JSON.stringify(e['file'] ?? null)} is not a file of a build's output folder (<recipient>/<slug>.<lang>.<format>)`;
      if (e['format'] !== 'pdf' && e['format'] !== 'docx') return `${at}.format must be "pdf" or "docx"`;
      if (list === 'problems') continue;
      if (typeof e['sha256'] !== 'string' || !SHA256_HEX.test(e['sha256']))
        return `${at}.sha256 must be 64 hexadecimal digits`;
      if (!isCount(e['bytes'])) return `${at}.bytes must be a whole number`;
      if (e['pages'] !== null && !isCount(e['pages'])) return `${at}.pages must be a whole number or null`;
      if (typeof e['signed'] !== 'boolean') return `${at}.signed must be true or false`;
    }
  }
  return undefined;
}

/** A path relative to OUT that stays in it: no absolute path, no '..', '.' or empty segment, no backslash or NUL. */
function isOutputName(file: string): boolean {
  return (
    !file.startsWith('/') &&
    !/[\\\0]/.test(file) &&
    file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
  );
}

/** A sha256 as a manifest writes it: 64 lowercase hexadecimal digits. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** A whole number a manifest counts with (bytes, pages). */
export function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Enough of a manifest's shape to merge it: someone else's file may be any JSON. */
function isManifest(value: unknown): value is Manifest {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Partial<Manifest>;
  return (
    typeof m.inputs === 'string' &&
    Array.isArray(m.files) &&
    Array.isArray(m.problems) &&
    m.files.every((f) => typeof f?.file === 'string')
  );
}

/**
 * The manifest a build wrote to `outDir` before, if it is readable and one a build writes. A manifest.json of another
 * shape (another tool's, an edited one: files not a list, no tool) is no previous build's and is left out: --watch's
 * rebuild read it as one and stopped with an internal error ('previous.files.filter is not a function'), and an entry
 * naming '../../x' would have been carried into the new manifest.
 */
export function readManifest(outDir: string): Manifest | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (!isManifest(manifest) || entryProblem(manifest) !== undefined) return undefined;
  return typeof manifest.tool?.version === 'string' && typeof manifest.slug === 'string'
    ? manifest
    : undefined;
}

/**
 * This run's manifest plus the previous one's entries for documents this run did not plan and whose files are still
 * there: a partial rebuild (one language, after a locale edit) keeps listing the documents it left untouched.
 */
export function carryOver(
  previous: Manifest | undefined,
  current: Manifest,
  planned: readonly string[],
  outDir: string,
): Manifest {
  if (!previous || previous.slug !== current.slug || previous.tool.version !== current.tool.version)
    return current;
  const replanned = new Set(planned);
  const kept = previous.files.filter((f) => !replanned.has(f.file) && existsSync(join(outDir, f.file)));
  const keptProblems = previous.problems.filter((p) => !replanned.has(p.file));
  return { ...current, files: [...current.files, ...kept], problems: [...current.problems, ...keptProblems] };
}
