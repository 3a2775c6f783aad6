/**
 * Where letters are drawn: in this thread, and for a batch also on worker threads (piscina), each thread keeping the
 * languages planThreads gives it, so that no two threads pay for the same language's faces and first layouts.
 */

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FontBook } from '../fonts/index.js';
import type { Format } from '../load/index.js';
import type { SigningKey } from '../sign/index.js';
import { renderLetter, toWorkerResult, type RenderTask, type WorkerResult } from './render-letter.js';
import type { PoolWorkerData } from './render-worker.js';
import { FIRST_COSTS, planThreads, type LetterWork } from './schedule.js';

export type { WorkerResult } from './render-letter.js';
export type { LetterWork } from './schedule.js';

/** Up to this many documents render in this thread whatever `-j` says: a worker's start costs more than it saves. */
export const IN_PROCESS_MAX = 4;

/**
 * Without `-j`, a batch of this many letters or more renders on two threads (this one and one worker) where there are
 * two cores; a smaller one in this thread alone. Measured on 2 cores (the example letter to N recipients × en/ko/zh,
 * PDF; each thread's CPU from /proc, medians of 7 interleaved runs at load ~15): at 60 letters (W2), with the worker
 * drawing its whole lane while this thread composes, one thread spent 1.57 s on this thread and 1.42 s on V8's
 * background threads (TurboFan compiling, GC), two threads 1.21 s here, 0.93 s on the worker and 1.74 s in the
 * background: 3.85 s of CPU for two cores against 2.99 s, so no sooner on an idle machine. What stands in the way is the
 * optimising compiler, which each thread's isolate runs for the same functions: with it turned off (--no-turbofan, for
 * the whole process) two threads spent 1.31 + 1.02 + 0.50 s against one thread's 1.81 + 0.40 s, but W3 (585 letters)
 * took over 2× the CPU (119 against 52 s, even with TurboFan turned on again at run time for so large a batch), so it
 * stays on. At 585 letters two threads pay: 1.07× the CPU for 0.93× the wall time at load 11 (the fifth session).
 */
export const SPLIT_FROM_LETTERS = 300;

/**
 * The same with the optimising compiler off (engine.ts: a build of unsigned PDFs): the threads then no longer compile
 * the same functions twice. Two threads against one, both without TurboFan (2 cores, quiet, 7-9 interleaved pairs,
 * wall medians): 12 letters 0.82 / 0.79 s, 18 letters 0.89 / 0.92 s, 24 letters 0.97 / 0.99 s, 30 letters 1.04 / 1.05 s,
 * W2's 60 letters 1.41 / 1.48 s, each for ~30 % more CPU (the worker's start). Against the one thread with TurboFan
 * that was the default before, W2 took 0.80-0.86x the wall time (BENCHMARKS.md).
 */
export const UNOPTIMISED_SPLIT_FROM_LETTERS = 24;

/**
 * Threads that render by default: two where there are two cores for a batch of SPLIT_FROM_LETTERS letters or more, or
 * of UNOPTIMISED_SPLIT_FROM_LETTERS when TurboFan is off.
 */
export function defaultThreads(letters: number, optimising = true): number {
  const from = optimising ? SPLIT_FROM_LETTERS : UNOPTIMISED_SPLIT_FROM_LETTERS;
  return letters >= from && availableParallelism() >= 2 ? 2 : 1;
}

/**
 * A worker's lane of up to this many letters is handed over whole while this thread composes (EarlyStart; W2: 40 at
 * -j 2); a longer one gets the first letter of each of its languages then, and the rest through the batch's queues.
 * Handing W3's worker its whole lane (~290 letters) raised the peak from 374-388 to 396-398 MiB (the worker's heap
 * growing while this thread's does, its documents waiting in unread messages), too near the 400 MiB bound.
 */
export const EARLY_LETTERS_MAX = 48;

/** A worker's old-generation heap limit (MiB): see resourceLimits below. */
const WORKER_OLD_GENERATION_MB = 512;

/**
 * A worker's young generation (MiB). Smaller than V8's default, it keeps a letter's short-lived objects in memory the
 * caches still hold, and pages the machine has already mapped (quiet 2-core machine, interleaved runs, medians): W2
 * (60 PDFs, this thread and a worker) 1.29 -> 1.20 s wall, CPU 2.12 -> 2.02 s, peak 189 -> 164 MiB (4 MiB: 1.22 s,
 * 16 MiB: 1.24 s); W3 (1,170 PDF + DOCX documents) peak 375-459 MiB -> 320-410 MiB over four runs each.
 */
const WORKER_YOUNG_GENERATION_MB = 8;

/** One thread that draws letters; `render` never rejects: a failed document comes back as `{kind: 'failed'}`. */
export interface Lane {
  /** Letters to keep in flight on it: a worker gets its next letter while it draws one. */
  readonly inFlight: number;
  /** The letter's documents, in the order of `task.documents`. */
  render(task: RenderTask): Promise<WorkerResult[]>;
}

/** Draws letters on its lanes: this thread's first, then one per worker. */
export interface Renderer {
  /** Worker threads in use; 0 when rendering in this thread only. */
  readonly threads: number;
  readonly lanes: readonly Lane[];
  /** The letters (by key) each lane starts with, as planThreads dealt them; a letter not listed is this thread's. */
  readonly plan: readonly (readonly string[])[];
  /**
   * Letters handed to the workers that still wait in this thread (piscina's queue) for a worker to take them: 0 when each
   * went to its worker as it came, as EarlyStart's letters must while this thread is busy composing.
   */
  queued(): number;
  /** Stops the workers; tasks still running are abandoned. */
  close(): Promise<void>;
}

