/** Building a letter: the only module that knows the stage order — load, plan, compose, render, sign, write. */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  EXIT,
  exitStatusOf,
  hasUserInfo,
  isLetterError,
  LetterError,
  problem,
  shown,
  shownUrl,
  uniqueDiagnostics,
  type Diagnostic,
} from '../diag/index.js';
import { displayPath, type Format, type Project } from '../load/index.js';
import { loadHarfBuzz } from '../fonts/index.js';
import { jobListIdentity, shardJobs, type Shard } from '../plan/index.js';
import { hasRightToLeftLetters, type Lang } from '../model/index.js';
import {
  carryOver,
  checkOutputFolder,
  checkOutputPaths,
  manifestJson,
  readManifest,
  removeManifest,
  removeStaleTemporaries,
  writeManifest,
  type Manifest,
  type ManifestProblem,
} from '../write/index.js';
import { holderProvenance } from '../check/index.js';
import { renderBatch, type BatchItem, type Output, type ProgressEvent } from './batch.js';
import { signingInstant, TOOL_VERSION } from '../tool/index.js';
import { letterKey } from './compose-letters.js';
import { allErrors, prepare } from './prepare.js';
import { inputsDigest } from './inputs-digest.js';
import { signatureFieldFor, signingSignatory } from './render-letter.js';
// Only types from sign/ up here: its index loads the signing libraries, which an unsigned build never needs.
import type { SigningKey } from '../sign/index.js';
import { EarlyStart, rendererFor, unsignedDocument } from './early-start.js';
import { EngineTuning } from './engine.js';
import { validationData } from './ltv.js';

export { TOOL_DIR, TOOL_VERSION } from '../tool/index.js';
export { check, type CheckOptions, type CheckResult } from './check.js';
export { prepare, type Prepared, type PrepareOptions } from './prepare.js';
export type { Output, ProgressEvent } from './batch.js';

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
  /** `--tsa URL`: an RFC 3161 time-stamp on each signature (B-T); the authority is asked once before anything renders. */
  readonly tsa?: string;
  /** `--ltv FILE…`: certificates, CRLs and OCSP responses (PEM or DER) for each PDF's DSS (PAdES B-LT); needs `tsa`. */
  readonly ltv?: readonly string[];
  /** `--lta`: after each PDF's DSS, a document time-stamp from `tsa` over the whole file (PAdES B-LTA); needs `ltv`. */
  readonly lta?: boolean;
  /** Write PDFs as PDF/A-2b. */
  readonly pdfa?: boolean;
  /** Every warning is an error (exit 2, nothing written), as with `letter check --strict`. */
  readonly strict?: boolean;
  /** Skip documents whose own inputs are invalid instead of stopping (exit 1). */
  readonly keepGoing?: boolean;
  /**
   * Threads that render (`-j N`), this one included: N − 1 workers beside it. Default: this thread and one worker for a
   * batch of 300 letters or more on two cores (24 for unsigned PDFs with tuneEngine), this thread alone for a smaller
   * one (render-pool.ts, BENCHMARKS.md).
   */
  readonly jobs?: number;
  /** Stops the build (SIGINT): no new document starts, the workers stop, no manifest is left in OUT; exit 130. */
  readonly signal?: AbortSignal;
  /** Environment for SOURCE_DATE_EPOCH; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * The moment the build runs (its clock, read once): the time its signatures claim unless SOURCE_DATE_EPOCH pins it,
   * and "today" for the warning about a certificate expired since. Default: the wall clock when build() starts.
   */
  readonly now?: Date;
  /** Called after each document is written, skipped or failed. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /**
   * Keep the previous manifest's entries for documents this run did not plan, when their files are still there:
   * `--watch` rebuilds one language after an edit of its locale file, and the manifest must still list them all.
   */
  readonly carryOverManifest?: boolean;
  /**
   * Let the build set this process's V8 flags for its documents (engine.ts: the optimising compiler off for unsigned
   * PDFs, and a second render thread from fewer letters). The flags are the whole process's: the CLI sets this; a
   * program that runs other work beside its builds should leave it unset.
   */
  readonly tuneEngine?: boolean;
}

