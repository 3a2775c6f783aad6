/**
 * How renderBatch feeds its lanes when a worker was handed its letters while this thread composed (early-start.ts): the
 * worker takes more from another lane only once its own are nearly drawn, never at the start, when they all still wait.
 */

import { describe, expect, it } from 'vitest';
import { renderBatch, type BatchItem } from '../../src/pipeline/batch.js';
import type { Renderer, WorkerResult } from '../../src/pipeline/render-pool.js';
import type { Job } from '../../src/plan/index.js';
import type { LetterDoc } from '../../src/model/index.js';
import { tempDir } from '../support/tools.js';

/** A letter per recipient, all in English, one PDF each. */
function items(recipients: readonly string[]): BatchItem[] {
  return recipients.map((id, index) => {
    const job = {
      index,
      recipient: { id },
      lang: 'en',
      format: 'pdf',
      output: `${id}/x.en.pdf`,
    } as unknown as Job;
    return { job, doc: { id } as unknown as LetterDoc, document: { format: 'pdf' } };
  });
}

/** A result that writes nothing (the batch records it as failed). */
const result = (): WorkerResult[] => [{ kind: 'failed', message: 'not drawn in this test' }];

function deferred() {
  let resolve!: (value: WorkerResult[]) => void;
  const promise = new Promise<WorkerResult[]>((r) => (resolve = r));
  return { promise, resolve: () => resolve(result()) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('renderBatch with letters begun on a worker', () => {
  it('lets the worker take from this thread only once its own letters are down to what it keeps in flight', async () => {
    const batch = items(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    const key = (id: string) => `${id}\0en`;
    // This thread: a-d; the worker (two in flight): e-g, all begun while composing. Both draw English, so the worker
    // may take this thread's letters.
    const begun = new Map(['e', 'f', 'g'].map((id) => [key(id), deferred()]));
    const gate = deferred();
    const here: string[] = [];
    const taken: string[] = [];
    const renderer: Renderer = {
      threads: 1,
      plan: [['a', 'b', 'c', 'd'].map(key), ['e', 'f', 'g'].map(key)],
      lanes: [
        {
          inFlight: 1,
          async render(task) {
            here.push((task.doc as unknown as { id: string }).id);
            await gate.promise;
            return result();
          },
        },
        {
          inFlight: 2,
          async render(task) {
            taken.push((task.doc as unknown as { id: string }).id);
            return result();
          },
        },
      ],
      queued: () => 0,
      close: async () => undefined,
    };
    const done = renderBatch(batch, renderer, {
      out: tempDir('letter-lanes-'),
      signed: false,
      begun: new Map([...begun].map(([k, d]) => [k, d.promise])),
    });
    await settle();
    // Three letters still on the worker: it takes nothing, though this thread has three waiting.
    expect(here).toEqual(['a']);
    expect(taken).toEqual([]);
    begun.get(key('e'))!.resolve();
    await settle();
    expect(taken).toEqual([]);
    // Down to one: it takes from the end of this thread's queue (here drawing each at once, so all that is left).
    begun.get(key('f'))!.resolve();
    await settle();
    expect(taken).toEqual(['d', 'c', 'b']);
    begun.get(key('g'))!.resolve();
    gate.resolve();
    const outcome = await done;
    expect(outcome.problems.map((p) => p.file).sort()).toEqual(batch.map((i) => i.job.output).sort());
    expect([...here, ...taken, 'e', 'f', 'g'].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });
});
