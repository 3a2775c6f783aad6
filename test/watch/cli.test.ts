/** `letter build --watch` as a user runs it: builds, rebuilds after an edit, stops cleanly on Ctrl-C. */

import { spawn } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tools.js';

const ROOT = join(import.meta.dirname, '..', '..');

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('letter build --watch', () => {
  it('rebuilds after a locale edit, reports a broken one, and exits 0 on SIGINT', async () => {
    const dir = tempDir('letter-watch-cli-');
    cpSync(join(ROOT, 'examples', 'open-letter-2023'), dir, { recursive: true });
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'letter.js'), 'build', dir, '--watch', '--format', 'pdf', '--lang', 'en'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await until(() => /wrote 1 document; watching/.test(stderr), 'the first build');
      const file = join(dir, 'locales', 'en', 'letter.json');
      writeFileSync(file, readFileSync(file, 'utf8').replace('"closing": "', '"closing": "Edited. '));
      await until(() => /letter\.json changed: wrote 1 document/.test(stderr), 'the rebuild');
      writeFileSync(file, '{ "title": ');
      await until(
        () =>
          /locales\/en\/letter\.json:1:\d+: .*kept the last good files|kept the last good files/s.test(
            stderr,
          ),
        'the broken edit report',
      );
      expect(stderr).toMatch(/locales\/en\/letter\.json:\d+:\d+: /);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
