/**
 * A batch's workers start before it composes: as soon as the plan is known, they load while this thread checks and
 * composes, and each worker gets every letter of its lane (of a lane longer than EARLY_LETTERS_MAX, the first of each
 * language) as soon as that letter is composed, so that it draws while this thread is still composing (W2: compose is
 * ~0.4 s of this thread's time). Nothing is written from it until the build has checked everything: the batch collects
 * those results like any other.
 */

import type { LetterDoc } from '../model/index.js';
import { shardJobs, type Job, type Shard } from '../plan/index.js';
import type { Format, Project } from '../load/index.js';
import { letterKey, type OnComposed } from './compose-letters.js';
import type { Planned } from './prepare.js';
import type { DocumentTask } from './render-letter.js';
import type { EngineTuning } from './engine.js';
import type { FontBook } from '../fonts/index.js';
import {
  EARLY_LETTERS_MAX,
  openRenderer,
  type LetterWork,
  type Renderer,
  type RendererOptions,
  type WorkerResult,
} from './render-pool.js';

export interface EarlyOptions {
  readonly shard?: Shard;
  readonly jobs?: number;
  readonly pdfa?: boolean;
}

/** How an unsigned build draws a document: its format, and PDF/A when asked (by the option or letter.yaml). */
export function unsignedDocument(job: Job, project: Project, pdfa: boolean | undefined): DocumentTask {
  const archival = (pdfa ?? project.letter.pdf?.standard === 'PDF/A-2b') && job.format === 'pdf';
  return { format: job.format, ...(archival ? { pdfa: archival } : {}) };
}

/** The formats of a job list's documents, each once. */
export function formatsOf(jobs: readonly Job[]): Format[] {
  return [...new Set(jobs.map((job) => job.format))];
}

/** The letters of a job list (its documents' count each), in the order of their first document. */
export function lettersOf(jobs: readonly Job[]): LetterWork[] {
  const letters = new Map<string, { key: string; lang: string; documents: number }>();
  for (const job of jobs) {
    const key = letterKey(job);
    const letter = letters.get(key);
    if (letter) letter.documents++;
    else letters.set(key, { key, lang: job.lang, documents: 1 });
  }
  return [...letters.values()];
}

/**
 * The renderer of a job list: its letters and formats, with V8 tuned for them (engine.ts) when the build may tune it.
 * Both places a build opens one (its workers early, or a signed build's once its key is checked) go through here.
 */
export function rendererFor(
  jobs: readonly Job[],
  fonts: FontBook,
  engine: EngineTuning | undefined,
  more: Pick<RendererOptions, 'jobs' | 'key' | 'sign'> = {},
): Renderer {
  const formats = formatsOf(jobs);
  return openRenderer({
    letters: lettersOf(jobs),
    fonts,
    formats,
    ...(engine ? { optimising: engine.settle({ formats, signed: more.key !== undefined }) } : {}),
    ...more,
  });
}

export class EarlyStart {
  renderer?: Renderer;
  /** Letters a worker started on while this thread composed, by letterKey. */
  readonly begun = new Map<string, Promise<WorkerResult[]>>();

  constructor(
    private readonly options: EarlyOptions,
    private readonly engine?: EngineTuning,
  ) {}

  /** prepare's onPlanned: opens the renderer, and returns what hands each worker the letters of its lane. */
  readonly onPlanned = ({ project, fonts, jobs: whole }: Planned): OnComposed | undefined => {
    const jobs = this.options.shard ? shardJobs(whole, this.options.shard) : whole;
    const renderer = rendererFor(
      jobs,
      fonts,
      this.engine,
      this.options.jobs !== undefined ? { jobs: this.options.jobs } : {},
    );
    this.renderer = renderer;
    if (renderer.threads === 0) return undefined;
    const laneOf = new Map(renderer.plan.flatMap((keys, lane) => keys.map((key) => [key, lane] as const)));
    const documents = new Map<string, Job[]>();
    for (const job of jobs) {
      const list = documents.get(letterKey(job));
      if (list) list.push(job);
      else documents.set(letterKey(job), [job]);
    }
    const started = new Set<string>();
    return (job: Job, doc: LetterDoc) => {
      const key = letterKey(job);
      const lane = laneOf.get(key);
      if (!lane) return;
      // A long lane: only the first letter of each of its languages, which pays that language's first costs there.
      const first = `${lane}\0${job.lang}`;
      if (renderer.plan[lane]!.length > EARLY_LETTERS_MAX && started.has(first)) return;
      started.add(first);
      const task = {
        doc,
        documents: documents.get(key)!.map((j) => unsignedDocument(j, project, this.options.pdfa)),
      };
      this.begun.set(key, renderer.lanes[lane]!.render(task));
    };
  };
}
