/**
 * A batch on two threads (this one and a worker, -j 2) writes what one thread writes, byte for byte, and reports its
 * progress in the same order; the worker gets every letter of its lane while this thread composes, and each letter is
 * drawn and typeset on one thread only.
 * Run against the compiled modules (dist/), which have the worker file to start.
 */

import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentHashes, FIXTURE } from '../batch/helpers.js';
import { tempDir } from '../support/tools.js';

const ROOT = join(import.meta.dirname, '..', '..');
const { build } = (await import(join(ROOT, 'dist', 'index.js'))) as typeof import('../../src/index.js');
const { prepare } = (await import(
  join(ROOT, 'dist', 'pipeline', 'prepare.js')
)) as typeof import('../../src/pipeline/prepare.js');
const { EARLY_LETTERS_MAX } = (await import(
  join(ROOT, 'dist', 'pipeline', 'render-pool.js')
)) as typeof import('../../src/pipeline/render-pool.js');
const { EarlyStart, unsignedDocument } = (await import(
  join(ROOT, 'dist', 'pipeline', 'early-start.js')
)) as typeof import('../../src/pipeline/early-start.js');

const { renderBatch } = (await import(
  join(ROOT, 'dist', 'pipeline', 'batch.js')
)) as typeof import('../../src/pipeline/batch.js');
const { letterKey } = (await import(
  join(ROOT, 'dist', 'pipeline', 'compose-letters.js')
)) as typeof import('../../src/pipeline/compose-letters.js');
const { lettersTypeset } = (await import(
  join(ROOT, 'dist', 'typeset', 'index.js')
)) as typeof import('../../src/typeset/index.js');

const env = { SOURCE_DATE_EPOCH: '1702166400' };

async function built(jobs: number) {
  const out = tempDir('letter-threads-');
  const progress: string[] = [];
  const result = await build({
    dir: FIXTURE,
    out,
    formats: ['pdf'],
    jobs,
    env,
    onProgress: (e) => progress.push(`${e.done} ${e.status} ${e.file}`),
  });
  return { result, progress, hashes: documentHashes(out) };
}

describe('a batch on this thread and a worker', () => {
  it('writes the same bytes and manifest as one thread, and reports progress in the same order', async () => {
    const one = await built(1);
    const two = await built(2);
    expect(two.result.exitCode).toBe(0);
    expect(two.progress).toHaveLength(36);
    expect(two.progress).toEqual(one.progress);
    expect(two.hashes).toEqual(one.hashes);
    // The manifest's entries, but for where this run's folder is.
    const entries = (outputs: readonly { path: string }[]) =>
      outputs.map(({ path: _path, ...entry }) => entry);
    expect(entries(two.result.outputs)).toEqual(entries(one.result.outputs));
  });

  it('hands the worker every letter of its lane as it is composed, straight to the worker', async () => {
    const early = new EarlyStart({ jobs: 2 });
    // prepare composes synchronously: what is begun when it returns was handed over while this thread composed.
    const prepared = prepare({ dir: FIXTURE, formats: ['pdf'], env, onPlanned: early.onPlanned });
    try {
      expect(early.renderer?.threads).toBe(1);
      const workerKeys = early.renderer!.plan[1]!;
      expect(workerKeys.length).toBeGreaterThan(prepared.jobs.length / 3);
      expect([...early.begun.keys()].sort()).toEqual([...workerKeys].sort());
      // None waits in this thread's queue for a worker to ask for it: this thread, busy composing, would not hand it on.
      expect(early.renderer!.queued()).toBe(0);
      for (const results of early.begun.values()) {
        const [result] = await results;
        expect(result?.kind).toBe('rendered');
      }
    } finally {
      await early.renderer?.close();
    }
  });

  it('hands a worker whose lane is longer than EARLY_LETTERS_MAX only its first letter of each language', async () => {
    const { exampleTo, headsOfState } = (await import(join(ROOT, 'bench', 'lib', 'projects.mjs'))) as {
      exampleTo(ids: readonly string[]): string;
      headsOfState(): Promise<string[]>;
    };
    const dir = exampleTo((await headsOfState()).slice(0, 40));
    const early = new EarlyStart({ jobs: 2 });
    const prepared = prepare({ dir, formats: ['pdf'], env, onPlanned: early.onPlanned });
    try {
      const lane = early.renderer!.plan[1]!;
      expect(lane.length).toBeGreaterThan(EARLY_LETTERS_MAX);
      const langs = [...new Set(lane.map((key) => key.split('\0')[1]))];
      const firsts = langs.map((lang) => lane.find((key) => key.endsWith(`\0${lang}`))!);
      expect([...early.begun.keys()].sort()).toEqual(firsts.sort());
      expect(prepared.letters.docs.size).toBe(120);
    } finally {
      await early.renderer?.close();
      rmSync(dirname(dir), { recursive: true, force: true });
    }
  });

  it('draws each letter on one thread only: the worker its lane, this thread the rest, each typeset once', async () => {
    const early = new EarlyStart({ jobs: 2 });
    const prepared = prepare({ dir: FIXTURE, formats: ['pdf', 'docx'], env, onPlanned: early.onPlanned });
    const renderer = early.renderer!;
    try {
      const keyOf = new Map([...prepared.letters.docs].map(([key, doc]) => [doc, key]));
      const drawn = [...early.begun.keys()];
      const here: string[] = [];
      const counted = {
        ...renderer,
        lanes: renderer.lanes.map((lane, thread) => ({
          inFlight: lane.inFlight,
          render(task: Parameters<typeof lane.render>[0]) {
            drawn.push(keyOf.get(task.doc)!);
            if (thread === 0) here.push(keyOf.get(task.doc)!);
            return lane.render(task);
          },
        })),
      };
      const items = prepared.jobs.map((job) => ({
        job,
        doc: prepared.letters.docs.get(letterKey(job))!,
        document: unsignedDocument(job, prepared.project, undefined),
      }));
      const before = lettersTypeset();
      const outcome = await renderBatch(items, counted, {
        out: tempDir('letter-threads-'),
        signed: false,
        begun: early.begun,
      });
      expect(outcome.problems).toEqual([]);
      expect(outcome.outputs).toHaveLength(prepared.jobs.length);
      // Every letter (both its documents) once, on one thread or the other.
      expect(drawn.sort()).toEqual([...prepared.letters.docs.keys()].sort());
      expect(here.length).toBeGreaterThan(0);
      // This thread typeset only the letters it drew, each once (the worker's are typeset there).
      expect(lettersTypeset() - before).toBe(here.length);
    } finally {
      await renderer.close();
    }
  });
});
