/** Random Unicode in every field of letter.yaml and the locale files: no crash, no unhandled rejection, only structured errors. */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { CODES, type Diagnostic } from '../../src/diag/index.js';
import { mostlyCovered, projectData } from './arbitraries.js';
import { writeProject } from './write.js';

const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
beforeAll(() => process.on('unhandledRejection', onRejection));
afterAll(() => {
  process.off('unhandledRejection', onRejection);
});

function expectStructured(list: readonly Diagnostic[]): void {
  for (const d of list) {
    expect(CODES).toContain(d.code);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    // One terminal line per problem: a user's newline or NUL never splits or hides a message.
    expect(d.message).not.toMatch(/[\n\r\0]/);
    // Every problem in the user's input names its file; only usage errors (flags) may not.
    if (d.code !== 'usage') expect(typeof d.file, `${d.code}: ${d.message}`).toBe('string');
    if (d.line !== undefined) {
      expect(Number.isInteger(d.line) && d.line >= 1).toBe(true);
      expect(Number.isInteger(d.column) && d.column! >= 1).toBe(true);
    }
  }
}

describe('property: generated projects', () => {
  it('check never throws; its errors are structured; exit 0 or 2', async () => {
    let clean = 0;
    await fc.assert(
      fc.asyncProperty(projectData, async (project) => {
        const dir = writeProject(project);
        const result = await check({ dir });
        expect([0, 2]).toContain(result.exitCode);
        expect(result.ok).toBe(result.errors.length === 0);
        expectStructured(result.errors);
        expectStructured(result.warnings);
        expect(existsSync(join(dir, 'dist'))).toBe(false);
        if (result.ok) clean++;
      }),
      { numRuns: 50, seed: 20231210 },
    );
    // Some generated letters pass, so composing (not only the schema) met random text.
    expect(clean).toBeGreaterThan(0);
    expect(rejections).toEqual([]);
  });

  it('build never throws; a failure is exit 2 with structured errors and nothing written', async () => {
    let written = 0;
    await fc.assert(
      fc.asyncProperty(projectData, async (project) => {
        const dir = writeProject(project);
        const out = join(dir, '..', 'out');
        const result = await build({ dir, out, formats: ['pdf'], jobs: 1 });
        expectStructured(result.errors);
        if (!result.ok && result.exitCode === 2) expect(existsSync(out)).toBe(false);
        if (result.ok) expect(result.outputs.length).toBeGreaterThan(0);
        // Whatever happens, a build never writes outside its output folder.
        for (const o of result.outputs) expect(o.path.startsWith(out)).toBe(true);
        written += result.outputs.length;
      }),
      { numRuns: 30, seed: 7 },
    );
    // Some generated letters were rendered, so random text reached the PDF renderer too.
    expect(written).toBeGreaterThan(0);
    expect(rejections).toEqual([]);
  });

  it('the same random text in every locale value of a valid letter: check and build agree', async () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), mostlyCovered);
    await fc.assert(
      fc.asyncProperty(text, text, async (a, b) => {
        const dir = writeProject({
          letter: {
            data: {
              date: '2023-12-10',
              languages: ['en'],
              slug: 'l',
              to: ['cn'],
              title: 'title',
              body: [{ p: 'intro' }, 'vocative', { quote: 'plea' }],
              signatories: [{ org: b }],
            },
          },
          locales: {
            en: {
              data: {
                title: a,
                headline: a,
                intro: `${a} {{recipient.name}}`,
                plea: b,
                closing: a,
                extra: {},
              },
            },
            ko: { data: { title: '', headline: '', intro: '', plea: '', closing: '', extra: {} } },
            zh: { data: { title: '', headline: '', intro: '', plea: '', closing: '', extra: {} } },
          },
          recipients: undefined,
        });
        const checked = await check({ dir });
        expectStructured(checked.errors);
        const built = await build({ dir, out: join(dir, '..', 'out'), formats: ['pdf'], jobs: 1 });
        expectStructured(built.errors);
        // What check lets through builds; what check stops, build stops before writing.
        if (checked.ok) expect(built.exitCode, JSON.stringify(built.errors)).toBe(0);
        else expect(built.exitCode).toBe(2);
      }),
      { numRuns: 20, seed: 42 },
    );
    expect(rejections).toEqual([]);
  });
});
