/** `watch()` driven by real file writes on a copy of the example project: rebuilds, broken edits, ignored paths. */

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { affectedBy, isInput } from '../../src/watch/affected.js';
import { watch, type WatchEvent, type WatchHandle } from '../../src/watch/index.js';
import { toolAvailable } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

/** Poll until `check` holds; a functional wait with a generous ceiling, not a timing assertion. */
async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function text(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('which documents a change affects', () => {
  const built = new Set(['en', 'ko', 'zh']);
  it('rebuilds one language for its locale files, everything for the rest', () => {
    expect(affectedBy(['locales/ko/letter.json'], built)).toEqual({ kind: 'langs', langs: ['ko'] });
    expect(affectedBy(['locales/zh/letter.json', 'locales/en/letter.json'], built)).toEqual({
      kind: 'langs',
      langs: ['en', 'zh'],
    });
    expect(affectedBy(['locales/ko/letter.json', 'letter.yaml'], built)).toEqual({ kind: 'all' });
    expect(affectedBy(['templates/open-letter.hbs'], built)).toEqual({ kind: 'all' });
    // A language no document was built in may be new: the language list can change.
    expect(affectedBy(['locales/fr/letter.json'], built)).toEqual({ kind: 'all' });
    expect(affectedBy([], built)).toEqual({ kind: 'none' });
  });

  it('ignores the output folder, VCS and editor files', () => {
    const rules = { projectDir: '/p', outDir: '/p/dist' };
    expect(isInput('dist/cn/letter.en.pdf', rules)).toBe(false);
    expect(isInput('dist', rules)).toBe(false);
    expect(isInput('.git/index', rules)).toBe(false);
    expect(isInput('locales/en/.letter.json.swp', rules)).toBe(false);
    expect(isInput('letter.yaml~', rules)).toBe(false);
    expect(isInput('locales/en/letter.json', rules)).toBe(true);
    expect(isInput('assets/signature.png', rules)).toBe(true);
    expect(isInput('distant/letter.json', rules)).toBe(true);
    expect(isInput('templates/partials/closing.zh.hbs', rules)).toBe(true);
    expect(isInput('recipients.csv', rules)).toBe(true);
    expect(isInput('assets/seal.JPEG', rules)).toBe(true);
  });

  it('ignores files a letter never reads: sed -i temporaries, notes', () => {
    const rules = { projectDir: '/p', outDir: '/p/dist' };
    expect(isInput('locales/en/sedDJ2EiU', rules)).toBe(false);
    expect(isInput('README.md', rules)).toBe(false);
    expect(isInput('distant/notes.md', rules)).toBe(false);
  });
});

describe.skipIf(!toolAvailable('pdftotext'))('watch', () => {
  let dir: string;
  let handle: WatchHandle;
  const events: WatchEvent[] = [];
  const pdf = (lang: string): string => join(dir, 'dist', 'cn', `open-letter-2023.${lang}.pdf`);
  const locale = (lang: string): string => join(dir, 'locales', lang, 'letter.json');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'letter-watch-'));
    cpSync(EXAMPLE, dir, { recursive: true });
    handle = watch({
      dir,
      formats: ['pdf'],
      env: { SOURCE_DATE_EPOCH: '1702166400' },
      onEvent: (e) => events.push(e),
    });
    await handle.idle();
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
  });

  it('builds once at the start', () => {
    expect(events[0]).toMatchObject({ kind: 'built', changed: [], result: { ok: true } });
    for (const lang of ['en', 'ko', 'zh']) expect(statSync(pdf(lang)).size).toBeGreaterThan(1000);
  });

  it('rebuilds the English letter, and only it, after its locale file changes', async () => {
    const before = events.length;
    const koBefore = readFileSync(pdf('ko'));
    // A rebuild renames a fresh file into place (writeAtomic), so an untouched file keeps its inode; equal bytes alone
    // would not tell, since a deterministic rebuild writes the same bytes.
    const koInode = statSync(pdf('ko')).ino;
    const strings = JSON.parse(readFileSync(locale('en'), 'utf8')) as Record<string, string>;
    strings['closing'] = 'With hope for a change of heart, watched and rebuilt.';
    writeFileSync(locale('en'), `${JSON.stringify(strings, null, 2)}\n`);

    await until(() => text(pdf('en')).includes('watched and rebuilt'), 'the rebuilt English PDF');
    await until(() => events.length > before, 'the rebuild event');
    const event = events[before]!;
    expect(event).toMatchObject({
      kind: 'built',
      changed: ['locales/en/letter.json'],
      langs: ['en'],
      result: { ok: true },
    });
    expect(event.kind === 'built' && event.result.outputs.map((o) => o.file)).toEqual([
      'cn/open-letter-2023.en.pdf',
    ]);
    expect(readFileSync(pdf('ko')).equals(koBefore)).toBe(true);
    expect(statSync(pdf('ko')).ino).toBe(koInode);
    // The manifest still lists the documents the partial rebuild left alone, and the new English one's hash.
    const manifest = JSON.parse(readFileSync(join(dir, 'dist', 'manifest.json'), 'utf8')) as {
      files: { file: string; sha256: string }[];
    };
    expect(manifest.files.map((f) => f.file)).toEqual(
      ['en', 'ko', 'zh'].map((l) => `cn/open-letter-2023.${l}.pdf`),
    );
    const en = manifest.files.find((f) => f.file.endsWith('.en.pdf'))!;
    expect(en.sha256).toBe(
      createHash('sha256')
        .update(readFileSync(pdf('en')))
        .digest('hex'),
    );
  }, 30_000);

  it('reports a broken edit like `letter check` and keeps the last good file', async () => {
    await handle.idle();
    const before = events.length;
    const good = readFileSync(pdf('en'));
    writeFileSync(locale('en'), '{ "title": "unterminated');

    await until(() => events.length > before, 'the failed rebuild event');
    const event = events[before]!;
    expect(event.kind).toBe('built');
    if (event.kind !== 'built') return;
    expect(event.result.ok).toBe(false);
    expect(event.result.exitCode).toBe(2);
    expect(event.report.length).toBeGreaterThan(0);
    // `file:line:col: message`, the form `letter check` prints.
    expect(event.report[0]).toMatch(/locales[\\/]en[\\/]letter\.json:\d+(:\d+)?: /);
    expect(readFileSync(pdf('en')).equals(good)).toBe(true);
  }, 30_000);

  it('builds again once the edit is fixed', async () => {
    await handle.idle();
    const strings = JSON.parse(readFileSync(join(EXAMPLE, 'locales', 'en', 'letter.json'), 'utf8')) as Record<
      string,
      string
    >;
    strings['closing'] = 'Fixed again after a broken save.';
    writeFileSync(locale('en'), JSON.stringify(strings));
    await until(
      () => text(pdf('en')).includes('Fixed again after a broken save'),
      'the repaired English PDF',
    );
  }, 30_000);
});
