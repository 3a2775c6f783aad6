/** The CLI's failures as a user meets them: one JSON object for every `--json` outcome, usable -o errors, hints, plurals. */

import { cpSync, existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterCli, tempDir } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

interface JsonError {
  code: string;
  message: string;
  hint: string | null;
  file: string | null;
  line: number | null;
  column: number | null;
}
interface JsonReport {
  ok: boolean;
  outputs?: unknown[];
  errors: JsonError[];
}

/** The whole of stdout must be one JSON object: JSON.parse fails on text before or after it. */
function onlyJson(stdout: string): JsonReport {
  const report = JSON.parse(stdout) as JsonReport;
  expect(typeof report).toBe('object');
  expect(Array.isArray(report)).toBe(false);
  return report;
}

/** Exit 2, one JSON object with ok:false and a usage error that has a hint, no stack trace anywhere. */
function expectUsageJson(r: { status: number; stdout: string; stderr: string }): JsonError {
  expect(r.status).toBe(2);
  const report = onlyJson(r.stdout);
  expect(report.ok).toBe(false);
  expect(report.errors.length).toBeGreaterThan(0);
  const [error] = report.errors;
  expect(error!.code).toBe('usage');
  expect(error!.hint).toEqual(expect.any(String));
  expect(error!.hint!.length).toBeGreaterThan(0);
  expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain('internal error');
  return error!;
}

