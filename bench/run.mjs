#!/usr/bin/env node
// `npm run bench`: letter against Typst (its npm node compiler, @myriaddreamin/typst-ts-node-compiler, an optional
// devDependency) on the same letter, fonts and machine, whole processes, interleaved run by run. Run `npm run build`
// first. Not part of `npm test`.
//   W1  one `letter build examples/open-letter-2023 --lang zh --format pdf` against one Typst process compiling the
//       same letter (its .typ generated from the composed letter, bench/typst/): median, min–max, CPU (user + system),
//       peak RSS, ratio of wall and of CPU time.
//   W2  60 letters (the example letter to 20 recipients × en, ko, zh), PDF, in one process each: letters/s, ratio;
//       ours by default (a batch of unsigned PDFs from 24 letters: this thread and a worker, TurboFan off; see
//       src/pipeline/engine.ts), on the worker pool (-j cores), and with DOCX added (one thread below 300 letters).
//   W3  (--full) 1,170 documents: the example to 195 heads of state × 3 languages × PDF and DOCX, by default (two
//       threads from 300 letters) and on the pool (-j cores): seconds and peak memory.
// Options: --runs N (W1, default 7), --batch-runs N (W2, default 5), --full, --json; --quick (one run of each, W2 to
// two recipients: what CI runs so that the benchmark cannot rot; its times mean nothing).

import { existsSync, mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { interleaved, timedNode } from './lib/measure.mjs';
import { EXAMPLE, ROOT, TWENTY, exampleTo, headsOfState } from './lib/projects.mjs';

const CLI = join(ROOT, 'bin', 'letter.js');
const TYPST = join(ROOT, 'bench', 'typst', 'compile.mjs');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const QUICK = args.includes('--quick');
const RUNS = option('--runs', QUICK ? 1 : 7);
const BATCH_RUNS = option('--batch-runs', QUICK ? 1 : 5);
const FULL = args.includes('--full') && !QUICK;
const JSON_OUT = args.includes('--json');

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(2);
}
const typst = await import('@myriaddreamin/typst-ts-node-compiler').then(
  () => true,
  (e) => (
    console.error(
      `bench: Typst is missing (${e.code ?? e.message}); timing letter alone. Install it with npm ci.`,
    ),
    false
  ),
);

const scratch = mkdtempSync(join(tmpdir(), 'letter-bench-'));
const letter =
  (...a) =>
  (out) => [CLI, 'build', ...a, '--out', out, '--quiet'];
