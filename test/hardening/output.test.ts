/**
 * Where a build writes: never through a symbolic link out of OUT, never into an input folder, never a name the file
 * system cannot hold; and a manifest that cannot be written is a diagnostic (exit 1), never an internal error.
 */

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/index.js';
import { EXIT, isLetterError } from '../../src/diag/index.js';
import { writeManifest, type WriteFs } from '../../src/write/index.js';
import * as fs from 'node:fs';
import { CorpusProject } from '../corpus/project.js';

const ONE = { langs: ['en'], formats: ['pdf'] } as const;

function outsideFolder(p: CorpusProject): string {
  const dir = join(p.dir, '..', 'elsewhere');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), '{"theirs": true}\n');
  return dir;
}

describe('a build never writes through a symbolic link out of its output folder', () => {
  it('a project whose dist is a link elsewhere: exit 2, the other folder untouched', async () => {
    const p = new CorpusProject();
    const elsewhere = outsideFolder(p);
    p.link('dist', elsewhere);
    const r = await build({ dir: p.dir, ...ONE });
    expect(r.exitCode).toBe(EXIT.BAD_INPUT);
    expect(r.errors[0]!.message).toMatch(/'dist' is a symbolic link/);
    expect(readdirSync(elsewhere)).toEqual(['manifest.json']);
    expect(readFileSync(join(elsewhere, 'manifest.json'), 'utf8')).toBe('{"theirs": true}\n');
  });

  it('dist/<id> a link elsewhere: exit 2 before rendering, nothing written there', async () => {
    const p = new CorpusProject();
    const elsewhere = outsideFolder(p);
    p.link('dist/cn', elsewhere);
    const r = await build({ dir: p.dir, ...ONE });
    expect(r.exitCode).toBe(EXIT.BAD_INPUT);
    expect(r.errors[0]!.message).toMatch(/'dist\/cn' is a symbolic link/);
    expect(readdirSync(elsewhere)).toEqual(['manifest.json']);
    expect(existsSync(join(p.dir, 'dist', 'manifest.json'))).toBe(false);
  });

  it('OUT/manifest.json a folder: exit 2 before rendering, no document written', async () => {
    const p = new CorpusProject();
    mkdirSync(join(p.dir, 'dist', 'manifest.json'), { recursive: true });
    const r = await build({ dir: p.dir, ...ONE });
    expect(r.exitCode).toBe(EXIT.BAD_INPUT);
    expect(r.errors[0]!.message).toMatch(/'dist\/manifest.json' is a folder/);
    expect(existsSync(join(p.dir, 'dist', 'cn'))).toBe(false);
  });
});

describe('the output folder is never an input folder', () => {
  for (const out of ['locales/out', 'locales', 'templates/x', '.']) {
    it(`-o ${out}: exit 2, nothing written`, async () => {
      const p = new CorpusProject();
      mkdirSync(join(p.dir, 'templates'), { recursive: true });
      const before = readdirSync(p.dir, { recursive: true }).sort();
      const r = await build({ dir: p.dir, out: join(p.dir, out), ...ONE });
      expect(r.exitCode).toBe(EXIT.BAD_INPUT);
      expect(r.errors[0]!.code).toBe('usage');
      expect(readdirSync(p.dir, { recursive: true }).sort()).toEqual(before);
    });
  }
});

describe('names at the stated limits fit the file system', () => {
  it('a 100+100-character recipient id and a 100-character slug build (the temporary name fits too)', async () => {
    const p = new CorpusProject();
    const id = `${'a'.repeat(100)}/${'b'.repeat(100)}`;
    p.edit('recipients.yaml', '  - id: xi', `  - id: ${id}`);
    p.edit('letter.yaml', 'slug: corpus-letter', `slug: ${'s'.repeat(100)}`);
    const r = await build({ dir: p.dir, ...ONE, formats: ['pdf', 'docx'], to: [id] });
    expect(r.errors).toEqual([]);
    expect(r.exitCode).toBe(EXIT.OK);
    expect(r.outputs.map((o) => o.file)).toEqual([
      `${id}/${'s'.repeat(100)}.en.pdf`,
      `${id}/${'s'.repeat(100)}.en.docx`,
    ]);
  });

  it('a language code longer than 35 characters is refused at its line', async () => {
    const p = new CorpusProject();
    const lang = `en-${'x'.repeat(8)}-${'y'.repeat(8)}-${'z'.repeat(8)}-${'w'.repeat(8)}`;
    p.edit('letter.yaml', 'languages: [en, ko, zh]', `languages: [en, ${lang}]`);
    p.write(`locales/${lang}/letter.json`, p.read('locales/en/letter.json'));
    const r = await build({ dir: p.dir, ...ONE });
    expect(r.exitCode).toBe(EXIT.BAD_INPUT);
    expect(r.errors[0]).toMatchObject({ code: 'schema', file: 'letter.yaml', line: 6, column: 17 });
  });
});

describe('a manifest that cannot be written', () => {
  const failing = (code: string): WriteFs => ({
    ...fs,
    writeFileSync: (path: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView) => {
      fs.writeFileSync(path, (data as Uint8Array).subarray(0, 10));
      throw Object.assign(new Error(`${code}: simulated`), { code });
    },
  });

  it('a full disk (ENOSPC) is a write-failed diagnostic (exit 1), and no temporary is left', () => {
    const p = new CorpusProject();
    const out = join(p.dir, 'dist');
    let caught: unknown;
    try {
      writeManifest(out, '{}\n', failing('ENOSPC'));
    } catch (e) {
      caught = e;
    }
    expect(isLetterError(caught)).toBe(true);
    const [d] = (caught as { diagnostics: { code: string; message: string }[] }).diagnostics;
    expect(d!.code).toBe('write-failed');
    expect(d!.message).toMatch(/no space left on the device \(ENOSPC\)/);
    expect(readdirSync(out)).toEqual([]);
  });
});
