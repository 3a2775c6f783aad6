/** Every bad input of the corpus through the real CLI: exit 2, the right code at the right file:line:col, nothing written. */

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterCli } from '../support/tools.js';
import { letterAsync } from './cli.js';
import { CASES as BASE_CASES, type Case } from './cases.js';
import { HARDENING_CASES } from './hardening.js';
import { CorpusProject } from './project.js';

interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  hint: string | null;
}

const CASES = [...BASE_CASES, ...HARDENING_CASES];
const DEFAULT_ARGS = ['--format', 'pdf', '--lang', 'en'];

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

function expectDiagnostic(found: readonly JsonDiagnostic[], c: Case): void {
  const { code, file, line, column, message, hint } = c.expect;
  const match = found.find(
    (d) => d.code === code && d.file === file && d.line === line && d.column === column,
  );
  expect(
    match,
    `no ${code} at ${file}:${line}:${column} among\n${JSON.stringify(found, null, 1)}`,
  ).toBeDefined();
  if (message) expect(match!.message).toMatch(message);
  if (hint) expect(match!.hint ?? '').toMatch(hint);
}

describe('bad-input corpus: letter build', () => {
  it('has at least 30 cases with distinct names', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it('the unbroken base project builds (so each case fails for its own reason)', () => {
    const p = new CorpusProject();
    const out = join(p.dir, '..', 'out');
    const r = letterCli(['build', p.dir, ...DEFAULT_ARGS, '--out', out]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'cn', 'corpus-letter.en.pdf'))).toBe(true);
    const checked = letterCli(['check', p.dir, '--json']);
    expect(checked.status, checked.stdout).toBe(0);
  });

  describe.concurrent('each case', () => {
    for (const c of CASES) {
      it(c.name, async () => {
        const p = new CorpusProject();
        c.setup(p);
        const before = listing(p.dir);
        const out = join(p.dir, '..', 'out');
        const r = await letterAsync(['build', p.dir, ...(c.args ?? DEFAULT_ARGS), '--out', out, '--json']);
        expect(r.status, r.stderr).toBe(2);
        expect(r.stderr).not.toMatch(/^\s+at /m);
        expect(r.stderr).not.toMatch(/internal error/);
        // A file outside the project that a link leads to is never read into a document or a message.
        expect(r.stdout + r.stderr).not.toContain('SECRET-OUTSIDE');
        const report = JSON.parse(r.stdout) as { ok: boolean; errors: JsonDiagnostic[]; outputs: unknown[] };
        expect(report.ok).toBe(false);
        expect(report.outputs).toEqual([]);
        expectDiagnostic(report.errors, c);
        for (const d of report.errors) expect(d.message.length).toBeGreaterThan(0);
        // Nothing written: no output folder, and the project folder is as it was.
        expect(existsSync(out)).toBe(false);
        expect(listing(p.dir)).toEqual(before);
      });
    }
  });
});

describe.concurrent('bad-input corpus: letter check --json gives the same error, and a terminal gets one line per problem', () => {
  for (const c of CASES.filter((k) => k.json)) {
    it(c.name, async () => {
      const p = new CorpusProject();
      c.setup(p);
      const before = listing(p.dir);
      const r = await letterAsync(['check', p.dir, '--json']);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout + r.stderr).not.toContain('SECRET-OUTSIDE');
      const report = JSON.parse(r.stdout) as { ok: boolean; errors: JsonDiagnostic[] };
      expect(report.ok).toBe(false);
      expectDiagnostic(report.errors, c);

      // On a terminal: `file:line:col: message — hint`, one line each, no stack trace.
      const plain = await letterAsync(['check', p.dir]);
      expect(plain.status).toBe(2);
      const { file, line, column } = c.expect;
      const lines = plain.stderr.trimEnd().split('\n');
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`^${escape(`${file}:${line}:${column}: `)}`)),
      );
      expect(lines.length).toBe(
        report.errors.length +
          report.errors.length * 0 +
          (JSON.parse(r.stdout) as { warnings: unknown[] }).warnings.length,
      );
      expect(plain.stderr).not.toMatch(/^\s+at /m);
      expect(listing(p.dir)).toEqual(before);
    });
  }
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