describe('letter build --json with a usage error', () => {
  it.each([
    [['-f', 'odt'], /unknown format 'odt'/],
    [['-j', '0'], /--jobs '0'/],
    [['--shard', '3/2'], /--shard '3\/2'/],
    [['--sign'], /--sign needs --p12/],
    [['--bogus'], /unknown option '--bogus'/],
    [['--lang'], /--lang needs a value/],
  ])('%j: exit 2, one JSON object naming the problem, nothing written', (args, message) => {
    const out = join(tempDir('letter-cli-usage-'), 'out');
    const r = letterCli(['build', EXAMPLE, '-o', out, '--json', ...args]);
    const error = expectUsageJson(r);
    expect(error.message).toMatch(message);
    expect(onlyJson(r.stdout).outputs).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it('--json before the folder counts too, and commander prints no text of its own', () => {
    const r = letterCli(['build', '--json', EXAMPLE, '--bogus']);
    expectUsageJson(r);
    expect(r.stderr).toBe('');
  });

  it('without --json the same error is text on stderr and stdout stays empty', () => {
    const r = letterCli(['build', EXAMPLE, '--bogus']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("unknown option '--bogus'");
  });
});

describe('check, verify and recipients with --json', () => {
  it("check: SPEC §8's object {ok, outputs, errors}, outputs empty (check writes nothing), for a good and a bad project", () => {
    const good = letterCli(['check', EXAMPLE, '--json']);
    expect(good.status).toBe(0);
    expect(onlyJson(good.stdout)).toMatchObject({ ok: true, outputs: [], errors: [] });
    const bad = letterCli(['check', join(tempDir('letter-cli-check-json-'), 'absent'), '--json']);
    expect(bad.status).toBe(2);
    expect(onlyJson(bad.stdout)).toMatchObject({ ok: false, outputs: [] });
    expect(onlyJson(bad.stdout).errors.length).toBeGreaterThan(0);
    expect(onlyJson(letterCli(['check', EXAMPLE, '--json', '--bogus']).stdout).outputs).toEqual([]);
  });

  it('check: an unknown option is one JSON object', () => {
    expect(expectUsageJson(letterCli(['check', EXAMPLE, '--json', '--bogus'])).message).toContain('--bogus');
  });

  it('verify: no files is one JSON object', () => {
    expect(expectUsageJson(letterCli(['verify', '--json'])).message).toContain('give files to verify');
  });

  it('verify: {ok, outputs, errors} for a file that verifies, one that does not, and one that is no letter', () => {
    const out = join(tempDir('letter-cli-verify-json-'), 'out');
    expect(letterCli(['build', EXAMPLE, '-o', out, '-l', 'en', '-f', 'pdf']).status).toBe(0);
    const pdf = join(out, 'cn', 'open-letter-2023.en.pdf');
    const unsigned = letterCli(['verify', pdf, '--json']);
    expect(unsigned.status).toBe(1);
    expect(onlyJson(unsigned.stdout)).toMatchObject({ ok: false, outputs: [], errors: [] });
    const manifest = letterCli(['verify', '--manifest', join(out, 'manifest.json'), '--json']);
    expect(manifest.status).toBe(0);
    expect(onlyJson(manifest.stdout)).toMatchObject({ ok: true, outputs: [], errors: [] });
    const notLetter = letterCli(['verify', join(out, 'manifest.json'), '--json']);
    expect(notLetter.status).toBe(2);
    expect(onlyJson(notLetter.stdout)).toMatchObject({ ok: false, outputs: [] });
    expect(onlyJson(notLetter.stdout).errors[0]?.file).toBe(join(out, 'manifest.json'));
  });

  it('recipients: a missing option argument is one JSON object', () => {
    expect(expectUsageJson(letterCli(['recipients', '--json', '--lang'])).message).toContain('--lang');
  });

  it('every command that failed before its result answers with the keys of SPEC §8, outputs included', () => {
    for (const args of [
      ['recipients', '--json', '--lang', 'xx'],
      ['verify', '--json'],
      ['check', '--json', '--bogus'],
      ['build', '--json', '--bogus'],
    ]) {
      const report = onlyJson(letterCli(args).stdout);
      expect(report, args.join(' ')).toMatchObject({ ok: false, outputs: [] });
      expect(report.errors.length, args.join(' ')).toBeGreaterThan(0);
    }
  });
});

describe('an output folder that cannot be used', () => {
  it('-o naming an existing file: exit 2, a usage error naming it, the file untouched, no trace', () => {
    const dir = tempDir('letter-cli-out-file-');
    const file = join(dir, 'x');
    writeFileSync(file, '');
    const r = letterCli(['build', EXAMPLE, '-o', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`the output folder '${file}' is a file`);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(file, 'utf8')).toBe('');
    expect(readdirSync(dir)).toEqual(['x']);
  });

  it('-o under a file: exit 2, the --json error names the folder and the file in the way', () => {
    const dir = tempDir('letter-cli-out-under-');
    writeFileSync(join(dir, 'x'), '');
    const error = expectUsageJson(letterCli(['build', EXAMPLE, '-o', join(dir, 'x', 'sub'), '--json']));
    expect(error.message).toContain(`cannot create the output folder '${join(dir, 'x', 'sub')}'`);
    expect(error.message).toContain(`${join(dir, 'x')} is a file`);
    expect(readdirSync(dir)).toEqual(['x']);
  });
});

describe('an output folder behind a loop of links', () => {
  it('-o through a link to itself: exit 2, a usage error naming the path, no trace', () => {
    const dir = tempDir('letter-cli-out-loop-');
    symlinkSync(join(dir, 'loop'), join(dir, 'loop'));
    const error = expectUsageJson(letterCli(['build', EXAMPLE, '-o', join(dir, 'loop', 'out'), '--json']));
    expect(error.message).toMatch(/cannot use the output folder .*ELOOP/);
    expect(readdirSync(dir)).toEqual(['loop']);
  });
});

describe('words a reader sees', () => {
  it('one document written is "1 document", not "1 documents"', () => {
    const out = join(tempDir('letter-cli-one-'), 'out');
    const r = letterCli(['build', EXAMPLE, '-o', out, '--lang', 'en', '--format', 'pdf']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('letter: wrote 1 document and ');
    expect(r.stderr).not.toContain('1 documents');
  });

  it.each([
    ['paper: A4', 'paper: A5', "'A4'"],
    ['register: open-letter', 'register: friendly', "'open-letter'"],
  ])('a schema enum error (%s → %s) carries a hint with the allowed values', (from, to, allowed) => {
    const dir = join(tempDir('letter-cli-enum-'), 'letter');
    cpSync(EXAMPLE, dir, { recursive: true });
    const yaml = readFileSync(join(dir, 'letter.yaml'), 'utf8');
    expect(yaml).toContain(from);
    writeFileSync(join(dir, 'letter.yaml'), yaml.replace(from, to));
    const r = letterCli(['check', dir, '--json']);
    expect(r.status).toBe(2);
    const schema = onlyJson(r.stdout).errors.find((e) => e.code === 'schema');
    expect(schema?.line).toEqual(expect.any(Number));
    expect(schema?.hint).toContain(allowed);
  });
});
