/** Handlebars' internal helpers and wrongly called helpers are refused when the project loads, at file:line:col, exit 2. */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, check } from '../../src/index.js';
import { exampleCopy } from './project.js';

/** The example with its opening partial replaced by the project's own: line 2 holds `mustache`, at column 1. */
function withOpening(mustache: string): string {
  const dir = exampleCopy();
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'templates', 'opening.hbs'), `:::salutation\n${mustache}\n:::\n`);
  return dir;
}

async function problems(dir: string): Promise<string[]> {
  const result = await check({ dir, now: new Date('2024-01-01') });
  expect(result.exitCode).toBe(2);
  return result.errors.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}: ${d.message}`);
}

describe('template helpers', () => {
  it.each([
    ['{{helperMissing}}', 'helperMissing'],
    ['{{#blockHelperMissing}}x{{/blockHelperMissing}}', 'blockHelperMissing'],
    ['{{log}}', 'log'],
    ['{{[helperMissing]}}', 'helperMissing'],
    ['{{helperMissing title}}', 'helperMissing'],
  ])('%s is refused at templates/opening.hbs:2:1', async (mustache, name) => {
    const result = await check({ dir: withOpening(mustache), now: new Date('2024-01-01') });
    expect(result.exitCode).toBe(2);
    expect(
      result.errors.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}: ${d.message} — ${d.hint}`),
    ).toEqual([
      `template-error templates/opening.hbs:2:1: unknown helper '${name}' — '${name}' is Handlebars' own, not for templates; helpers: if, unless, each, with, lookup, lines, blockquote, eq`,
    ]);
  });

  it.each([
    ['{{#if}}x{{/if}}', "helper 'if' takes 1 argument and a block"],
    ['{{if title}}', "helper 'if' takes 1 argument and a block"],
    ['{{#each}}x{{/each}}', "helper 'each' takes 1 argument and a block"],
    ['{{with title}}', "helper 'with' takes 1 argument and a block"],
    ['{{lookup title}}', "helper 'lookup' takes 2 arguments"],
    ['{{lines}}', "helper 'lines' takes 1 argument"],
  ])('%s, a helper called wrongly, is refused at load, not while rendering', async (mustache, message) => {
    expect(await problems(withOpening(mustache))).toEqual([
      `template-error templates/opening.hbs:2:1: ${message}`,
    ]);
  });

  it('build stops with exit 2 and the position, writing nothing', async () => {
    const dir = withOpening('{{helperMissing}}');
    const built = await build({ dir, out: join(dir, 'dist'), formats: ['pdf'], langs: ['en'] });
    expect(built.exitCode).toBe(2);
    expect(built.errors.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual(['templates/opening.hbs:2:1']);
    expect(built.outputs).toEqual([]);
  });

  it('a value named like a helper but read as a path (this.helperMissing) is still allowed', async () => {
    const dir = withOpening('{{recipient.salutation}}{{this.helperMissing}}');
    const result = await check({ dir, now: new Date('2024-01-01') });
    expect(result.errors).toEqual([]);
  });
});
