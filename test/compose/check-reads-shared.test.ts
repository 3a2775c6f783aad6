/**
 * A build checks every language's text before it composes the letters (pipeline/prepare.ts), and the letters reuse
 * check's reads (check/texts.ts with the composer's translations and TextMemo): only a value no recipient can change,
 * in the same role and context, is reused. The letters come out the same and report the same problems as when composed
 * without check before them.
 */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Composer, loadProject, planJobs } from '../../src/index.js';
import { textErrors } from '../../src/check/texts.js';
import { fontBookFor } from '../../src/fonts/index.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { tempDir } from '../support/tools.js';
import { setLocaleValues } from './project.js';

const CREATED = new Date('2023-12-10T00:00:00Z');

function exampleTo(ids: readonly string[]): string {
  const dir = join(tempDir('letter-check-reads-'), 'letter');
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const file = join(dir, 'letter.yaml');
  const yaml = readFileSync(file, 'utf8');
  const replaced = yaml.replace(/^to:\n(?: {2}.*\n)+/m, `to: [${ids.join(', ')}]\n`);
  expect(replaced).not.toBe(yaml);
  writeFileSync(file, replaced);
  return dir;
}

function outcome(composer: Composer, job: Parameters<Composer['compose']>[0]) {
  try {
    return { doc: composer.compose(job) };
  } catch (e) {
    return { diagnostics: (e as { diagnostics?: unknown }).diagnostics };
  }
}

/** Each letter composed after check read the text with the composer's tables, and by a composer with no check before. */
function composedAfterCheck(dir: string) {
  const project = loadProject({ dir, toolDir: TOOL_DIR });
  const fonts = fontBookFor(project.fonts);
  const checked = new Composer({ project, fonts, created: CREATED });
  const errors = textErrors(project, fonts, project.letter.languages, checked);
  const afterCheck = { ...checked.texts.counts };
  const plain = new Composer({ project, fonts, created: CREATED });
  const jobs = planJobs(project, { formats: ['pdf'] });
  const pairs = jobs.map((job) => ({
    key: `${job.recipient.id} ${job.lang}`,
    checked: outcome(checked, job),
    plain: outcome(plain, job),
  }));
  return { errors, afterCheck, counts: checked.texts.counts, plain: plain.texts.counts, pairs };
}

describe("the letters reuse check's reads of text no recipient changes", () => {
  it('twenty recipients in three languages: the same documents, fewer reads', () => {
    const run = composedAfterCheck(exampleTo(['fr', 'gb', 'va', 'us', 'un', 'jp', 'de']));
    expect(run.errors).toEqual([]);
    for (const { key, checked, plain } of run.pairs) {
      expect(checked.doc, key).toBeDefined();
      expect(checked, key).toEqual(plain);
    }
    // Check read each body key once per language and remembered those without a placeholder.
    expect(run.afterCheck.read).toBeGreaterThan(30);
    // The letters made fewer reads of their own than with no check before them: check's stood for theirs.
    const ownReads = run.counts.read - run.afterCheck.read;
    expect(ownReads).toBeLessThan(run.plain.read - 30);
    expect(run.counts.reused).toBeGreaterThan(run.plain.reused);
  });

  it('a value with a placeholder is not reused: each letter still reports its unknown placeholder', () => {
    const dir = exampleTo(['fr', 'gb']);
    for (const lang of ['en', 'ko', 'zh'] as const) {
      const data = JSON.parse(readFileSync(join(dir, 'locales', lang, 'letter.json'), 'utf8')) as Record<
        string,
        string
      >;
      setLocaleValues(dir, lang, { reports: `${data['reports']} {{recipient.nme}}` });
    }
    const run = composedAfterCheck(dir);
    // Check reads without a recipient and leaves placeholders to the letters.
    expect(run.errors).toEqual([]);
    for (const { key, checked, plain } of run.pairs) {
      expect(checked, key).toEqual(plain);
      const codes = (checked.diagnostics as { code: string }[] | undefined)?.map((d) => d.code);
      expect(codes, key).toContain('unknown-placeholder');
    }
  });

  it('a value with an uncovered character is not reused: each letter reports it', () => {
    const dir = exampleTo(['fr']);
    const data = JSON.parse(readFileSync(join(dir, 'locales', 'en', 'letter.json'), 'utf8')) as Record<
      string,
      string
    >;
    setLocaleValues(dir, 'en', { intro: `${data['intro']} ሀ` });
    const run = composedAfterCheck(dir);
    expect(run.errors.map((d) => d.code)).toEqual(['uncovered-character']);
    const en = run.pairs.find((p) => p.key === 'fr en')!;
    expect(en.checked).toEqual(en.plain);
    expect((en.checked.diagnostics as { code: string }[]).map((d) => d.code)).toContain(
      'uncovered-character',
    );
  });
});
