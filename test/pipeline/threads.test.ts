/**
 * A batch on two threads (this one and a worker, -j 2) writes what one thread writes, byte for byte, and reports its
 * progress in the same order; the worker starts on its first letter of each language while this thread composes.
 * Run against the compiled modules (dist/), which have the worker file to start.
 */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentHashes, FIXTURE } from '../batch/helpers.js';
import { tempDir } from '../support/tools.js';

const ROOT = join(import.meta.dirname, '..', '..');
const { build } = (await import(join(ROOT, 'dist', 'index.js'))) as typeof import('../../src/index.js');
const { prepare } = (await import(
  join(ROOT, 'dist', 'pipeline', 'prepare.js')
)) as typeof import('../../src/pipeline/prepare.js');
const { EarlyStart } = (await import(
  join(ROOT, 'dist', 'pipeline', 'early-start.js')
)) as typeof import('../../src/pipeline/early-start.js');

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

  it('hands the worker its first letter of each language as soon as it is composed', async () => {
    const early = new EarlyStart({ jobs: 2 });
    const prepared = prepare({ dir: FIXTURE, formats: ['pdf'], env, onPlanned: early.onPlanned });
    try {
      expect(early.renderer?.threads).toBe(1);
      const workerLangs = new Set(early.renderer!.plan[1]!.map((key) => key.split('\0')[1]));
      expect(workerLangs.size).toBeGreaterThan(0);
      // One letter per language of the worker's, the first of that language in batch order.
      const firsts = [...workerLangs].map((lang) => prepared.jobs.find((j) => j.lang === lang)!);
      expect([...early.begun.keys()].sort()).toEqual(
        firsts.map((j) => `${j.recipient.id}\0${j.lang}`).sort(),
      );
      for (const results of early.begun.values()) {
        const [result] = await results;
        expect(result?.kind).toBe('rendered');
      }
    } finally {
      await early.renderer?.close();
    }
  });
});
