/** An unknown recipient id suggests what the user meant: a name or common code through the directory's search first. */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { writeShortLocales } from '../support/example.js';
import { tempDir } from '../support/tools.js';

function project(): string {
  const dir = tempDir('letter-suggest-');
  writeFileSync(
    join(dir, 'letter.yaml'),
    [
      'date: 2024-01-01',
      'formats: [pdf]',
      'to: [cn]',
      'title: title',
      'body: [{ p: body }]',
      'signatories: [{ org: Org }]',
      '',
    ].join('\n'),
  );
  writeShortLocales(dir);
  return dir;
}

describe('--to with an unknown id', () => {
  it.each([
    ['uk', 'gb'],
    ['thailand', 'th'],
    ['uk/government', 'gb/government'],
    ['cnn', 'cn'],
  ])("'%s' suggests '%s' and writes nothing", async (given, meant) => {
    const dir = project();
    const result = await build({ dir, out: join(dir, 'dist'), to: [given] });
    expect(result.exitCode).toBe(2);
    const error = result.errors.find((e) => e.code === 'unknown-recipient')!;
    expect(error.message).toContain(`'${given}'`);
    expect(error.hint).toContain(`'${meant}'`);
    expect(result.outputs).toEqual([]);
  });
});
