/** Rendering and writing a batch: documents kept in flight on the renderer, each written atomically as it comes back. */

import { problem, type Diagnostic } from '../diag/index.js';
import type { Job } from '../plan/index.js';
import {
  sha256,
  writeAtomic,
  writeFailure,
  type ManifestFile,
  type ManifestHolder,
  type ManifestProblem,
} from '../write/index.js';
import type { LetterDoc } from '../model/index.js';
import type { DocumentTask, RenderTask } from './render-letter.js';
import type { Renderer, WorkerResult } from './render-pool.js';

/** One written document. */
export type Output = ManifestFile & { readonly path: string };

export interface ProgressEvent {
  readonly done: number;
  readonly total: number;
  readonly file: string;
  readonly status: 'written' | 'skipped' | 'failed';
}

/**
 * A planned document: its composed letter and how to draw it, or why its own inputs rejected it (under --keep-going).
 * The documents of one letter (its formats) share one LetterDoc and are rendered together, from one typesetting.
 */
export type BatchItem =
  | {
      readonly job: Job;
      readonly doc: LetterDoc;
      readonly document: DocumentTask;
      readonly holder?: ManifestHolder;
    }
  | { readonly job: Job; readonly rejected: readonly Diagnostic[] };

export interface BatchOptions {
  readonly out: string;
  readonly signed: boolean;
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Once aborted, no further document starts and results still arriving are dropped. */
  readonly signal?: AbortSignal;
}

export interface BatchOutcome {
  /** Written documents, in job order. */
  readonly outputs: readonly Output[];
  /** Skipped and failed documents, in job order. */
  readonly problems: readonly ManifestProblem[];
}

/** Renders every item that has a task and writes it; one document's failure never stops the others. */
export async function renderBatch(
  items: readonly BatchItem[],
  renderer: Renderer,
  opts: BatchOptions,
): Promise<BatchOutcome> {
  const written = new Map<number, Output>();
  const problems = new Map<number, ManifestProblem>();
  let done = 0;
  const report = (job: Job, status: ProgressEvent['status']) =>
    opts.onProgress?.({ done: ++done, total: items.length, file: job.output, status });

  // One task per letter, its documents in job order; letters in the order of their first document.
  const letters = new Map<
    LetterDoc,
    { jobs: { job: Job; holder?: ManifestHolder }[]; task: { doc: LetterDoc; documents: DocumentTask[] } }
  >();
  for (const item of items) {
    if ('doc' in item) {
      let letter = letters.get(item.doc);
      if (!letter) letters.set(item.doc, (letter = { jobs: [], task: { doc: item.doc, documents: [] } }));
      letter.jobs.push({ job: item.job, ...(item.holder ? { holder: item.holder } : {}) });
      letter.task.documents.push(item.document);
    } else {
      problems.set(item.job.index, { ...describe(item.job), status: 'skipped', errors: item.rejected });
      report(item.job, 'skipped');
    }
  }
  const queue: { jobs: { job: Job; holder?: ManifestHolder }[]; task: RenderTask }[] = [...letters.values()];

  let next = 0;
  const lane = async () => {
    while (next < queue.length && !opts.signal?.aborted) {
      const { jobs, task } = queue[next++]!;
      const results = await renderer.render(task);
      if (opts.signal?.aborted) return;
      jobs.forEach(({ job, holder }, i) => {
        const outcome = store(job, results[i] ?? { kind: 'failed', message: 'no result' }, opts, holder);
        if ('path' in outcome) written.set(job.index, outcome);
        else problems.set(job.index, outcome);
        report(job, 'path' in outcome ? 'written' : 'failed');
      });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(renderer.inFlight, queue.length)) }, lane));

  const byIndex = <T>(map: Map<number, T>) => [...map].sort(([a], [b]) => a - b).map(([, value]) => value);
  return { outputs: byIndex(written), problems: byIndex(problems) };
}

/** Writes one rendered document (and a signed DOCX's `.p7s`), or records why there is nothing to write. */
function store(
  job: Job,
  result: WorkerResult,
  opts: BatchOptions,
  holder?: ManifestHolder,
): Output | ManifestProblem {
  const base = describe(job);
  const failure = (message: string, diagnostics?: readonly Diagnostic[]): ManifestProblem => ({
    ...base,
    status: 'failed',
    errors: diagnostics?.length
      ? diagnostics
      : [
          problem(
            opts.signed && job.format === 'docx' ? 'sign-failed' : 'render-failed',
            `${job.output}: ${message}`,
          ),
        ],
  });
  if (result.kind === 'failed') return failure(result.message, result.diagnostics);
  try {
    const path = writeAtomic(opts.out, job.output, result.bytes);
    let p7s: ManifestFile['p7s'];
    if (result.p7s) {
      writeAtomic(opts.out, `${job.output}.p7s`, result.p7s);
      p7s = { file: `${job.output}.p7s`, sha256: sha256(result.p7s) };
    }
    const unsigned = result.unsignedSha256 ? { unsignedSha256: result.unsignedSha256 } : {};
    return {
      ...base,
      path,
      pages: result.pages,
      bytes: result.bytes.length,
      sha256: sha256(result.bytes),
      signed: opts.signed,
      ...unsigned,
      ...(p7s ? { p7s } : {}),
      ...(holder ? { holder } : {}),
    };
  } catch (e) {
    const diagnostics = (e as { diagnostics?: readonly Diagnostic[] }).diagnostics;
    return failure(
      '',
      diagnostics ?? [
        problem(
          'write-failed',
          `${job.output}: cannot write: ${writeFailure(e)}`,
          {},
          'the other documents are written; fix the cause and build again',
        ),
      ],
    );
  }
}

function describe(job: Job) {
  return { file: job.output, recipient: job.recipient.id, lang: job.lang, format: job.format } as const;
}
