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
import type { Lang, LetterDoc } from '../model/index.js';
import type { DocumentTask } from './render-letter.js';
import type { Renderer, WorkerResult } from './render-pool.js';
import { letterKey } from './compose-letters.js';
import { LaneQueues } from './lane-queues.js';

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
  /** Letters a worker began while the build composed (early-start.ts), by letterKey: collected, not drawn again. */
  readonly begun?: ReadonlyMap<string, Promise<WorkerResult[]>>;
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
  const letters = new Map<string, Letter>();
  for (const item of items) {
    if ('doc' in item) {
      const key = letterKey(item.job);
      let letter = letters.get(key);
      if (!letter) {
        letter = { key, lang: item.job.lang, jobs: [], task: { doc: item.doc, documents: [] } };
        letters.set(key, letter);
      }
      letter.jobs.push({ job: item.job, ...(item.holder ? { holder: item.holder } : {}) });
      letter.task.documents.push(item.document);
    } else {
      problems.set(item.job.index, { ...describe(item.job), status: 'skipped', errors: item.rejected });
      report(item.job, 'skipped');
    }
  }

  // Progress in batch order whichever thread finishes first: the order a build on one thread reports in.
  const order = [...letters.values()];
  const finished = new Map<Letter, ProgressEvent['status'][]>();
  let reported = 0;
  const finish = (letter: Letter, statuses: ProgressEvent['status'][]) => {
    finished.set(letter, statuses);
    for (let next = order[reported]; next && finished.has(next); next = order[++reported])
      next.jobs.forEach(({ job }, i) => report(job, finished.get(next!)![i]!));
  };

  const collect = (letter: Letter, results: readonly WorkerResult[]) => {
    if (opts.signal?.aborted) return;
    const statuses = letter.jobs.map(({ job, holder }, i) => {
      const outcome = store(job, results[i] ?? { kind: 'failed', message: 'no result' }, opts, holder);
      if ('path' in outcome) written.set(job.index, outcome);
      else problems.set(job.index, outcome);
      return 'path' in outcome ? ('written' as const) : ('failed' as const);
    });
    finish(letter, statuses);
  };
  const begun = order.flatMap((letter) => {
    const results = opts.begun?.get(letter.key);
    return results ? [results.then((r) => collect(letter, r))] : [];
  });
  const queues = new LaneQueues(renderer.plan, order, opts.begun ?? new Map());
  // A lane whose letters were begun while composing takes more (from another lane's queue) only once its own are nearly
  // drawn: the worker draws them one after the other, and what it took early the lane it came from could not draw.
  const begunOf = renderer.plan.map((keys) =>
    keys.flatMap((key) => {
      const results = opts.begun?.get(key);
      return results ? [results] : [];
    }),
  );
  const lane = async (thread: number, slot: number) => {
    const own = begunOf[thread] ?? [];
    await own[own.length - renderer.lanes[thread]!.inFlight + slot];
    for (let letter = queues.take(thread); letter; letter = queues.take(thread)) {
      if (opts.signal?.aborted) return;
      collect(letter, await renderer.lanes[thread]!.render(letter.task));
    }
  };
  await Promise.all([
    ...begun,
    ...renderer.lanes.flatMap((l, thread) =>
      Array.from({ length: l.inFlight }, (_, slot) => lane(thread, slot)),
    ),
  ]);

  const byIndex = <T>(map: Map<number, T>) => [...map].sort(([a], [b]) => a - b).map(([, value]) => value);
  return { outputs: byIndex(written), problems: byIndex(problems) };
}

interface Letter {
  readonly key: string;
  readonly lang: Lang;
  readonly jobs: { job: Job; holder?: ManifestHolder }[];
  readonly task: { doc: LetterDoc; documents: DocumentTask[] };
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
