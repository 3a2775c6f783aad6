#!/usr/bin/env node
// `npm run bench`: whole-process timings of the built CLI (run `npm run build` first). Public tools only: node,
// bin/letter.js, and GNU time (/usr/bin/time) for the peak resident set of each run when it is installed.
//   W1  one `letter build --lang zh --format pdf` of the example letter, RUNS times: median, min, max, peak memory
//   W2  a batch of 20 recipients × en, ko, zh × pdf, docx (120 documents) at -j 1 and at the default -j:
//       documents per second and peak memory
// Options: --runs N (W1, default 7), --batch-runs N (W2, default 3), --json.

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'letter.js');
const EXAMPLE = join(ROOT, 'examples', 'open-letter-2023');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'batch');
const GNU_TIME = '/usr/bin/time';
// The fixture's twelve recipients and eight more heads of state from the built-in directory.
const TWENTY = ['fr', 'de', 'jp', 'kr', 'us', 'gb', 'th', 'va', 'un', 'in', 'br', 'za', 'ca', 'mx', 'it', 'es', 'au', 'id', 'ng', 'eg'];

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const RUNS = option('--runs', 7);
const BATCH_RUNS = option('--batch-runs', 3);
const JSON_OUT = args.includes('--json');

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}

/** One whole-process run of the CLI: wall time (process.hrtime) and, with GNU time, peak RSS in MiB. */
function timed(cliArgs) {
  const withTime = existsSync(GNU_TIME);
  const command = withTime ? GNU_TIME : process.execPath;
  const argv = withTime ? ['-f', '%M', process.execPath, CLI, ...cliArgs] : [CLI, ...cliArgs];
  const env = { ...process.env, TZ: 'UTC', SOURCE_DATE_EPOCH: '' };
  const start = process.hrtime.bigint();
  const r = spawnSync(command, argv, { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`letter ${cliArgs.join(' ')} exited ${r.status}:\n${r.stderr}`);
  const kib = withTime ? Number(r.stderr.trim().split('\n').pop()) : NaN;
  return { seconds, peakMiB: kib / 1024 };
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}

function series(runs, cliArgsFor) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'letter-bench-out-'));
    try {
      results.push(timed(cliArgsFor(out)));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  return { seconds: stats(results.map((r) => r.seconds)), peakMiB: stats(results.map((r) => r.peakMiB)) };
}

/** The batch fixture with twenty recipients in recipients.csv and letter.yaml's `to:`. */
function twentyRecipientProject() {
  const dir = join(mkdtempSync(join(tmpdir(), 'letter-bench-project-')), 'batch');
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, 'recipients.csv'), ['id,office', ...TWENTY.map((id) => `${id},${id}`)].join('\n') + '\n');
  const letter = readFileSync(join(dir, 'letter.yaml'), 'utf8').replace(/^to: \[.*\]$/m, `to: [${TWENTY.join(', ')}]`);
  writeFileSync(join(dir, 'letter.yaml'), letter);
  return dir;
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${platform()} ${release()}`,
  node: process.version,
  loadAverage: loadavg().map((l) => l.toFixed(2)).join(' '),
};

const w1 = series(RUNS, (out) => ['build', EXAMPLE, '--lang', 'zh', '--format', 'pdf', '--out', out, '--quiet']);

const project = twentyRecipientProject();
const DOCUMENTS = TWENTY.length * 3 * 2;
const batch = (jobs) => {
  const s = series(BATCH_RUNS, (out) => ['build', project, '--out', out, '--quiet', ...(jobs ? ['-j', String(jobs)] : [])]);
  return { ...s, documentsPerSecond: DOCUMENTS / s.seconds.median };
};
const w2 = { documents: DOCUMENTS, oneThread: batch(1), pool: { jobs: availableParallelism(), ...batch(undefined) } };
rmSync(join(project, '..'), { recursive: true, force: true });

const result = { machine, w1: { runs: RUNS, ...w1 }, w2: { runs: BATCH_RUNS, ...w2 } };
if (JSON_OUT) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const s = (x) => `${x.toFixed(2)} s`;
  const m = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} MiB`);
  console.log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, node ${machine.node}, load ${machine.loadAverage}`);
  console.log(`W1 letter build --lang zh --format pdf (example), ${RUNS} runs: median ${s(w1.seconds.median)}, min ${s(w1.seconds.min)}, max ${s(w1.seconds.max)}; peak ${m(w1.peakMiB.max)}`);
  for (const [label, r] of [['-j 1', w2.oneThread], [`-j ${w2.pool.jobs} (default)`, w2.pool]]) {
    console.log(`W2 ${DOCUMENTS} documents ${label}, ${BATCH_RUNS} runs: median ${s(r.seconds.median)} (${r.documentsPerSecond.toFixed(1)} documents/s), min ${s(r.seconds.min)}, max ${s(r.seconds.max)}; peak ${m(r.peakMiB.max)}`);
  }
}
