// Timing whole processes: wall time by process.hrtime; peak resident set and CPU time (user + system, all threads) by
// GNU time (/usr/bin/time -f '%M %U %S') when it is installed; median / min / max of a series. CPU time swings far less
// than wall time with the machine's load, so it is the figure to compare on a shared machine.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = '/usr/bin/time';
const withTime = existsSync(GNU_TIME);

/** One whole `node ARGS…` process: wall seconds, CPU seconds and peak RSS in MiB (NaN without GNU time). Throws if it fails. */
export function timedNode(nodeArgs) {
  const command = withTime ? GNU_TIME : process.execPath;
  const argv = withTime ? ['-f', '%M %U %S', process.execPath, ...nodeArgs] : nodeArgs;
  const env = { ...process.env, TZ: 'UTC', SOURCE_DATE_EPOCH: '' };
  const start = process.hrtime.bigint();
  const r = spawnSync(command, argv, { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`node ${nodeArgs.join(' ')} exited ${r.status}:\n${r.stderr}`);
  // GNU time's line is the last of stderr: peak KiB, user seconds, system seconds.
  const [kib, user, system] = withTime
    ? r.stderr.trim().split('\n').pop().split(' ').map(Number)
    : [NaN, NaN, NaN];
  return { seconds, cpuSeconds: user + system, peakMiB: kib / 1024 };
}

/** Median, min and max. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

/**
 * Runs each contender `runs` times, interleaved (A B A B …) so that a change in the machine's load hits both alike.
 * `contenders` maps a name to `(outDir) => nodeArgs`; each run gets a fresh, then removed, output folder.
 */
export function interleaved(runs, contenders) {
  const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, argsFor] of Object.entries(contenders)) {
      const out = mkdtempSync(join(tmpdir(), 'letter-bench-out-'));
      try {
        samples[name].push(timedNode(argsFor(out)));
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => [
      name,
      {
        seconds: stats(list.map((r) => r.seconds)),
        cpuSeconds: stats(list.map((r) => r.cpuSeconds)),
        peakMiB: stats(list.map((r) => r.peakMiB)),
      },
    ]),
  );
}