export interface RendererOptions {
  /** The letters of this build, in batch order. */
  readonly letters: readonly LetterWork[];
  /** `-j N`: threads that render, this one included; default defaultThreads. */
  readonly jobs?: number;
  /** The main thread's font book, for rendering in this thread. */
  readonly fonts: FontBook;
  /** The formats the build's documents are in (the worker loads only their renderers); default both. */
  readonly formats?: readonly Format[];
  /** Whether V8's optimising compiler is on for this build (engine.ts); default true. */
  readonly optimising?: boolean;
  readonly key?: SigningKey;
  /** The PKCS#12 bytes and password, for the workers to open the same key. */
  readonly sign?: PoolWorkerData['sign'];
}

/**
 * Workers when the batch is large enough and the compiled worker exists (it does not when running from src/ .ts).
 * Synchronous, so that a build can start its workers before it composes (in one synchronous step): they load and warm
 * up while this thread composes.
 */
export function openRenderer(opts: RendererOptions): Renderer {
  const here = inThisThread(opts.fonts, opts.key);
  const documents = opts.letters.reduce((n, l) => n + l.documents, 0);
  const optimising = opts.optimising ?? true;
  const threads = opts.jobs ?? defaultThreads(opts.letters.length, optimising);
  const worker = workerFile();
  // Threads asked for with -j are used even where halving a language costs more than it saves.
  const plan = planThreads(opts.letters, threads, opts.jobs !== undefined ? 1 : FIRST_COSTS);
  if (plan.length <= 1 || documents <= IN_PROCESS_MAX || !worker) {
    return {
      threads: 0,
      lanes: [here],
      plan: [opts.letters.map((l) => l.key)],
      queued: () => 0,
      close: async () => undefined,
    };
  }
  // Loaded only for a batch, and synchronously (see above); piscina stays outside the bundle (scripts/bundle.mjs).
  const { Piscina } = createRequire(import.meta.url)('piscina') as typeof import('piscina');
  const projectFonts = opts.fonts.project;
  const pools = plan.slice(1).map((keys) => {
    const workerData: PoolWorkerData = {
      // The bundled worker's code cache must have been made under the same V8 flags, or V8 rejects it.
      ...(optimising ? {} : { codeCache: 'no-turbofan' }),
      ...(opts.formats ? { formats: opts.formats } : {}),
      ...(opts.sign ? { sign: opts.sign } : {}),
      ...(projectFonts ? { projectFonts } : {}),
    };
    return new Piscina({
      filename: pathToFileURL(worker).href,
      minThreads: 1,
      maxThreads: 1,
      // Every letter of its lane can be on the worker at once (it draws them one after the other): EarlyStart hands it
      // each as soon as it is composed, while this thread, still composing, would not take the worker's "done" to hand
      // it the next; later the next letter is there when one is done, without waiting for this thread to hand it over.
      concurrentTasksPerWorker: Math.max(2, Math.min(keys.length, EARLY_LETTERS_MAX)),
      // A batch keeps the thread busy; an idle worker would only be torn down and its fonts parsed again.
      idleTimeout: 60_000,
      // A heap limit makes V8 grow a worker's heap by less each time (W3: peak 483 → 391 MiB with 512, at ~1 % more
      // CPU); a letter needs a few MiB of it, so no letter comes near the limit.
      resourceLimits: {
        maxOldGenerationSizeMb: WORKER_OLD_GENERATION_MB,
        maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB,
      },
      workerData,
    });
  });
  let closed: Promise<void> | undefined;
  const lanes = pools.map(
    (pool): Lane => ({
      inFlight: 2,
      async render(task) {
        try {
          return (await pool.run(task)) as WorkerResult[];
        } catch (e) {
          // A worker that died (out of memory, killed) or a pool closed under the task.
          const message = closed !== undefined ? 'interrupted' : e instanceof Error ? e.message : String(e);
          return task.documents.map(() => ({ kind: 'failed' as const, message }));
        }
      },
    }),
  );
  return {
    threads: pools.length,
    lanes: [here, ...lanes],
    plan,
    queued: () => pools.reduce((n, pool) => n + pool.queueSize, 0),
    close() {
      // Called on SIGINT and again when the build unwinds: destroy once.
      closed ??= Promise.all(pools.map((pool) => pool.destroy())).then(() => undefined);
      return closed;
    },
  };
}

/**
 * The compiled worker beside this module (dist/pipeline/render-worker.js, or dist/bundle/render-worker.js beside the bundled CLI);
 * absent when this module itself runs from TypeScript source.
 */
export function workerFile(): string | undefined {
  const file = join(import.meta.dirname, 'render-worker.js');
  return /\.c?js$/.test(import.meta.url) && existsSync(file) ? file : undefined;
}

function inThisThread(fonts: FontBook, key: SigningKey | undefined): Lane {
  return {
    inFlight: 1,
    async render(task) {
      const results = (await renderLetter(task, fonts, key)).map(toWorkerResult);
      // A macrotask turn after each letter: the workers' finished letters (and their requests for the next) are
      // messages, which a chain of promises in this thread would otherwise hold back until the whole batch is drawn.
      await new Promise((resolve) => setImmediate(resolve));
      return results;
    },
  };
}
