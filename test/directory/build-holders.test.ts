/** Holder freshness where users look: `letter build` warns as check does, and the manifest records the holder data. */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeShortLocales } from '../support/example.js';
import { letterCli, tempDir } from '../support/tools.js';

function letterTo(to: string, date: string): string {
  const dir = tempDir('letter-build-holders-');
  writeFileSync(
    join(dir, 'letter.yaml'),
    `date: ${date}\ntemplate: formal\nslug: h\nto: ${to}\ntitle: title\nbody: [{ p: body }]\nsignatories: [{ org: Crossing NK }]\n`,
  );
  writeShortLocales(dir);
  return dir;
}

interface ManifestEntry {
  file: string;
  lang: string;
  holder?: { asOf: string; source: string };
}

describe("letter build and the directory's holders", () => {
  it("a letter to un dated 2027-01-15 warns that the holder's term ended, naming the date, and records no holder", () => {
    const dir = letterTo('[un]', '2027-01-15');
    const out = join(dir, 'dist');
    const r = letterCli(['build', dir, '--format', 'pdf', '--lang', 'en', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(
      "the term of the directory's holder for 'un' (António Guterres) ended on 2026-12-31; the letter is dated 2027-01-15",
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      files: ManifestEntry[];
    };
    expect(manifest.files.map((f) => f.holder)).toEqual([undefined]);
    const json = JSON.parse(
      letterCli(['build', dir, '--format', 'pdf', '--lang', 'en', '--out', out, '--json']).stdout,
    ) as { warnings?: { code: string }[] };
    expect(JSON.stringify(json)).toContain('holder-term-ended');
  });

  it('the manifest records, per document, the asOf and source of the holder data whose name the letter uses', () => {
    const dir = letterTo(
      '[un, eu/council, { id: fr, name: { en: Jane Doe, ko: 홍길동, zh: 张伟 } }]',
      '2026-11-01',
    );
    const out = join(dir, 'dist');
    const r = letterCli(['build', dir, '--format', 'pdf', '--lang', 'en,ko', '--out', out, '--quiet']);
    expect(r.status).toBe(0);
    const files = (JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: ManifestEntry[] })
      .files;
    const of = (file: string) => files.find((f) => f.file === file)!;
    expect(of('un/h.en.pdf').holder).toEqual({
      asOf: '2025-01-01',
      source: expect.stringContaining('press.un.org'),
    });
    expect(of('un/h.ko.pdf').holder).toEqual(of('un/h.en.pdf').holder);
    // The directory has Costa's name in English only: the Korean letter is title-only and used no holder data.
    expect(of('eu/council/h.en.pdf').holder).toMatchObject({ asOf: '2026-08-22' });
    expect(of('eu/council/h.ko.pdf').holder).toBeUndefined();
    // The letter named the French President itself.
    expect(of('fr/h.en.pdf').holder).toBeUndefined();
  });
});
