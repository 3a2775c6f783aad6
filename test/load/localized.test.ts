/** Localisable maps in letter.yaml: an unknown language code and a missing language are warnings at their place; the build goes on. */

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import type { Diagnostic } from '../../src/diag/index.js';
import { letterCli, pdfText } from '../support/tools.js';
import { CorpusProject } from '../corpus/project.js';

const at = (d: Diagnostic) => `${d.code} ${d.file}:${d.line}:${d.column}`;

function languageWarnings(list: readonly Diagnostic[]): Diagnostic[] {
  return list.filter((d) => d.code === 'unknown-language' || d.code === 'missing-translation');
}

describe('localisable values', () => {
  it('the base project, complete maps and plain strings: no language warnings', async () => {
    const p = new CorpusProject();
    p.edit('letter.yaml', 'place: { en: Toronto, ko: 토론토, zh: 多伦多 }', 'place: Toronto');
    const result = await check({ dir: p.dir });
    expect(result.errors).toEqual([]);
    expect(languageWarnings(result.warnings)).toEqual([]);
  });

  it('an unknown code is a warning at its key; a country code for a language says which', async () => {
    const p = new CorpusProject();
    p.edit('letter.yaml', 'zh: 多伦多 }', 'zh: 多伦多, xx: Foo }');
    p.edit(
      'letter.yaml',
      'org: { en: Crossing NK, ko: 크로싱 엔케이, zh: Crossing NK }',
      'org: { en: Crossing NK, kr: 크로싱 엔케이, zh: Crossing NK }',
    );
    const result = await check({ dir: p.dir });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    const found = languageWarnings(result.warnings);
    expect(found.map(at)).toEqual([
      'unknown-language letter.yaml:5:41',
      'unknown-language letter.yaml:23:29',
      'missing-translation letter.yaml:23:10',
    ]);
    expect(found.every((d) => d.severity === 'warning')).toBe(true);
    expect(found[0]!.message).toBe("'xx' in 'place' is not a language of this letter (en, ko, zh)");
    expect(found[1]!.hint).toBe(
      "did you mean 'ko'? ('kr' is the country code of South Korea, not a language)",
    );
    expect(found[2]!.message).toBe("'signatories[0].org' has no 'ko' version");
    expect((await check({ dir: p.dir, strict: true })).exitCode).toBe(2);
  });

  it('a language the project has text for, though not built by default, is not unknown', async () => {
    const p = new CorpusProject();
    p.edit('letter.yaml', 'languages: [en, ko, zh]', 'languages: [en, ko]');
    const result = await check({ dir: p.dir });
    expect(languageWarnings(result.warnings)).toEqual([]);
  });

  it('a map missing a built language warns at the map, and the build still makes the letter (with the fallback text)', () => {
    const p = new CorpusProject();
    p.edit(
      'letter.yaml',
      'place: { en: Toronto, ko: 토론토, zh: 多伦多 }',
      'place: { en: Toronto, ko: 토론토 }',
    );
    p.edit(
      'letter.yaml',
      'name: { en: Xi Jinping, ko: 시진핑, zh: 习近平 }',
      'name: { en: Xi Jinping, ko: 시진핑 }',
    );
    const checked = letterCli(['check', p.dir, '--json']);
    expect(checked.status, checked.stdout).toBe(0);
    const report = JSON.parse(checked.stdout) as { errors: Diagnostic[]; warnings: Diagnostic[] };
    expect(report.errors).toEqual([]);
    expect(languageWarnings(report.warnings).map((d) => `${at(d)} ${d.message}`)).toEqual([
      "missing-translation letter.yaml:5:8 'place' has no 'zh' version",
      "missing-translation letter.yaml:12:11 'to[0].name' has no 'zh' version",
    ]);
    expect(languageWarnings(report.warnings)[0]!.hint).toMatch(/add zh: … to it, or write one plain string/);
    const out = join(p.dir, '..', 'out');
    const built = letterCli(['build', p.dir, '--lang', 'zh', '--format', 'pdf', '--out', out]);
    expect(built.status, built.stderr).toBe(0);
    expect(pdfText(join(out, 'cn', 'corpus-letter.zh.pdf'))).toContain('2023年12月10日于Toronto');
  });
});
