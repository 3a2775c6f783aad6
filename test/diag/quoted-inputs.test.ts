/**
 * The sweep of issue 18: messages that rejected a user's value without quoting it now quote it (escaped, cut at 60
 * characters); a URL's user name and password are never quoted.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, init, isLetterError, loadProject, verify, type Diagnostic } from '../../src/index.js';
import { shownUrl } from '../../src/diag/index.js';
import { requestTimeStamp } from '../../src/sign/tsp.js';
import { buildInstant, TOOL_DIR } from '../../src/tool/index.js';
import { editFile, exampleCopy } from '../compose/project.js';
import { tempDir } from '../support/tools.js';

/** The diagnostics a call throws as a LetterError. */
async function thrown(run: () => unknown): Promise<Diagnostic[]> {
  try {
    await run();
  } catch (e) {
    if (isLetterError(e)) return [...e.diagnostics];
    throw e;
  }
  throw new Error('test setup: no LetterError was thrown');
}

async function checkErrors(dir: string): Promise<Diagnostic[]> {
  const result = await check({ dir });
  expect(result.exitCode).toBe(2);
  return [...result.errors];
}

describe("a project's files", () => {
  it('a date that is no calendar day is quoted', async () => {
    const dir = exampleCopy();
    editFile(dir, 'letter.yaml', 'date: 2023-12-10', 'date: 2023-02-30');
    const [d] = await checkErrors(dir);
    expect(d).toMatchObject({ message: "date '2023-02-30' is not a calendar date", value: '2023-02-30' });
  });

  it('a locale value that is not a string is quoted', async () => {
    const dir = exampleCopy();
    editFile(dir, 'locales/en/letter.json', '"title": ', '"title": 2023, "x": ');
    const [d] = await checkErrors(dir);
    expect(d).toMatchObject({
      file: 'locales/en/letter.json',
      message: "the value of 'title' in locales/en/letter.json must be a string, not '2023'",
      value: '2023',
    });
  });

  it('a locale file, recipients.yaml and fonts.json of the wrong shape quote what they hold', async () => {
    const dir = exampleCopy();
    writeFileSync(join(dir, 'locales', 'en', 'letter.json'), '["Dear President"]');
    expect((await checkErrors(dir))[0]!.message).toBe(
      'locales/en/letter.json must hold a JSON object of strings, not a list ["Dear President"]',
    );
    const other = exampleCopy();
    writeFileSync(join(other, 'recipients.yaml'), '- id: xi\n');
    expect((await checkErrors(other))[0]!.message).toBe(
      `recipients.yaml must be a mapping with 'recipients:' and/or 'addresses:', not a list [{"id":"xi"}]`,
    );
    const fonts = exampleCopy();
    mkdirSync(join(fonts, 'fonts'));
    writeFileSync(join(fonts, 'fonts', 'fonts.json'), '"NotoSans"');
    expect((await checkErrors(fonts))[0]!.message).toBe(
      "fonts/fonts.json must hold a JSON object, not 'NotoSans'",
    );
  });

  it('a project folder that is not there is quoted, its control characters escaped', async () => {
    const [d] = await thrown(() => loadProject({ dir: '/nowhere/a\nb', toolDir: TOOL_DIR }));
    expect(d).toMatchObject({ message: "project folder '/nowhere/a\\nb' not found", value: '/nowhere/a\nb' });
  });
});

describe('the environment and the command line', () => {
  it('SOURCE_DATE_EPOCH is quoted', async () => {
    const [d] = await thrown(() => buildInstant('2023-12-10', { SOURCE_DATE_EPOCH: 'yesterday' }));
    expect(d).toMatchObject({
      message: "SOURCE_DATE_EPOCH='yesterday' is not a number of seconds",
      value: 'yesterday',
    });
  });

  it('letter init on a file quotes it', async () => {
    const file = join(tempDir('letter-quoted-init-'), 'notes.txt');
    writeFileSync(file, '');
    const [d] = await thrown(() => init({ dir: file }));
    expect(d!.message).toBe(`'${file}' exists and is not a folder`);
  });

  it('letter verify quotes a file it cannot read, or that is neither PDF nor DOCX', async () => {
    const dir = tempDir('letter-quoted-verify-');
    expect((await thrown(() => verify({ files: [join(dir, 'gone.pdf')] })))[0]!.message).toBe(
      `cannot verify '${join(dir, 'gone.pdf')}': not found`,
    );
    writeFileSync(join(dir, 'notes.txt'), 'plain text');
    expect((await thrown(() => verify({ files: [join(dir, 'notes.txt')] })))[0]!.message).toBe(
      `'${join(dir, 'notes.txt')}' is neither a PDF nor a DOCX`,
    );
  });

  it('a manifest entry of the wrong type is quoted', async () => {
    const dir = tempDir('letter-quoted-manifest-');
    const manifest = join(dir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify({ files: [{ file: 'a.pdf', sha256: 'abc', signed: false }] }));
    const [d] = await thrown(() => verify({ files: [], manifest }));
    expect(d!.message).toBe("files[0].sha256 must be 64 hexadecimal digits, not 'abc'");
  });
});

describe("a URL's credentials are never quoted", () => {
  it('shownUrl keeps the address and drops the user name and password', () => {
    expect(shownUrl('https://alice:hunter2@tsa.example/tsr')).toBe('https://…@tsa.example/tsr');
    expect(shownUrl('https://tsa.example/tsr?a=1')).toBe('https://tsa.example/tsr?a=1');
  });

  it('shownUrl drops the value of a query parameter that names a secret (an API key or token), keeping the rest', () => {
    expect(shownUrl('https://tsa.example/tsr?apikey=K3Y&hash=sha256')).toBe(
      'https://tsa.example/tsr?apikey=…&hash=sha256',
    );
    expect(shownUrl('https://tsa.example/tsr?v=2&access_token=T0K&Signature=S1G')).toBe(
      'https://tsa.example/tsr?v=2&access_token=…&Signature=…',
    );
    // A name that only contains such a word (design, keyword) is no secret's.
    expect(shownUrl('https://tsa.example/tsr?design=1&keyword=x&X-Amz-Credential=C')).toBe(
      'https://tsa.example/tsr?design=1&keyword=x&X-Amz-Credential=…',
    );
    expect(shownUrl('https://tsa.example/tsr?password=hunter2#x')).toBe(
      'https://tsa.example/tsr?password=…#x',
    );
  });

  it('a time-stamp authority that cannot be reached is named without them', async () => {
    const error = await requestTimeStamp(
      'http://alice:hunter2@127.0.0.1:9/tsr',
      new Uint8Array(32),
      2000,
    ).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(error?.message).toContain("cannot reach the time-stamp authority 'http://…@127.0.0.1:9/tsr'");
    expect(error?.message).not.toContain('hunter2');
  });
});