export interface BuildResult {
  readonly ok: boolean;
  /** 0 everything written; 1 some documents failed or were skipped; 2 bad input or usage, nothing written; 130 interrupted. */
  readonly exitCode: number;
  readonly outputs: readonly Output[];
  /** Each problem once; `problems` says which documents each one stopped. */
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** The documents not written (skipped for their own inputs, or failed), as in the manifest. */
  readonly problems: readonly ManifestProblem[];
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

/** Nothing written: the exit status is the errors' (EXIT_STATUS in diag: bad input is 2), with the warnings found on the way. */
function failed(errors: readonly Diagnostic[], warnings: readonly Diagnostic[] = []): BuildResult {
  return { ok: false, exitCode: exitStatusOf(errors), outputs: [], errors, warnings, problems: [] };
}

async function buildOrThrow(options: BuildOptions): Promise<BuildResult> {
  // An unsigned build starts its workers as soon as the plan is known, to load and warm up while this thread composes;
  // a signed one once its key has been opened and checked (they open the same key).
  // Harfbuzz starts at this build's first await. prepare() runs to its end without one, so by then the plan has tuned
  // the engine: in the bundle harfbuzz compiles there, on this thread, and keeps the WebAssembly tier it was compiled
  // under (engine.ts); from the ES modules it compiles on V8's threads. A failure shows where the shaper is awaited
  // (renderLetter).
  loadHarfBuzz().catch(() => undefined);
  const engine = new EngineTuning(options.tuneEngine === true);
  const early = new EarlyStart(pick(options, 'shard', 'jobs', 'pdfa'), engine);
  try {
    return await buildWith(options, early, engine);
  } finally {
    await early.renderer?.close();
    engine.release();
  }
}

async function buildWith(
  options: BuildOptions,
  early: EarlyStart,
  engine: EngineTuning,
): Promise<BuildResult> {
  // 1. Prepare (load, plan, compose every letter, with check's diagnostics): every problem here is bad input, and
  //    nothing is written. A letter's own problem stops the build, or with --keep-going skips only its documents.
  const prepared = prepare({
    dir: options.dir,
    ...pick(options, 'langs', 'formats', 'to', 'env', 'now'),
    ...(options.sign ? {} : { onPlanned: early.onPlanned }),
  });
  const { project, fonts, letters } = prepared;
  // The whole list even for a shard: its identity goes into the shard's manifest, so shards of other lists never merge.
  const whole = prepared.jobs;
  const jobs = options.shard ? shardJobs(whole, options.shard) : whole;
  const stopping = options.keepGoing ? [...prepared.errors] : allErrors(prepared);
  if (stopping.length) return failed(stopping, prepared.warnings);
  if (options.strict && prepared.warnings.length)
    return failed(
      prepared.warnings.map((w) => ({ ...w, severity: 'error' as const })),
      [],
    );
  if (options.pdfa && jobs.some((job) => job.format === 'pdf')) cmykUnderPdfa(project);
  const p12 = options.sign ? readP12(options.sign.p12) : undefined;
  const key = options.sign && p12 ? await openKey(p12, options.sign) : undefined;
  if (key && options.sign)
    signerNameCovered(key.signerName, options.sign.p12, fonts, [
      ...new Set(jobs.filter((j) => j.format === 'pdf').map((j) => j.lang)),
    ]);
  if (options.lta && !options.ltv?.length)
    throw new LetterError(
      problem(
        'usage',
        '--lta time-stamps the long-term validation data, so it needs --ltv',
        {},
        'add --ltv FILE, or leave --lta out',
      ),
    );
  const validation =
    key && options.ltv?.length ? await validationData(options.ltv, key, options.tsa) : undefined;
  const ltv = validation?.data;
  if (key && options.tsa) await probeTsa(options.tsa);
  // Checked before anything is written: an expired certificate stops the build; one newer than the instant warns.
  const now = options.now ?? new Date();
  const times = key ? await signingTimes(key, now, options) : undefined;
  const signing = times?.signing;
  const expired = times?.expired;
  const warnings = [
    ...prepared.warnings,
    ...(signing?.warning ? [signing.warning] : []),
    ...(expired ? [expired] : []),
    ...(validation?.warning ? [validation.warning] : []),
  ];
  const out = resolve(options.out ?? resolve(project.dir, 'dist'));
  checkOutputFolder(out, options.out ?? out);
  checkOutputPaths({
    out,
    shownAs: options.out ?? displayPath(out, project.dir),
    files: [
      ...jobs.flatMap((j) => (key && j.format === 'docx' ? [j.output, `${j.output}.p7s`] : [j.output])),
      'manifest.json',
    ],
    project: project.dir,
    inputs: inputFolders(project),
  });

  // A signed build's workers start now.
  early.renderer ??= rendererFor(jobs, fonts, engine, {
    ...pick(options, 'jobs'),
    ...(key ? { key } : {}),
    ...(options.sign && p12
      ? { sign: { p12, password: options.sign.password, file: options.sign.p12 } }
      : {}),
  });
  const renderer = early.renderer;
  const stop = () => void renderer.close();
  options.signal?.addEventListener('abort', stop, { once: true });
  let outcome;
  let previous: Manifest | undefined;
  let removedManifest = false;
  try {
    // 2. Each (recipient, language) was composed once by prepare; both formats draw the same letter.
    const { docs, rejected } = letters;
    const items: BatchItem[] = jobs.map((job) => {
      const doc = docs.get(letterKey(job));
      if (!doc) return { job, rejected: rejected.get(letterKey(job)) ?? [] };
      const signingTime = signing?.at;
      const signatureField =
        key && signingTime && job.format === 'pdf'
          ? signatureFieldFor(doc, project.letter, key, signingTime)
          : undefined;
      const signed = signingTime
        ? {
            signingTime,
            ...(signatureField && key
              ? { signatureField, signatory: signingSignatory(project.letter, key) }
              : {}),
            ...(options.tsa ? { tsa: options.tsa } : {}),
            ...(ltv && job.format === 'pdf' ? { ltv, ...(options.lta ? { lta: true } : {}) } : {}),
          }
        : {};
      const holder = holderProvenance(project, job.recipient, job.lang);
      return {
        job,
        doc,
        document: { ...unsignedDocument(job, project, options.pdfa), ...signed },
        ...(holder ? { holder } : {}),
      };
    });

    // 3. Render (on worker threads for a batch), sign and write each document; one failure never stops the others.
    //    The previous manifest goes first (read for --watch's carry-over): documents are about to change, and a build
    //    stopped midway must not leave a manifest that disagrees with them.
    removeStaleTemporaries(out);
    if (!options.signal?.aborted) {
      previous = options.carryOverManifest ? readManifest(out) : undefined;
      removedManifest = removeManifest(out);
    }
    outcome = await renderBatch(items, renderer, {
      out,
      signed: Boolean(key),
      begun: early.begun,
      ...pick(options, 'onProgress', 'signal'),
    });
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await renderer.close();
  }
  const { outputs, problems } = outcome;
  const errors = uniqueDiagnostics(problems.flatMap((p) => p.errors));
  if (options.signal?.aborted) {
    const stopped = problem(
      'interrupted',
      `interrupted after writing ${outputs.length} of ${jobs.length} documents; no manifest was written${removedManifest ? ' (the previous one was removed)' : ''}`,
      {},
      'run the same command again to finish',
    );
    return {
      ok: false,
      exitCode: exitStatusOf([stopped]),
      outputs,
      errors: [...errors, stopped],
      warnings,
      problems,
    };
  }

  // 4. The manifest, written last and atomically like the documents.
  const manifest: Manifest = {
    tool: { name: 'letter', version: TOOL_VERSION },
    inputs: inputsDigest(project, TOOL_VERSION),
    slug: project.letter.slug,
    ...(options.shard
      ? { shard: { k: options.shard.k, n: options.shard.n, of: jobListIdentity(whole) } }
      : {}),
    files: outputs.map(({ path: _path, ...entry }) => entry),
    problems,
  };
  const written = options.carryOverManifest
    ? carryOver(
        previous,
        manifest,
        jobs.map((j) => j.output),
        out,
      )
    : manifest;
  let manifestPath: string;
  try {
    manifestPath = writeManifest(out, manifestJson(written));
  } catch (e) {
    if (!isLetterError(e)) throw e;
    return {
      ok: false,
      exitCode: Math.max(EXIT.PARTIAL, exitStatusOf(e.diagnostics)),
      outputs,
      errors: [...errors, ...e.diagnostics],
      warnings,
      problems,
    };
  }
  return {
    ok: problems.length === 0,
    exitCode: problems.length ? EXIT.PARTIAL : EXIT.OK,
    outputs,
    errors,
    warnings,
    problems,
    manifest: manifestPath,
  };
}

/** The folders a build reads from, which it must never write into. */
function inputFolders(project: Project): { path: string; shown: string }[] {
  const named = ['locales', 'templates', 'assets', 'fonts'].map((name) => ({
    path: join(project.dir, name),
    shown: `${name}/`,
  }));
  const images = project.letter.signatories.flatMap((s) =>
    s.signature && dirname(s.signature) !== project.dir
      ? [{ path: dirname(s.signature), shown: `${displayPath(dirname(s.signature), project.dir)}/` }]
      : [],
  );
  return [...named, ...images];
}

/**
 * A PDF/A-2b's colours are those of its output intent, sRGB here: a DeviceCMYK image is allowed only under a CMYK
 * output intent (ISO 19005-2 §6.2.4.3), so a CMYK JPEG signature would make the file claim a conformance it lacks. It is
 * an error at the image's line before anything is written (the PDF embeds a JPEG as it is, unconverted).
 */
function cmykUnderPdfa(project: Project): void {
  const problems = project.letter.signatories.flatMap((s, i) => {
    const asset = s.signature ? project.assets.get(s.signature) : undefined;
    if (asset?.format !== 'jpeg' || asset.components !== 4) return [];
    return [
      problem(
        'bad-image',
        'signature image is a CMYK JPEG, which a PDF/A cannot hold beside its sRGB output intent (--pdfa)',
        project.locateLetter(['signatories', i, 'signature']),
        'export the signature again as an RGB or greyscale JPEG, or as PNG; or build without --pdfa',
      ),
    ];
  });
  if (problems.length) throw new LetterError(problems);
}

function readP12(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    // A path that names no file may be a password typed in the wrong place, and CI logs are public: never echo it.
    if (!existsSync(file)) {
      throw new LetterError(
        problem(
          'p12',
          'the file given to --p12 does not exist (the value is not shown, in case it is a password)',
          {},
          '--p12 takes the path of a .p12/.pfx file; the password goes in LETTER_P12_PASSWORD or --p12-password-file',
        ),
      );
    }
    throw new LetterError(
      problem(
        'p12',
        `cannot read the PKCS#12 file '${shown(file)}'`,
        { file },
        'check the path given to --p12',
      ),
    );
  }
}

