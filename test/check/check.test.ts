/** `letter check`: errors for every language and recipient at once, warnings that fail only under --strict, nothing written. */

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { letterCli } from '../support/tools.js';
import { CorpusProject } from '../corpus/project.js';

function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('letter check', () => {
  it('a clean project: exit 0, no errors, every document composed, nothing written', async () => {
    const p = new CorpusProject();
    const before = listing(p.dir);
    const result = await check({ dir: p.dir });
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.exitCode).toBe(0);
    // What build would write: one recipient × three languages × pdf and docx.
    expect(result.documents).toBe(6);
    expect(listing(p.dir)).toEqual(before);
  });

  it("reports every language's text problems even when the recipient is unknown", async () => {
    const p = new CorpusProject();
    p.edit('letter.yaml', '  - id: cn', '  - id: cnn');
    p.edit('locales/ko/letter.json', /\n {2}"plea": .*/, '');
    p.edit('locales/zh/letter.json', '这些人。', '这些人𠀀。');
    p.edit('letter.yaml', 'zh: Crossing NK', 'zh: Crossing NK 𠀁');
    const result = await check({ dir: p.dir });
    expect(result.exitCode).toBe(2);
    const at = (d: { code: string; file?: string; line?: number; column?: number }) =>
      `${d.code} ${d.file}:${d.line}:${d.column}`;
    const found = result.errors.map(at);
    expect(found).toContain('unknown-recipient letter.yaml:11:9');
    expect(found).toContain('missing-key letter.yaml:20:8');
    expect(found).toContain('uncovered-character locales/zh/letter.json:6:3');
    expect(found).toContain('uncovered-character letter.yaml:23:10');
    expect(result.errors.find((d) => d.code === 'missing-key')!.message).toContain('locales/ko/letter.json');
    expect(result.errors.find((d) => d.file === 'locales/zh/letter.json')!.message).toMatch(
      /U\+20000 '𠀀' in 'plea' \(zh\)/,
    );
    // Each problem once, however many documents it touches.
    expect(new Set(found).size).toBe(found.length);
  });

  it('an unused key and an empty string are warnings: exit 0, and 2 under --strict', async () => {
    const p = new CorpusProject();
    p.edit('locales/en/letter.json', '  "closing"', '  "forgotten": "An old paragraph.",\n  "closing"');
    p.edit('locales/ko/letter.json', /"plea": ".*",/, '"plea": "",');
    const relaxed = await check({ dir: p.dir });
    expect(relaxed.errors).toEqual([]);
    expect(relaxed.exitCode).toBe(0);
    const warnings = relaxed.warnings.map((d) => `${d.code} ${d.file}:${d.line}:${d.column}`);
    expect(warnings).toContain('unused-key locales/en/letter.json:7:3');
    expect(warnings).toContain('empty-string locales/ko/letter.json:6:3');
    expect(relaxed.warnings.every((d) => d.severity === 'warning')).toBe(true);
    const strict = await check({ dir: p.dir, strict: true });
    expect(strict.exitCode).toBe(2);
    expect(strict.ok).toBe(false);
    // --strict turns them into errors (SPEC §5), as build --strict reports them.
    expect(strict.errors.map((d) => `${d.code} ${d.severity}`).sort()).toEqual([
      'empty-string error',
      'unused-key error',
    ]);
    expect(strict.warnings).toEqual([]);

    const cli = letterCli(['check', p.dir]);
    expect(cli.status).toBe(0);
    expect(cli.stderr).toMatch(/^locales\/en\/letter\.json:7:3: warning: key 'forgotten' .* not used/m);
    expect(letterCli(['check', p.dir, '--strict']).status).toBe(2);
    const json = JSON.parse(letterCli(['check', p.dir, '--json', '--strict']).stdout) as {
      ok: boolean;
      errors: { code: string; hint: string }[];
      warnings: unknown[];
    };
    expect(json.ok).toBe(false);
    expect(json.errors.map((w) => w.code).sort()).toEqual(['empty-string', 'unused-key']);
    expect(json.warnings).toEqual([]);
    const built = JSON.parse(letterCli(['build', p.dir, '--json', '--strict']).stdout) as typeof json;
    expect(built.errors.map((w) => w.code).sort()).toEqual(json.errors.map((w) => w.code).sort());
  });

  it('a key nested as an i18next plural is used through its base key', async () => {
    const p = new CorpusProject();
    p.edit('locales/en/letter.json', '"plea": ', '"plea_one": "One plea.",\n  "plea": ');
    const result = await check({ dir: p.dir });
    expect(result.warnings.filter((d) => d.code === 'unused-key')).toEqual([]);
  });

  it('keys used only through $t(...) from a used value, with their context and plural forms, are used; an orphan is not', async () => {
    const p = new CorpusProject();
    const ctx = 'A: $t(asks, {\\"count\\": 2}) B: $t(g, {\\"context\\": \\"male\\"}) $t(more)';
    p.edit(
      'locales/en/letter.json',
      '  "closing"',
      `  "ctx": "${ctx}",\n  "asks_one": "{{count}} request", "asks_other": "{{count}} requests",\n  "g": "they", "g_male": "he", "g_female": "she",\n  "more": "And $t(deeper).", "deeper": "Deeper.", "orphan": "Not reached.",\n  "closing"`,
    );
    for (const lang of ['ko', 'zh'])
      p.edit(
        `locales/${lang}/letter.json`,
        '  "closing"',
        `  "ctx": "${ctx}",\n  "asks": "x", "g": "y", "more": "z",\n  "closing"`,
      );
    p.edit('letter.yaml', '  - p: plea', '  - p: plea\n  - p: ctx');
    const result = await check({ dir: p.dir });
    expect(result.errors).toEqual([]);
    const unused = result.warnings
      .filter((d) => d.code === 'unused-key')
      .map((d) => `${d.file} ${d.message.split("'")[1]}`);
    expect(unused).toEqual(['locales/en/letter.json orphan']);
  });

  it("checks the project's own recipients even when this letter does not use them", async () => {
    const p = new CorpusProject();
    p.edit('recipients.yaml', 'office: cn', 'office: cnn');
    const result = await check({ dir: p.dir });
    expect(result.errors.map((d) => `${d.code} ${d.file}:${d.line}:${d.column} ${d.hint}`)).toContain(
      "unknown-recipient recipients.yaml:2:9 did you mean 'cn'?",
    );
  });

  it('a folder that is not a letter project: exit 2 and a hint, no stack trace', () => {
    const p = new CorpusProject();
    p.remove('letter.yaml');
    const r = letterCli(['check', p.dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no letter\.yaml .* — run `letter init`/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    const missing = letterCli(['check', `${p.dir}/nowhere`]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).not.toMatch(/^\s+at /m);
  });
});
