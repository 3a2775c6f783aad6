/** `letter check` on holder data: missing or older than 180 days is a warning, fatal only with --strict. */

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { tempDir } from '../support/tools.js';

function letterTo(to: string): string {
  const dir = tempDir('letter-holders-');
  writeFileSync(join(dir, 'letter.yaml'), `date: 2026-11-01\nto: ${to}\ntitle: title\nbody: [{ p: body }]\nsignatories: [{ org: Crossing NK }]\n`);
  mkdirSync(join(dir, 'locales', 'en'), { recursive: true });
  writeFileSync(join(dir, 'locales', 'en', 'letter.json'), JSON.stringify({ title: 'A letter', body: 'Text.' }));
  return dir;
}

describe('holder warnings', () => {
  it('warns when the directory has no holder for an office the letter names no one for', async () => {
    const result = await check({ dir: letterTo('[fr]'), now: new Date('2026-11-27T00:00:00Z') });
    expect(result.exitCode).toBe(0);
    expect(result.warnings.map((w) => w.code)).toEqual(['holder-missing']);
    expect(result.warnings[0]).toMatchObject({ file: 'letter.yaml', line: 2 });
  });

  it('warns when the holder data is older than 180 days, not when it is fresh', async () => {
    const stale = await check({ dir: letterTo('[cn]'), now: new Date('2027-12-01T00:00:00Z') });
    expect(stale.warnings.map((w) => w.code)).toEqual(['holder-stale']);
    const fresh = await check({ dir: letterTo('[cn]'), now: new Date('2026-03-01T00:00:00Z') });
    expect(fresh.warnings).toEqual([]);
  });

  it('says nothing when the letter gives the name itself, and fails only with --strict', async () => {
    const named = await check({ dir: letterTo('[{ id: fr, name: { en: Jane Doe } }]'), now: new Date('2027-12-01T00:00:00Z') });
    expect(named.warnings).toEqual([]);
    const strict = await check({ dir: letterTo('[fr]'), strict: true, now: new Date('2026-11-27T00:00:00Z') });
    expect(strict.exitCode).toBe(2);
  });
});

describe('holder warnings for the project\'s own recipients', () => {
  it('say nothing about a recipients.yaml entry without office, even when its id is a country code', async () => {
    const dir = letterTo('[cn]');
    writeFileSync(join(dir, 'recipients.yaml'), 'recipients:\n  - id: cn\n    title: { en: Director of the Refugee Desk }\n');
    const result = await check({ dir, now: new Date('2027-12-01T00:00:00Z') });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });
});