/** Opens the key in the main thread first: a wrong password is bad input (exit 2) before anything renders. */
async function openKey(bytes: Uint8Array, sign: NonNullable<BuildOptions['sign']>) {
  const { loadP12 } = await import('../sign/index.js');
  return loadP12(bytes, sign.password, sign.p12);
}

/** The instant the signatures claim (or a LetterError when the certificate had expired by then), and a warning when it has expired by `now`. */
async function signingTimes(key: SigningKey, now: Date, options: BuildOptions) {
  const { expiryWarning, signingTimeFor } = await import('../sign/index.js');
  return {
    signing: signingTimeFor(signingInstant(now, options.env), key.validity, options.sign?.p12),
    expired: expiryWarning(key.validity, now, options.sign?.p12),
  };
}

/**
 * The PDF's signature box names the signer from the certificate: a name in a script no font of a language covers
 * stops the build here (exit 2), naming the certificate and what to do, instead of failing every PDF as it renders.
 */
function signerNameCovered(
  name: string,
  p12: string,
  fonts: { uncovered(text: string, lang: Lang): number[] },
  langs: readonly Lang[],
): void {
  // The box is drawn a character at a time, left to right (render/pdf/signature-field.ts): Arabic there would come out
  // unjoined and backwards, so a right-to-left name is refused even where a face covers it.
  const rtl = [...new Set([...name].filter(hasRightToLeftLetters))];
  if (rtl.length > 0) {
    const chars = rtl
      .slice(0, 5)
      .map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} '${ch}'`)
      .join(', ');
    throw new LetterError(
      problem(
        'uncovered-character',
        `the signer's name '${name}' in the certificate of ${p12} is written right to left (${chars}), which the signature box cannot set yet`,
        { file: p12, value: name },
        'sign with a certificate whose common name is written left to right (a transliteration), or build without --p12 and sign the PDF in another tool',
      ),
    );
  }
  for (const lang of langs) {
    const missing = fonts.uncovered(name, lang);
    if (!missing.length) continue;
    const chars = missing
      .slice(0, 5)
      .map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')} '${String.fromCodePoint(cp)}'`)
      .join(', ');
    throw new LetterError(
      problem(
        'uncovered-character',
        `the signer's name '${name}' in the certificate of ${p12} has characters (${chars}) that none of the fonts for '${lang}' cover, so the signature box cannot show it`,
        { file: p12, value: name, lang },
        `give '${lang}' a face that covers them in the project's fonts/fonts.json, or sign with a certificate whose common name is written in a script the letter's fonts cover`,
      ),
    );
  }
}