const typstOf = (sources) => (out) => [TYPST, out, ...sources];

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: availableParallelism(),
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${platform()} ${release()}`,
  node: process.version,
  loadAverage: loadavg()
    .map((l) => l.toFixed(2))
    .join(' '),
};

// Sources for Typst, composed by our own library from the same projects.
const { writeTypstSources } = await import('./typst/generate.mjs');
const exampleTyp = await writeTypstSources(EXAMPLE, join(scratch, 'w1'), { langs: ['zh'] });
const twenty = exampleTo(QUICK ? TWENTY.slice(0, 2) : TWENTY);
const twentyTyp = await writeTypstSources(twenty, join(scratch, 'w2'));

// W1 and W2, each contender interleaved with the others.
const w1 = interleaved(RUNS, {
  ours: letter(EXAMPLE, '--lang', 'zh', '--format', 'pdf'),
  ...(typst ? { typst: typstOf(exampleTyp) } : {}),
});
const w2 = interleaved(BATCH_RUNS, {
  ours: letter(twenty, '--format', 'pdf'),
  oursPool: letter(twenty, '--format', 'pdf', '-j', String(availableParallelism())),
  oursWithDocx: letter(twenty, '--format', 'pdf,docx'),
  ...(typst ? { typst: typstOf(twentyTyp) } : {}),
});
const letters = twentyTyp.length;

// The example's PDF, as each writes it.
const sizes = {};
{
  const out = join(scratch, 'size');
  timedNode(letter(EXAMPLE, '--lang', 'zh', '--format', 'pdf')(out));
  sizes.ours = statSync(join(out, 'cn', 'open-letter-2023.zh.pdf')).size;
  if (typst) {
    timedNode(typstOf(exampleTyp)(out));
    sizes.typst = statSync(join(out, 'cn.zh.pdf')).size;
  }
}

let w3;
if (FULL) {
  const heads = await headsOfState();
  const project = exampleTo(heads);
  const full = (jobs) => {
    const out = join(scratch, `w3-${jobs ?? 'default'}`);
    const run = timedNode(
      letter(project, '--format', 'pdf,docx', ...(jobs ? ['-j', String(jobs)] : []))(out),
    );
    const written = readdirSync(out, { recursive: true }).filter((f) =>
      /\.(pdf|docx)$/.test(String(f)),
    ).length;
    rmSync(out, { recursive: true, force: true });
    return { documents: written, ...run, documentsPerSecond: written / run.seconds };
  };
  w3 = { byDefault: full(undefined), pool: full(availableParallelism()) };
  rmSync(dirname(project), { recursive: true, force: true });
}
rmSync(dirname(twenty), { recursive: true, force: true });
rmSync(scratch, { recursive: true, force: true });

const result = {
  machine,
  typst,
  w1: { runs: RUNS, ...w1 },
  w2: { runs: BATCH_RUNS, letters, ...w2 },
  sizes,
  ...(w3 ? { w3 } : {}),
};
if (JSON_OUT) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const s = (x) => `${x.toFixed(3)} s`;
  const m = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} MiB`);
  const c = (x) => (Number.isNaN(x) ? 'n/a' : s(x));
  const line = (label, r, count) =>
    `  ${label.padEnd(28)} median ${s(r.seconds.median)}  min ${s(r.seconds.min)}  max ${s(r.seconds.max)}  CPU ${c(r.cpuSeconds.median)}  peak ${m(r.peakMiB.max)}` +
    (count ? `  ${(count / r.seconds.median).toFixed(1)} docs/s` : '');
  // CPU seconds (user + system, median) move far less with the machine's load than wall seconds: the steadier ratio.
  const cpuRatio = (a, b) =>
    Number.isNaN(a.cpuSeconds.median)
      ? ''
      : `; CPU ${(a.cpuSeconds.median / b.cpuSeconds.median).toFixed(2)}`;
  console.log(
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, node ${machine.node}, load ${machine.loadAverage}`,
  );
  console.log(`W1 one zh PDF of the example, whole process, ${RUNS} runs each`);
  console.log(line('letter', w1.ours));
  if (typst) {
    console.log(line('typst', w1.typst));
    console.log(
      `  ratio letter/typst ${(w1.ours.seconds.median / w1.typst.seconds.median).toFixed(2)}${cpuRatio(w1.ours, w1.typst)} (target ≤ 0.75)`,
    );
  }
  console.log(
    `W2 ${letters} letters (${letters / 3} recipients × en, ko, zh), one process each, ${BATCH_RUNS} runs each`,
  );
  console.log(line('letter pdf (default: 2 threads)', w2.ours, letters));
  console.log(line(`letter pdf -j ${machine.cores} (pool)`, w2.oursPool, letters));
  console.log(line('letter pdf+docx (2× docs)', w2.oursWithDocx, letters * 2));
  if (typst) {
    console.log(line('typst pdf', w2.typst, letters));
    console.log(
      `  letters/s letter (default) / typst ${(w2.typst.seconds.median / w2.ours.seconds.median).toFixed(2)}${cpuRatio(w2.typst, w2.ours)} (target ≥ 2)`,
    );
  }
  console.log(`example zh PDF: letter ${sizes.ours} bytes${typst ? `, typst ${sizes.typst} bytes` : ''}`);
  if (w3) {
    for (const [label, r] of [
      ['default (two threads from 300 letters)', w3.byDefault],
      [`-j ${machine.cores}`, w3.pool],
    ]) {
      console.log(
        `W3 ${r.documents} documents (195 heads of state × 3 × pdf, docx) ${label}: ${s(r.seconds)}, CPU ${c(r.cpuSeconds)}, ${r.documentsPerSecond.toFixed(1)} docs/s, peak ${m(r.peakMiB)} (target < 60 s, < 400 MiB)`,
      );
    }
  }
}
