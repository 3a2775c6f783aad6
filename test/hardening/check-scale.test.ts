/**
 * `letter check` on 60,000 unused locale keys: near-linear work, proved by counting it (Markdown parses, flattenings,
 * key-list reads), not by timing it; and the whole check over such a project finishes with every key located.
 */

import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { flatKeys, loadProject } from '../../src/load/index.js';
import { emphasisWarnings, type ParseMarkdown } from '../../src/check/emphasis.js';
import { reachableKeys } from '../../src/compose/i18n.js';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { TOOL_DIR } from '../../src/tool/index.js';
import { CorpusProject } from '../corpus/project.js';

const KEYS = 60_000;

/** The corpus project with `extra` keys added to locales/en/letter.json, one per line. */
function bigProject(extra: Record<string, string>): CorpusProject {
  const p = new CorpusProject();
  const data = { ...(JSON.parse(p.read('locales/en/letter.json')) as Record<string, string>), ...extra };
  p.write(
    'locales/en/letter.json',
    `{\n${Object.entries(data)
      .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
      .join(',\n')}\n}\n`,
  );
  return p;
}

function unused(n: number, value: (i: number) => string): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`u${i}`, value(i)]));
}

describe('the work check does grows with the keys, not with keys × keys', () => {
  it('emphasis parses only values with a * or _: 60,000 plain values and 10 marked ones are 10 parses', () => {
    const p = bigProject({
      ...unused(KEYS, (i) => `P ${i}: (a) #c`),
      ...Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`m${i}`, `a **stray ${i}`])),
    });
    const project = loadProject({ dir: p.dir, toolDir: TOOL_DIR });
    let parses = 0;
    const counted: ParseMarkdown = (md) => {
      parses++;
      return fromMarkdown(md);
    };
    const found = emphasisWarnings(project, ['en'], counted);
    const marked = Object.values(
      JSON.parse(p.read('locales/en/letter.json')) as Record<string, string>,
    ).filter((v) => /[*_]/.test(v)).length;
    expect(parses).toBe(marked);
    expect(found.filter((d) => d.message.includes("'m")).length).toBe(10);
  });

  it("a file's keys are flattened once: every stage gets the same list", () => {
    const data = { a: 'x', b: { c: 'y' } };
    expect(flatKeys(data)).toEqual(['a', 'b.c']);
    expect(flatKeys(data)).toBe(flatKeys(data));
  });

  it('reaching nested keys reads the key list once per file, however many references it follows', () => {
    const data: Record<string, string> = { ...unused(5000, () => 'x') };
    for (let i = 0; i < 50; i++) data[`k${i}`] = `$t(k${i + 1}) and $t(u${i})`;
    data['k50'] = 'end';
    data['k3_one'] = 'a plural form';
    let reads = 0;
    const keys = new Proxy([...Object.keys(data)], {
      get(target, prop, receiver) {
        if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
    const reached = reachableKeys(data, keys, 'k0');
    expect(reached).toContain('k50');
    expect(reached).toContain('k3_one');
    expect(reached).toContain('u49');
    reachableKeys(data, keys, 'k7');
    // Once to index them; before, each of the ~100 keys reached scanned all 5,000 (about 500,000 reads).
    expect(reads).toBeLessThanOrEqual(keys.length);
  });
});

describe('check on 60,000 unused keys', () => {
  it('finishes with one located warning per unused key', async () => {
    const p = bigProject(unused(KEYS, (i) => `Unused ${i}.`));
    const result = await check({ dir: p.dir });
    const warnings = result.warnings.filter(
      (d) => d.code === 'unused-key' && d.file === 'locales/en/letter.json',
    );
    expect(warnings).toHaveLength(KEYS);
    const lines = p.read('locales/en/letter.json').split('\n');
    for (const d of [warnings[0]!, warnings[KEYS / 2]!, warnings[KEYS - 1]!]) {
      const key = /key '([^']+)'/.exec(d.message)![1]!;
      expect(lines[d.line! - 1]!.slice(d.column! - 1)).toMatch(new RegExp(`^"${key}"`));
    }
  });
});
