/** Building a letter: the only module that knows the stage order — load, plan, compose, render, sign, write. */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exitStatusFor, EXIT, isLetterError, LetterError, problem, type Diagnostic } from '../diag/index.js';
import { toolFontBook } from '../fonts/index.js';
import { loadProject, type Format } from '../load/index.js';
import { Composer } from '../compose/index.js';
import { planJobs, type Job, type Shard } from '../plan/index.js';
import type { LetterDoc, Lang } from '../model/index.js';
import { manifestJson, removeStaleTemporaries, sha256, writeAtomic, type Manifest, type ManifestFile, type ManifestProblem } from '../write/index.js';
import { buildInstant } from './clock.js';
import { inputsDigest } from './inputs.js';
import { renderDocument, type SignRequest } from './render.js';
import { TOOL_DIR, TOOL_VERSION } from './version.js';

export { TOOL_DIR, TOOL_VERSION } from './version.js';

export interface BuildOptions {
  /** The letter project folder. */
  readonly dir: string;
  /** Output folder; default DIR/dist. */
  readonly out?: string;
  readonly langs?: readonly Lang[];
  readonly formats?: readonly Format[];
  readonly to?: readonly string[];
  readonly shard?: Shard;
  /** Sign every document with this PKCS#12 file; the password comes from the caller, never from argv. */
  readonly sign?: { readonly p12: string; readonly password: string };
  /** Skip documents whose own inputs are invalid instead of stopping (exit 1). */
  readonly keepGoing?: boolean;
  /** Environment for SOURCE_DATE_EPOCH; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Called after each document is written, skipped or failed. */
  readonly onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  readonly done: number;
  readonly total: number;
  readonly file: string;
  readonly status: 'written' | 'skipped' | 'failed';
}

/** One written document. */
export type Output = ManifestFile & { readonly path: string };

export interface BuildResult {
  readonly ok: boolean;
  /** 0 everything written; 1 some documents failed or were skipped; 2 bad input or usage, nothing written. */
  readonly exitCode: number;
  readonly outputs: readonly Output[];
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  readonly manifest?: string;
}

/** Builds the documents of a letter project; user mistakes come back as diagnostics, never as exceptions. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  try {
    return await buildOrThrow(options);
  } catch (e) {
    if (isLetterError(e)) return failed(e.diagnostics);
    throw e;
  }
}

function failed(errors: readonly Diagnostic[]): BuildResult {
  const exitCode = Math.max(EXIT.BAD_INPUT, ...errors.map((d) => exitStatusFor(d.code)));
  return { ok: false, exitCode: Math.min(exitCode, EXIT.BAD_INPUT), outputs: [], errors, warnings: [] };
}

async function buildOrThrow(options: BuildOptions): Promise<BuildResult> {
  // 1. Load and plan: every problem here is bad input, and nothing is written.
  const project = loadProject({ dir: options.dir, toolDir: TOOL_DIR });
  const jobs = planJobs(project, { ...pick(options, 'langs', 'formats', 'to', 'shard') });
  const created = buildInstant(project.letter.date, options.env);
  const fonts = toolFontBook();
  const signKey = options.sign ? await loadSigningKey(options.sign) : undefined;

  // 2. Compose each (recipient, language) once, before rendering anything: a missing key or an uncovered character
  //    stops the build here (exit 2), or with --keep-going skips only the documents it belongs to.
  const composer = new Composer({ project, fonts, created });
  const docs = new Map<string, LetterDoc>();
  const rejected = new Map<string, readonly Diagnostic[]>();
  for (const job of jobs) {
    const key = docKey(job);
    if (docs.has(key) || rejected.has(key)) continue;
    try {
      docs.set(key, composer.compose(job));
    } catch (e) {
      if (!isLetterError(e)) throw e;
      rejected.set(key, e.diagnostics);
    }
  }
  if (rejected.size && !options.keepGoing) throw new LetterError(dedupe([...rejected.values()].flat()));

  // 3. Render, sign and write each document; one failure never stops the others.
  const out = resolve(options.out ?? resolve(project.dir, 'dist'));
  removeStaleTemporaries(out);
  const sign: SignRequest | undefined = signKey ? { key: signKey, project } : undefined;
  const outputs: Output[] = [];
  const problems: ManifestProblem[] = [];
  let done = 0;
  for (const job of jobs) {
    const doc = docs.get(docKey(job));
    const base = { file: job.output, recipient: job.recipient.id, lang: job.lang, format: job.format };
    if (!doc) {
      problems.push({ ...base, status: 'skipped', errors: rejected.get(docKey(job)) ?? [] });
      options.onProgress?.({ done: ++done, total: jobs.length, file: job.output, status: 'skipped' });
      continue;
    }
    try {
      const rendered = await renderDocument(doc, job.format, fonts, sign);
      const path = writeAtomic(out, job.output, rendered.bytes);
      let p7s: ManifestFile['p7s'];
      if (rendered.p7s) {
        writeAtomic(out, `${job.output}.p7s`, rendered.p7s);
        p7s = { file: `${job.output}.p7s`, sha256: sha256(rendered.p7s) };
      }
      outputs.push({ ...base, path, pages: rendered.pages, bytes: rendered.bytes.length, sha256: sha256(rendered.bytes), signed: Boolean(sign), ...(p7s ? { p7s } : {}) });
      options.onProgress?.({ done: ++done, total: jobs.length, file: job.output, status: 'written' });
    } catch (e) {
      const errors = isLetterError(e) ? e.diagnostics : [problem(job.format === 'pdf' || !sign ? 'render-failed' : 'sign-failed', `${job.output}: ${(e as Error).message}`)];
      problems.push({ ...base, status: 'failed', errors });
      options.onProgress?.({ done: ++done, total: jobs.length, file: job.output, status: 'failed' });
    }
  }

  // 4. The manifest, written last and atomically like the documents.
  const manifest: Manifest = {
    tool: { name: 'letter', version: TOOL_VERSION },
    inputs: inputsDigest(project, TOOL_VERSION),
    slug: project.letter.slug,
    ...(options.shard ? { shard: options.shard } : {}),
    files: outputs.map(({ path: _path, ...entry }) => entry),
    problems,
  };
  const manifestPath = writeAtomic(out, 'manifest.json', new TextEncoder().encode(manifestJson(manifest)));
  const errors = problems.flatMap((p) => p.errors);
  return { ok: problems.length === 0, exitCode: problems.length ? EXIT.PARTIAL : EXIT.OK, outputs, errors, warnings: [], manifest: manifestPath };
}

async function loadSigningKey(sign: NonNullable<BuildOptions['sign']>) {
  const { loadP12 } = await import('../sign/index.js');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(sign.p12));
  } catch {
    throw new LetterError(problem('p12', `cannot read the PKCS#12 file '${sign.p12}'`, { file: sign.p12 }, 'check the path given to --p12'));
  }
  return loadP12(bytes, sign.password, sign.p12);
}

function docKey(job: Job): string {
  return `${job.recipient.id}\0${job.lang}`;
}

function dedupe(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.file}|${d.line}|${d.column}|${d.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function pick<T extends object, K extends keyof T>(o: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
