/** OUT/manifest.json: what a build wrote, with sizes and hashes, so CI can publish and `letter verify` can recheck. */

import type { Diagnostic } from '../diag/index.js';

export interface ManifestFile {
  /** Path relative to the output folder: `<recipient>/<slug>.<lang>.<format>`. */
  readonly file: string;
  readonly recipient: string;
  readonly lang: string;
  readonly format: 'pdf' | 'docx';
  /** Pages of the PDF; for a DOCX, the pages of the same letter as typeset for PDF, or null when not typeset. */
  readonly pages: number | null;
  readonly bytes: number;
  readonly sha256: string;
  readonly signed: boolean;
  /** The detached CMS signature written beside a signed DOCX. */
  readonly p7s?: { readonly file: string; readonly sha256: string };
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

export interface Manifest {
  readonly tool: { readonly name: 'letter'; readonly version: string };
  /** sha256 over the inputs (letter.yaml, locales, recipients, templates, assets): same digest, same documents. */
  readonly inputs: string;
  readonly slug: string;
  /** Set when this manifest covers one shard of the job list. */
  readonly shard?: { readonly k: number; readonly n: number };
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

/** Joins the manifests of shards into the manifest one unsharded run writes; shards of different inputs are refused. */
export function mergeManifestTexts(texts: readonly { file: string; text: string }[]): string {
  const manifests = texts.map(({ file, text }) => {
    try {
      return { file, manifest: JSON.parse(text) as Manifest };
    } catch {
      throw new Error(`${file} is not a manifest.json`);
    }
  });
  const first = manifests[0]?.manifest;
  if (!first) throw new Error('no manifests to merge');
  for (const { file, manifest } of manifests) {
    if (manifest.inputs !== first.inputs || manifest.tool.version !== first.tool.version) {
      throw new Error(`${file} was built from other inputs or another tool version than ${manifests[0]!.file}`);
    }
  }
  const seen = new Set<string>();
  const files = manifests.flatMap(({ manifest }) => manifest.files).filter((f) => (seen.has(f.file) ? false : (seen.add(f.file), true)));
  const { shard: _shard, ...rest } = first;
  return manifestJson({ ...rest, files, problems: manifests.flatMap(({ manifest }) => manifest.problems) });
}
