/** Where documents are drawn: in this thread for a handful, on a pool of worker threads (piscina) for a batch. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FontBook } from '../fonts/index.js';
import type { SigningKey } from '../sign/index.js';
import { renderLetter, toWorkerResult, type RenderTask, type WorkerResult } from './render-letter.js';
import type { PoolWorkerData } from './render-worker.js';

export type { WorkerResult } from './render-letter.js';

/** Up to this many documents render in this thread: starting workers (each parses its fonts) costs more than it saves. */
export const IN_PROCESS_MAX = 4;

/**
 * Without `-j`, every batch renders in this thread. Measured (BENCHMARKS.md, 2 cores): a worker spends about a second
 * of CPU parsing its fonts and warming its caches before its first document, and each keeps its own isolate and
 * caches: 72 documents took 0.73× the CPU and no more wall time on one thread than on two, at 230 against 392 MiB;
 * 1,170 documents on two threads peak at ~700 MiB, on one within 400 MiB. `-j N` asks for a pool (from
 * IN_PROCESS_MAX documents on) where cores are free and memory is plentiful.
 */
export const DEFAULT_JOBS = 1;

/** Draws letters; `render` never rejects: a failed document comes back as `{kind: 'failed'}`, one per document. */
export interface Renderer {
  /** How many letters to keep in flight so that every thread stays busy while the main thread writes. */
  readonly inFlight: number;
  /** Worker threads in use; 0 when rendering in this thread. */
  readonly threads: number;
  /** The letter's documents, in the order of `task.documents`. */
  render(task: RenderTask): Promise<WorkerResult[]>;
  /** Stops the workers; tasks still running are abandoned. */
  close(): Promise<void>;
}

export interface RendererOptions {
  /** Documents to render in this build. */
  readonly documents: number;
  /** `-j N`; default DEFAULT_JOBS (this thread). */
  readonly jobs?: number;
  /** The main thread's font book, for rendering in this thread. */
  readonly fonts: FontBook;
  readonly key?: SigningKey;
  /** The PKCS#12 bytes and password, for the workers to open the same key. */
  readonly sign?: PoolWorkerData['sign'];
}

/** A pool when the batch is large enough and the compiled worker exists (it does not when running from src/ .ts). */
export async function openRenderer(opts: RendererOptions): Promise<Renderer> {
  const threads = Math.min(opts.jobs ?? DEFAULT_JOBS, opts.documents);
  const worker = workerFile();
  if (threads <= 1 || opts.documents <= IN_PROCESS_MAX || !worker) return inThisThread(opts.fonts, opts.key);
  const projectFonts = opts.fonts.project;
  return workerPool(worker, threads, {
    ...(opts.sign ? { sign: opts.sign } : {}),
    fonts: opts.fonts.sharedFiles(),
    ...(projectFonts ? { projectFonts } : {}),
  });
}

/**
 * The compiled worker beside this module (dist/pipeline/render-worker.js, or dist/bundle/render-worker.js beside the bundled CLI);
 * absent when this module itself runs from TypeScript source.
 */
export function workerFile(): string | undefined {
  const file = join(import.meta.dirname, 'render-worker.js');
  return /\.c?js$/.test(import.meta.url) && existsSync(file) ? file : undefined;
}

function inThisThread(fonts: FontBook, key: SigningKey | undefined): Renderer {
  return {
    inFlight: 1,
    threads: 0,
    async render(task) {
      return (await renderLetter(task, fonts, key)).map(toWorkerResult);
    },
    close: async () => undefined,
  };
}

async function workerPool(file: string, threads: number, workerData: PoolWorkerData): Promise<Renderer> {
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: pathToFileURL(file).href,
    minThreads: threads,
    maxThreads: threads,
    // A batch keeps every thread busy; an idle worker would only be torn down and its fonts parsed again.
    idleTimeout: 60_000,
    workerData,
  });
  let closed: Promise<void> | undefined;
  return {
    inFlight: threads * 2,
    threads,
    async render(task) {
      try {
        return (await pool.run(task)) as WorkerResult[];
      } catch (e) {
        // A worker that died (out of memory, killed) or a pool closed under the task.
        const message = closed !== undefined ? 'interrupted' : e instanceof Error ? e.message : String(e);
        return task.documents.map(() => ({ kind: 'failed' as const, message }));
      }
    },
    close() {
      // Called on SIGINT and again when the build unwinds: destroy once.
      closed ??= pool.destroy();
      return closed;
    },
  };
}
