/** Planning: which documents a build makes (recipients × languages × formats), in a stable order, optionally one shard of it. */

import { createHash } from 'node:crypto';
import { languageHint, LetterError, problem, shown, unknownChoice, type Diagnostic } from '../diag/index.js';
import type { Lang } from '../model/index.js';
import type { Format, Project, RecipientRef } from '../load/index.js';
import { FORMATS } from '../load/index.js';

/** One document to make. */
export interface Job {
  /** Position in the whole (unsharded) job list; stable for the same inputs. */
  readonly index: number;
  readonly recipient: RecipientRef;
  readonly lang: Lang;
  readonly format: Format;
  /** Output path relative to the output folder: `<recipient>/<slug>.<lang>.<format>`. */
  readonly output: string;
}

export interface Shard {
  /** 1-based shard number. */
  readonly k: number;
  readonly n: number;
}

export interface PlanOptions {
  /** Languages to build instead of letter.yaml's. */
  readonly langs?: readonly Lang[];
  readonly formats?: readonly Format[];
  /** Recipient ids to build for instead of letter.yaml's `to`. */
  readonly to?: readonly string[];
  readonly shard?: Shard;
}

/** Which whole job list a shard is part of, so that shards of different command lines never merge. */
export interface JobListIdentity {
  /** Documents in the whole (unsharded) list. */
  readonly documents: number;
  /** sha256 over the output paths in job order: the order decides each job's shard, so it is part of the identity. */
  readonly sha256: string;
}

/** The job list, or one shard of it; a usage problem (unknown language or format) is a LetterError. */
export function planJobs(project: Project, opts: PlanOptions = {}): Job[] {
  const { shard, ...whole } = opts;
  const jobs = planWholeList(project, whole);
  return shard ? shardJobs(jobs, shard) : jobs;
}

/**
 * The K-th of N parts of a whole job list. Round robin by position in the whole list: every shard gets a like share of
 * each language and format (so of the slow CJK documents), and a job's shard depends only on the inputs, never on the
 * machine that builds it.
 */
export function shardJobs(jobs: readonly Job[], shard: Shard): Job[] {
  return jobs.filter((job) => job.index % shard.n === shard.k - 1);
}

/** The identity of a whole job list (as planJobs returns it without a shard). */
export function jobListIdentity(jobs: readonly Job[]): JobListIdentity {
  const hash = createHash('sha256');
  for (const job of jobs) hash.update(`${job.output}\n`);
  return { documents: jobs.length, sha256: hash.digest('hex') };
}

function planWholeList(project: Project, opts: Omit<PlanOptions, 'shard'>): Job[] {
  const { letter } = project;
  const problems: Diagnostic[] = [];
  const langs = opts.langs ?? letter.languages;
  if (!langs.length)
    problems.push(
      problem(
        'usage',
        'no languages to build',
        project.locateLetter(['languages']),
        'add locales/<lang>/letter.json or list `languages:` in letter.yaml',
      ),
    );
  for (const lang of opts.langs ?? []) {
    if (project.texts.has(lang)) continue;
    const guess = languageHint(lang, [...project.texts.keys()]);
    problems.push(
      problem(
        'usage',
        `no text for language '${shown(lang)}' (locales/${shown(lang)}/letter.json)`,
        { value: lang },
        guess ??
          `languages with text: ${[...project.texts.keys()].join(', ') || 'none'}; to add one, write locales/${shown(lang)}/letter.json`,
      ),
    );
  }
  const formats = opts.formats ?? letter.formats;
  for (const f of formats)
    if (!FORMATS.includes(f)) problems.push(unknownChoice('usage', 'format', f, FORMATS));
  if (problems.length) throw new LetterError(problems);
  // The same id twice on a command line (`--to cn,CN`) is one request: ids are lower case (the directory's and, by the
  // schema, the project's), so `CN` is `cn` and never a second folder. letter.yaml's `to` has no duplicates (load refuses them).
  const requested = opts.to ? [...new Set(opts.to.map((id) => id.trim().toLowerCase()))] : undefined;
  const recipients = requested
    ? requested.map((id) => letter.to.find((r) => r.id === id) ?? { id, path: [] })
    : letter.to;
  const jobs: Job[] = [];
  const outputs = new Set<string>();
  for (const recipient of recipients) {
    for (const lang of [...new Set(langs)]) {
      for (const format of [...new Set(formats)]) {
        const output = `${recipient.id}/${letter.slug}.${lang}.${format}`;
        // Two jobs writing one file would lose a letter without a word: the inputs above make this impossible.
        if (outputs.has(output)) throw new Error(`internal: two documents planned for ${output}`);
        outputs.add(output);
        jobs.push({ index: jobs.length, recipient, lang, format, output });
      }
    }
  }
  return jobs;
}

/** Parses `K/N` (1 ≤ K ≤ N). */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const k = Number(m[1]);
  const n = Number(m[2]);
  return k >= 1 && n >= 1 && k <= n ? { k, n } : undefined;
}