/** The time-stamp authority answers a request correctly, or the build stops before anything is written (exit 2). */
async function probeTsa(url: string): Promise<void> {
  if (!/^https?:\/\/[^\s]+$/i.test(url)) {
    throw new LetterError(
      problem(
        'usage',
        `--tsa '${shownUrl(url)}' is not an http:// or https:// URL`,
        { value: shownUrl(url) },
        'give the URL of an RFC 3161 time-stamp authority, e.g. --tsa https://freetsa.org/tsr',
      ),
    );
  }
  // fetch refuses a URL with a user name or password in it, and a password on the command line reaches logs anyway. A
  // key in the query (a paid authority's) is sent as given: only messages hide it (shownUrl).
  if (hasUserInfo(url)) {
    throw new LetterError(
      problem(
        'usage',
        `--tsa '${shownUrl(url)}' has a user name or password in it (not shown), which letter does not send`,
        { value: shownUrl(url) },
        'give the URL of a time-stamp authority that needs no login, e.g. --tsa https://freetsa.org/tsr',
      ),
    );
  }
  const [{ stampDigest }, { createHash }] = await Promise.all([
    import('../sign/index.js'),
    import('node:crypto'),
  ]);
  await stampDigest(
    url,
    createHash('sha256').update('letter: is the time-stamp authority there?').digest(),
    'tsa-unreachable',
  );
}

function pick<T extends object, K extends keyof T>(o: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
