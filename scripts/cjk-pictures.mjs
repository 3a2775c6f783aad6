#!/usr/bin/env node
// The before/after pictures of docs/cjk-typesetting.md: page 1 of the example's Korean and Chinese PDFs, and one
// paragraph of each enlarged, with a dotted line at the right edge of the text block so ragged and justified lines show.
//
//   npm run build && npm run pictures:cjk                      # "after" from this tree (after a typesetting change)
//   npm run pictures:cjk -- --before-commit 2b845ab            # also "before", built from that commit (the last before
//                                                              # justification; --before-out DIR reuses its built PDFs)
//
// "before" is built in a temporary git worktree of the commit (its own hard-linked node_modules, removed afterwards).
// Both are built with SOURCE_DATE_EPOCH, so the same tree gives the same pictures. Needs poppler-utils (pdftoppm).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'docs', 'images');
const EXAMPLE = 'examples/open-letter-2023';
const env = { ...process.env, SOURCE_DATE_EPOCH: '1702166400' };
/** The example is A4 with 72 pt margins: its text block's right edge, in points. */
const MEASURE_RIGHT = 595.28 - 72;
const MEASURE_LEFT = 72;
/** Full pages: readable, and under 300 KB each. Details: one paragraph, large enough to see each gap. */
const PAGE_DPI = 80;
const DETAIL_DPI = 130;
/** The paragraph each detail shows: Latin words and digits among CJK, where the two versions differ most. */
const DETAIL = { zh: '中国遣返朝鲜人所援引的依据', ko: '중국의 북한 주민 송환은' };

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const beforeCommit = option('--before-commit');
/** An output folder the before commit already built (cn/open-letter-2023.{ko,zh}.pdf), instead of building it again. */
const beforeOut = option('--before-out');
const work = mkdtempSync(join(tmpdir(), 'letter-cjk-pictures-'));
try {
  pictures('after', buildExample(ROOT, join(work, 'after')));
  if (beforeCommit) pictures('before', buildBefore(beforeCommit));
  else if (beforeOut) pictures('before', beforeOut);
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Builds the example's ko and zh PDFs with the tree at `tree` (its dist/ must be built); returns the output folder. */
function buildExample(tree, out) {
  execFileSync(
    process.execPath,
    [
      join(tree, 'bin', 'letter.js'),
      'build',
      join(tree, EXAMPLE),
      '--lang',
      'ko,zh',
      '--format',
      'pdf',
      '--out',
      out,
    ],
    { env, stdio: 'inherit' },
  );
  return out;
}

function buildBefore(commit) {
  const tree = join(work, 'before-src');
  execFileSync('git', ['worktree', 'add', '--detach', tree, commit], { cwd: ROOT, stdio: 'inherit' });
  try {
    execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(tree, 'node_modules')]);
    execFileSync('npm', ['run', 'build'], { cwd: tree, stdio: 'ignore' });
    return buildExample(tree, join(work, 'before'));
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT, stdio: 'inherit' });
  }
}

/** Points to pixels at `dpi`. */
function pt(points, dpi) {
  return Math.round((points * dpi) / 72);
}

function pictures(version, out) {
  for (const lang of ['zh', 'ko']) {
    const pdf = join(out, 'cn', `open-letter-2023.${lang}.pdf`);
    const page = render(pdf, PAGE_DPI);
    dottedLine(page, pt(MEASURE_RIGHT, PAGE_DPI), 0, page.height);
    save(page, `cjk-${lang}-${version}.png`);
    const block = paragraphBox(pdf, DETAIL[lang]);
    const big = render(pdf, DETAIL_DPI);
    const margin = 8; // points around the text block
    const detail = crop(
      big,
      pt(MEASURE_LEFT - margin, DETAIL_DPI),
      pt(block.yMin - margin, DETAIL_DPI),
      pt(MEASURE_RIGHT + margin, DETAIL_DPI),
      pt(block.yMax + margin, DETAIL_DPI),
    );
    dottedLine(
      detail,
      pt(MEASURE_RIGHT, DETAIL_DPI) - pt(MEASURE_LEFT - margin, DETAIL_DPI),
      0,
      detail.height,
    );
    save(detail, `cjk-${lang}-${version}-detail.png`);
  }
}

/** Page 1 as a grayscale picture. */
function render(pdf, dpi) {
  const prefix = join(work, `r${Math.random().toString(36).slice(2)}`);
  execFileSync('pdftoppm', [
    '-r',
    String(dpi),
    '-gray',
    '-png',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdf,
    prefix,
  ]);
  return PNG.sync.read(readFileSync(`${prefix}.png`));
}

/** The box (points) of the paragraph on page 1 that starts with `snippet`: its first line and those that follow it closely. */
function paragraphBox(pdf, snippet) {
  const xml = execFileSync('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', pdf, '-'], {
    encoding: 'utf8',
  });
  const lines = [
    ...xml.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g),
  ].map((m) => ({
    yMin: Number(m[1]),
    yMax: Number(m[2]),
    text: [...m[3].matchAll(/<word [^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
  }));
  const first = lines.findIndex((l) => l.text.startsWith(snippet.replace(/\s/g, '')));
  if (first < 0) throw new Error(`${pdf}: no line starts with "${snippet}" on page 1`);
  let last = first;
  // Lines of one paragraph follow each other at the line pitch; the next paragraph starts after a larger gap.
  const pitch = lines[first + 1].yMin - lines[first].yMin;
  while (lines[last + 1] && lines[last + 1].yMin - lines[last].yMin <= pitch * 1.1) last++;
  return { yMin: lines[first].yMin, yMax: lines[last].yMax };
}

function crop(png, x0, y0, x1, y1) {
  const out = new PNG({ width: x1 - x0, height: y1 - y0 });
  PNG.bitblt(png, out, x0, y0, x1 - x0, y1 - y0, 0, 0);
  return out;
}

/** A dotted mid-grey vertical line: the right edge of the text block, drawn on the picture, not in the PDF. */
function dottedLine(png, x, y0, y1) {
  for (let y = y0; y < y1; y++) {
    if (y % 4 >= 2) continue;
    const i = (y * png.width + x) * 4;
    png.data[i] = png.data[i + 1] = png.data[i + 2] = Math.min(png.data[i], 110);
  }
}

function save(png, name) {
  const file = join(OUT, name);
  writeFileSync(file, PNG.sync.write(png, { colorType: 0 }));
  console.log(`${file} (${Math.round(readFileSync(file).length / 1024)} KB)`);
}
