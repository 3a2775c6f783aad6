/** Deep YAML block nesting (3,000 compact sequences) is a positioned error, never a stack overflow with a trace. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/source.js';
import { refusalOf } from '../support/refusal.js';

const BASE = readFileSync(join(import.meta.dirname, '..', 'corpus', 'base', 'letter.yaml'), 'utf8');
const EXAMPLE = readFileSync(
  join(import.meta.dirname, '..', '..', 'examples', 'open-letter-2023', 'letter.yaml'),
  'utf8',
);

const refusal = (text: string) => refusalOf(() => parseYaml(text, 'letter.yaml'));

describe('YAML block nesting is bounded before the parser recurses', () => {
  it('3,000 compact nested sequences on one line: input-too-large at the level that goes too deep', () => {
    const d = refusal(BASE.replace('paper: A4', `paper: A4\nx:\n  ${'- '.repeat(3000)}a`));
    expect(d).toMatchObject({ code: 'input-too-large', file: 'letter.yaml', line: 10 });
    expect(d!.message).toMatch(/nested more than 32 levels/);
  });

  it('1,500 sequences each indented one more space: refused at the line that goes too deep', () => {
    const d = refusal(
      `${BASE}x:\n${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i)}- \n`).join('')}`,
    );
    expect(d).toMatchObject({ code: 'input-too-large', file: 'letter.yaml' });
    expect(d!.line).toBeLessThan(BASE.split('\n').length + 40);
  });

  it('real letters and a few levels of compact nesting still parse', () => {
    expect(refusal(BASE)).toBeUndefined();
    expect(refusal(EXAMPLE)).toBeUndefined();
    expect(refusal('a:\n  - - - x\n    - y\n  - b: c\n    d:\n      - e\n')).toBeUndefined();
  });
});
