/**
 * An empty text in letter.yaml where a text is asked for (a signatory's organisation, a recipient's name, the place),
 * plain or in one language of a map, is an error at its value (exit 2, nothing written). `org: ""` built a letter
 * whose signature block was empty and whose author was blank, exit 0, without a word.
 */

import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterCli, tempDir } from '../support/tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023');

function edited(from: string, to: string): string {
  const dir = join(tempDir('letter-empty-value-'), 'letter');
  cpSync(EXAMPLE, dir, { recursive: true });
  const yaml = readFileSync(join(dir, 'letter.yaml'), 'utf8');
  expect(yaml).toContain(from);
  writeFileSync(join(dir, 'letter.yaml'), yaml.replace(from, to));
  return dir;
}

describe('an empty text in letter.yaml', () => {
  it.each([
    [
      "a signatory's organisation",
      '  - org: { en: Crossing NK, ko: 크로싱 엔케이, zh: Crossing NK }',
      '  - org: ""',
      /^letter\.yaml:\d+:10: signatories\[1\]\.org '' must NOT have fewer than 1 characters/m,
    ],
    [
      "one language of a signatory's organisation",
      '  - org: { en: Crossing NK, ko: 크로싱 엔케이, zh: Crossing NK }',
      '  - org: { en: "", ko: 크로싱 엔케이, zh: Crossing NK }',
      /^letter\.yaml:\d+:16: signatories\[1\]\.org\.en '' must NOT have fewer than 1 characters/m,
    ],
    [
      "the recipient's name",
      'name: { en: Xi Jinping, ko: 시진핑, zh: 习近平 }',
      'name: ""',
      /^letter\.yaml:\d+:\d+: to\[0\]\.name '' must NOT have fewer than 1 characters/m,
    ],
    [
      'the place',
      'place: { en: Toronto, ko: 토론토, zh: 多伦多 }',
      'place: ""',
      /^letter\.yaml:6:8: place '' must NOT have fewer than 1 characters/m,
    ],
  ])('%s is an error at its value, exit 2, nothing written', (_, from, to, message) => {
    const dir = edited(from, to);
    const out = join(dir, 'dist');
    const r = letterCli(['build', dir, '-o', out, '-l', 'en', '-f', 'pdf']);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });
});
