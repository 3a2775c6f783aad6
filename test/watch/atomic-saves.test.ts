/**
 * `--watch` keeps seeing a file however editors save it: an atomic save (a temporary file renamed over the original,
 * as vim, JetBrains and gedit do), a file deleted and written anew, and a new locale folder.
 */

import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { watch, type WatchEvent, type WatchHandle } from '../../src/watch/index.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

/** Poll until `check` holds; a functional wait with a generous ceiling, not a timing assertion. */
async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('watch across the ways editors save', () => {
  let dir: string;
  let handle: WatchHandle;
  const events: WatchEvent[] = [];
  const changedSince = (n: number): string[] => events.slice(n).flatMap((e) => [...e.changed]);
  const locale = (lang: string): string => join(dir, 'locales', lang, 'letter.json');
  const edit = (lang: string, closing: string): string => {
    const strings = JSON.parse(readFileSync(locale(lang), 'utf8')) as Record<string, string>;
    strings['closing'] = closing;
    return `${JSON.stringify(strings, null, 2)}\n`;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'letter-watch-atomic-'));
    cpSync(EXAMPLE, dir, { recursive: true });
    handle = watch({
      dir,
      formats: ['pdf'],
      langs: ['en'],
      env: { SOURCE_DATE_EPOCH: '1702166400' },
      onEvent: (e) => events.push(e),
      debounceMs: 50,
    });
    await handle.idle();
  }, 60_000);

  afterAll(async () => {
    await handle?.close();
  });

  it('sees every later edit of a file after atomic saves', async () => {
    for (const round of [1, 2, 3]) {
      await handle.idle();
      const before = events.length;
      const tmp = join(dir, 'locales', 'en', `.letter.json.${round}.tmp`);
      writeFileSync(tmp, edit('en', `Atomic save number ${round}.`));
      renameSync(tmp, locale('en'));
      await until(
        () => changedSince(before).includes('locales/en/letter.json'),
        `the rebuild after atomic save ${round}`,
      );
    }
    await handle.idle();
    const before = events.length;
    writeFileSync(locale('en'), edit('en', 'A plain write after atomic saves.'));
    await until(
      () => changedSince(before).includes('locales/en/letter.json'),
      'the rebuild after a plain write',
    );
  }, 120_000);

  it('sees a file deleted and written anew, and its later edits', async () => {
    await handle.idle();
    const content = edit('en', 'Deleted and written again.');
    let before = events.length;
    unlinkSync(locale('en'));
    await until(() => changedSince(before).includes('locales/en/letter.json'), 'the deletion');
    await handle.idle();
    before = events.length;
    writeFileSync(locale('en'), content);
    await until(() => changedSince(before).includes('locales/en/letter.json'), 'the re-created file');
    await handle.idle();
    before = events.length;
    writeFileSync(locale('en'), edit('en', 'Edited after re-creation.'));
    await until(
      () => changedSince(before).includes('locales/en/letter.json'),
      'an edit of the re-created file',
    );
  }, 120_000);

  it('sees a new locale folder and edits inside it', async () => {
    await handle.idle();
    let before = events.length;
    mkdirSync(join(dir, 'locales', 'fr'));
    writeFileSync(locale('fr'), readFileSync(join(EXAMPLE, 'locales', 'en', 'letter.json')));
    await until(() => changedSince(before).includes('locales/fr/letter.json'), 'the new locale folder');
    await handle.idle();
    before = events.length;
    writeFileSync(locale('fr'), edit('fr', 'Une lettre.'));
    await until(() => changedSince(before).includes('locales/fr/letter.json'), 'an edit in the new folder');
  }, 120_000);
});
