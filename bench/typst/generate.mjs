// Typst sources for the benchmark: each (recipient, language) of a letter project composed by letter's own library
// (dist/, so `npm run build` first) and written as a .typ file, so that Typst sets exactly the text we set.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { typstSource } from './source.mjs';

const DIST = join(import.meta.dirname, '..', '..', 'dist');

/**
 * Writes one .typ per letter of the project (optionally only these languages / recipients) into `outDir`; returns the
 * file paths in job order.
 */
export async function writeTypstSources(projectDir, outDir, { langs, to } = {}) {
  const { loadProject, planJobs, Composer } = await import(join(DIST, 'index.js'));
  const { toolFontBook } = await import(join(DIST, 'fonts', 'index.js'));
  const { TOOL_DIR } = await import(join(DIST, 'tool', 'index.js'));
  const project = loadProject({ dir: projectDir, toolDir: TOOL_DIR });
  const jobs = planJobs(project, { formats: ['pdf'], ...(langs ? { langs } : {}), ...(to ? { to } : {}) });
  const composer = new Composer({
    project,
    fonts: toolFontBook(),
    created: new Date(`${project.letter.date}T00:00:00Z`),
  });
  mkdirSync(outDir, { recursive: true });
  return jobs.map((job) => {
    const file = join(outDir, `${job.recipient.id}.${job.lang}.typ`);
    writeFileSync(file, typstSource(composer.compose(job)));
    return file;
  });
}
