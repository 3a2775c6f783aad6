/** Byte-reproducible PDF and DOCX: the same bytes in any time zone; dates from SOURCE_DATE_EPOCH when it is set. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir, toolAvailable } from '../support/tools.js';
import { buildCli, documentHashes, FIXTURE, SLUG } from './helpers.js';

// Two recipients × three languages × two formats: 12 documents, enough to use the worker pool.
const ARGS = ['--quiet', '-t', 'kr,th'];
const EPOCH = '1700000000'; // 2023-11-14T22:13:20Z
const builds = {
  utc: { TZ: 'UTC' },
  seoul: { TZ: 'Asia/Seoul' },
  epochLosAngeles: { TZ: 'America/Los_Angeles', SOURCE_DATE_EPOCH: EPOCH },
  epochKiritimati: { TZ: 'Pacific/Kiritimati', SOURCE_DATE_EPOCH: EPOCH },
} as const;
const outs = Object.fromEntries(
  Object.keys(builds).map((name) => [name, tempDir(`letter-batch-${name}-`)]),
) as Record<keyof typeof builds, string>;

beforeAll(() => {
  for (const [name, env] of Object.entries(builds) as [keyof typeof builds, NodeJS.ProcessEnv][]) {
    const r = buildCli(FIXTURE, outs[name], ARGS, env);
    if (r.status !== 0) throw new Error(`${name} build failed: ${r.stderr}`);
  }
});

const coreXml = (out: string, lang: string) =>
  strFromU8(
    unzipSync(new Uint8Array(readFileSync(join(out, 'kr', `${SLUG}.${lang}.docx`))))['docProps/core.xml']!,
  );

describe('reproducible bytes', () => {
  it('the same sha256 for every file in UTC and in Asia/Seoul (UTC+9)', () => {
    const hashes = documentHashes(outs.utc);
    expect(Object.keys(hashes)).toHaveLength(12);
    expect(documentHashes(outs.seoul)).toEqual(hashes);
  });

  it('with SOURCE_DATE_EPOCH, the same sha256 in UTC−8 and UTC+14, and other bytes than without it', () => {
    const hashes = documentHashes(outs.epochLosAngeles);
    expect(Object.keys(hashes)).toHaveLength(12);
    expect(documentHashes(outs.epochKiritimati)).toEqual(hashes);
    const plain = documentHashes(outs.utc);
    for (const [file, hash] of Object.entries(hashes)) expect(hash, file).not.toBe(plain[file]);
  });

  it("dates inside the files: the letter's date, or SOURCE_DATE_EPOCH when set", () => {
    expect(coreXml(outs.utc, 'en')).toContain('2023-12-10T00:00:00Z');
    expect(coreXml(outs.epochKiritimati, 'ko')).toContain('2023-11-14T22:13:20Z');
    if (!toolAvailable('pdfinfo')) return;
    const created = (out: string) =>
      run('pdfinfo', ['-isodates', join(out, 'th', `${SLUG}.zh.pdf`)]).stdout.match(
        /^CreationDate:\s+(\S+)/m,
      )?.[1];
    expect(created(outs.seoul)).toBe('2023-12-10T00:00:00Z');
    expect(created(outs.epochLosAngeles)).toBe('2023-11-14T22:13:20Z');
  });
});
