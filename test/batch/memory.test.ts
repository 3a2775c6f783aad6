/** Peak memory is bounded by the pool, not by the batch: 300 documents stay within 1.5× the peak of 30. */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../support/tools.js';
import { FIXTURE } from './helpers.js';

// A hundred heads of state from the built-in directory (ISO 3166-1 alpha-2), × en, ko, zh = 300 PDFs.
const HUNDRED = (
  'ad ae af ag al am ao ar at au az ba bb bd be bf bg bh bi bj bn bo br bs bt bw by bz ca cd cf cg ch ci cl cm cn co cr ' +
  'cu cv cy cz de dj dk dm do dz ec ee eg er es et fi fj fm fr ga gb gd ge gh gm gn gq gr gt gw gy hn hr ht hu id ie il ' +
  'in iq ir is it jm jo jp ke kg kh ki km kn kp kr kw kz la lb lc li'
).split(' ');

/** Builds PDFs for these recipients on two workers; the peak resident set of the whole process (threads included). */
function peakMemoryKiB(recipients: readonly string[]): {
  status: number;
  maxRssKiB: number;
  documents: number;
} {
  const out = tempDir('letter-batch-memory-');
  const r = run(
    process.execPath,
    [
      join(import.meta.dirname, 'max-rss.mjs'),
      'build',
      FIXTURE,
      '--out',
      out,
      '-f',
      'pdf',
      '-j',
      '2',
      '--json',
      '-t',
      recipients.join(','),
    ],
    {
      env: { ...process.env, TZ: 'UTC' },
    },
  );
  const lines = r.stdout.trimEnd().split('\n');
  const usage = JSON.parse(lines.pop()!) as { status: number; maxRssKiB: number };
  const report = JSON.parse(lines.join('\n')) as { outputs: unknown[] };
  return { ...usage, documents: report.outputs.length };
}

describe('peak memory of a batch', () => {
  it('300 documents stay within 1.5× the peak of 30 documents', () => {
    expect(HUNDRED).toHaveLength(100);
    const small = peakMemoryKiB(HUNDRED.slice(0, 10));
    const large = peakMemoryKiB(HUNDRED);
    expect([small.status, small.documents]).toEqual([0, 30]);
    expect([large.status, large.documents]).toEqual([0, 300]);
    const ratio = large.maxRssKiB / small.maxRssKiB;
    console.log(
      `peak RSS: 30 documents ${(small.maxRssKiB / 1024).toFixed(0)} MiB, 300 documents ${(large.maxRssKiB / 1024).toFixed(0)} MiB, ratio ${ratio.toFixed(2)}`,
    );
    expect(ratio).toBeLessThanOrEqual(1.5);
  });
});
