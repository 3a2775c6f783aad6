/**
 * The command line's own mistakes (issue 18): each message quotes the value it rejects, a did-you-mean only when the
 * typo is likely, one error for one mistake, exit 2 and nothing written; the same in text and with --json.
 */

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterCli, tempDir } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

interface JsonError {
  code: string;
  message: string;
  hint: string | null;
  value?: string;
}

/** ARGS with `flags` (and for a build `-o OUT`) right after the command, never taken as the value of an option under test. */
function withOut(args: readonly string[], out: string, flags: string[] = []): string[] {
  const [command, ...rest] = args;
  return [command!, ...flags, ...(command === 'build' ? ['-o', out] : []), ...rest];
}

/** `letter ARGS --json` that must fail with usage errors: exit 2, nothing written, the errors and warnings. */
function failingJson(args: readonly string[]): { errors: JsonError[]; warnings: JsonError[] } {
  const out = join(tempDir('letter-cli-values-'), 'out');
  const r = letterCli(withOut(args, out, ['--json']));
  expect(r.status).toBe(2);
  expect(existsSync(out)).toBe(false);
  expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
  const report = JSON.parse(r.stdout) as { errors: JsonError[]; warnings?: JsonError[] };
  return { errors: report.errors, warnings: report.warnings ?? [] };
}

/** The same command without --json: exit 2, and stderr's lines. */
function failingText(args: readonly string[]): string[] {
  const out = join(tempDir('letter-cli-values-'), 'out');
  const r = letterCli(withOut(args, out));
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(existsSync(out)).toBe(false);
  return r.stderr.trimEnd().split('\n');
}

describe('a --lang the project has no text for', () => {
  it("is one error quoting it, with 'ko' for 'kr', and no missing key or warning for that language", () => {
    const { errors, warnings } = failingJson(['build', EXAMPLE, '--lang', 'kr']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'usage', value: 'kr' });
    expect(errors[0]!.message).toContain("'kr'");
    expect(errors[0]!.hint).toMatch(/^did you mean 'ko'\?/);
    expect(warnings).toEqual([]);
    const lines = failingText(['build', EXAMPLE, '--lang', 'kr']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("no text for language 'kr'");
  });

  it('beside a good one, only the bad one is reported', () => {
    const { errors } = failingJson(['build', EXAMPLE, '--lang', 'en,fr']);
    expect(errors.map((e) => e.value)).toEqual(['fr']);
    expect(errors[0]!.hint).not.toContain('did you mean');
    expect(errors[0]!.hint).toContain('locales/fr/letter.json');
  });

  it("letter recipients --lang kr quotes it and means 'ko'", () => {
    const [line] = failingText(['recipients', 'cn', '--lang', 'kr']);
    expect(line).toContain("unknown language 'kr' given to --lang — did you mean 'ko'?");
  });
});

describe('--format', () => {
  it.each([
    ['pfd', "did you mean 'pdf'?"],
    ['docs', "did you mean 'docx'?"],
    ['odt', "use one of 'pdf', 'docx'"],
    ['html', "use one of 'pdf', 'docx'"],
  ])("'%s' is quoted, hint %s", (format, hint) => {
    const { errors } = failingJson(['build', EXAMPLE, '--format', `pdf,${format}`]);
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'usage',
        message: `unknown format '${format}' given to --format`,
        hint,
        value: format,
      }),
    ]);
  });
});

describe('values of other options', () => {
  it.each([
    [['-j', 'two'], "--jobs 'two' is not a positive whole number"],
    [['--shard', '3/2'], "--shard '3/2' is not K/N"],
  ])('%j is quoted', (args, message) => {
    const { errors } = failingJson(['build', EXAMPLE, ...args]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toContain(message);
    expect(errors[0]!.value).toBe(args[1]);
  });
});

describe("commander's parse errors, built from its error code", () => {
  it('an unknown command is quoted, with the command meant only when near', () => {
    expect(failingText(['bild'])).toEqual(["unknown command 'bild' — did you mean 'build'?"]);
    expect(failingText(['publish'])[0]).toBe(
      "unknown command 'publish' — the commands are build, check, init, recipients, verify, manifest",
    );
    expect(failingText(['manifest', 'mrege'])).toEqual(["unknown command 'mrege' — did you mean 'merge'?"]);
  });

  it('an unknown option is quoted, with the option meant when near, and never its value', () => {
    expect(failingJson(['build', EXAMPLE, '--formt', 'pdf']).errors[0]).toMatchObject({
      message: "unknown option '--formt'",
      hint: "did you mean '--format'?",
    });
    expect(failingText(['build', EXAMPLE, '--colour=red'])).toEqual([
      "unknown option '--colour=…' — see `letter build --help` for the arguments and options",
    ]);
    expect(failingText(['build', EXAMPLE, '-Zsecret'])[0]).toMatch(/^unknown option '-Z…'/);
  });

  it('no command (the help is shown) says a command is missing, not an internal code', () => {
    // It said "the command line is not understood (commander.help)".
    const r = letterCli([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Usage: letter');
    expect(r.stderr.trimEnd().split('\n').pop()).toBe(
      'letter needs a command — the commands are build, check, init, recipients, verify, manifest; e.g. `letter build --help`',
    );
    expect(letterCli(['manifest']).stderr.trimEnd().split('\n').pop()).toBe(
      'letter manifest needs a command — the commands are merge; e.g. `letter manifest merge --help`',
    );
  });

  it('a missing option value, a missing or extra argument name what is wrong', () => {
    expect(failingText(['build', EXAMPLE, '--lang'])).toEqual([
      '--lang needs a value — give it as -l, --lang <list>',
    ]);
    expect(failingText(['manifest', 'merge'])[0]).toMatch(/^letter manifest merge needs <files>/);
    expect(failingText(['check', EXAMPLE, 'extra'])[0]).toMatch(
      /^letter check takes one argument, given more/,
    );
  });
});

describe('a list option that names nothing', () => {
  // `--to ""` (an unset CI variable) built no document, wrote an empty manifest and exited 0: "everything written".
  it.each([
    [['--to', ''], "--to '' names nothing"],
    [['--to', ','], "--to ',' names nothing"],
    [['--lang', ' '], "--lang ' ' names nothing"],
    [['--format', ''], "--format '' names nothing"],
  ])('%j is a usage error, exit 2, nothing written', (args, message) => {
    const { errors } = failingJson(['build', EXAMPLE, ...args]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'usage', value: args[1] });
    expect(errors[0]!.message).toBe(message);
    expect(failingText(['build', EXAMPLE, ...args])[0]).toMatch(new RegExp(`^${message}`));
  });
});

describe('a shard that holds none of the documents', () => {
  it('says so on stderr (exit 0, an empty manifest for manifest merge), instead of printing nothing', () => {
    const out = join(tempDir('letter-empty-shard-'), 'out');
    const r = letterCli(['build', EXAMPLE, '-o', out, '-l', 'en', '-f', 'pdf', '--shard', '3/5']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `letter: shard 3/5 holds none of the documents; wrote ${join(out, 'manifest.json')}`,
    );
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).files).toEqual([]);
    const quiet = letterCli([
      'build',
      EXAMPLE,
      '-o',
      out,
      '-l',
      'en',
      '-f',
      'pdf',
      '--shard',
      '3/5',
      '--quiet',
    ]);
    expect(quiet.stderr).toBe('');
  });
});
