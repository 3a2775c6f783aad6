/** `letter recipients`: each holder with its date, source and age; `--stale`; a query with no match says so (exit 1). */

import { describe, expect, it } from 'vitest';
import { allOffices, holderOn, termEndedBefore } from '../../src/directory/index.js';
import { recipients } from '../../src/index.js';
import { letterCli, tempDir } from '../support/tools.js';

const NOW = new Date('2027-01-15T00:00:00Z');
const DAY_MS = 86_400_000;

describe('recipients() with holder data', () => {
  it('every entry with a holder carries asOf, source and age (days from asOf to today)', () => {
    const all = recipients({ now: NOW });
    const held = all.filter((r) => r.holder);
    expect(held.length).toBeGreaterThanOrEqual(40);
    for (const r of held) {
      expect(r.asOf, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.source!.length, r.id).toBeGreaterThan(10);
      expect(r.age, r.id).toBe(Math.floor((NOW.getTime() - Date.parse(`${r.asOf}T00:00:00Z`)) / DAY_MS));
    }
  });

  it('--stale lists exactly the entries whose data is older than 180 days or whose term ended before today', () => {
    const expected = allOffices()
      .filter((o) => {
        const h = holderOn(o, NOW) ?? termEndedBefore(o, NOW);
        if (!h) return false;
        const age = Math.floor((NOW.getTime() - Date.parse(`${h.asOf}T00:00:00Z`)) / DAY_MS);
        return age > 180 || (h.until !== undefined && h.until < '2027-01-15');
      })
      .map((o) => o.id)
      .sort();
    const stale = recipients({ now: NOW, stale: true })
      .map((r) => r.id)
      .sort();
    expect(stale).toEqual(expected);
    // The UN Secretary-General's term ended on 2026-12-31: stale on 2027-01-15 whatever the data's age.
    expect(stale).toContain('un');
    expect(recipients({ now: new Date('2026-09-01T00:00:00Z'), stale: true }).map((r) => r.id)).not.toContain(
      'gb',
    );
  });
});

describe('letter recipients on the command line', () => {
  const cwd = tempDir('letter-recipients-');

  it('--json carries asOf, source and age for each holder, and --stale filters', () => {
    const all = letterCli(['recipients', '--json'], { cwd });
    expect(all.status).toBe(0);
    const list = JSON.parse(all.stdout) as {
      id: string;
      holder?: string;
      asOf?: string;
      source?: string;
      age?: number;
      stale?: boolean;
    }[];
    for (const r of list.filter((x) => x.holder))
      expect([typeof r.asOf, typeof r.source, typeof r.age], r.id).toEqual(['string', 'string', 'number']);
    const stale = JSON.parse(letterCli(['recipients', '--stale', '--json'], { cwd }).stdout) as {
      id: string;
      stale?: boolean;
    }[];
    expect(stale.map((r) => r.id)).toEqual(list.filter((r) => r.stale).map((r) => r.id));
    expect(stale.every((r) => r.stale === true)).toBe(true);
  });

  it("the text listing shows the date, age and source of a holder, and a caveat, all on the entry's one line", () => {
    const mm = letterCli(['recipients', 'myanmar'], { cwd });
    expect(mm.stdout).toMatch(
      /^mm\tPresident of Myanmar\tMin Aung Hlaing\t\(as of 2026-08-22, \d+ days; open-data-archive/m,
    );
    expect(mm.stdout).toMatch(/^mm\t.*\tnote: .*military/m);
  });

  it('a query with no match says so and exits 1, with near entries or why the place is not listed', () => {
    const taiwan = letterCli(['recipients', 'taiwan'], { cwd });
    expect(taiwan.status).toBe(1);
    expect(taiwan.stdout).toBe('');
    expect(taiwan.stderr).toContain("no entry matches 'taiwan': Taiwan is not in the directory");
    const typo = letterCli(['recipients', 'thailnd'], { cwd });
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain('did you mean: th (Thailand)?');
    const uk = letterCli(['recipients', 'uk'], { cwd });
    expect(uk.status).toBe(0);
    expect(uk.stdout.split('\n')[0]).toMatch(/^gb\t/);
  });
});
