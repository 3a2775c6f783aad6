/**
 * The letter schema's validator that `npm run build` generates as code (dist/load/letter-validator.cjs, ajv's
 * standalone output, loaded instead of compiling the schema at every start) says what the compiled schema says:
 * the same verdict and the same errors, for the example, the fixtures and broken letters.
 */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { VALIDATOR_OPTIONS } from '../../src/load/schema-options.js';

const ROOT = join(import.meta.dirname, '..', '..');
const GENERATED = join(ROOT, 'dist', 'load', 'letter-validator.cjs');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'letter.schema.json'), 'utf8')) as object;

const letters: unknown[] = [
  ...['examples/open-letter-2023', 'test/fixtures/long-letter', 'test/fixtures/batch'].map(
    (dir) => parse(readFileSync(join(ROOT, dir, 'letter.yaml'), 'utf8')) as unknown,
  ),
  { slug: 'a b', to: 5 },
  { slug: 'ok', title: { en: 3 }, signatories: [{ org: 1 }], extra: true, date: '2023-13-45' },
  { to: [{ id: '../etc' }], languages: ['xx-yy-zz'], pdf: { standard: 'PDF/X' } },
  null,
];

describe('the generated letter validator', () => {
  it("is written by npm run build and gives the compiled schema's verdicts and errors", () => {
    expect(existsSync(GENERATED)).toBe(true);
    const generated = createRequire(import.meta.url)(GENERATED) as ValidateFunction;
    const compiled = new Ajv(VALIDATOR_OPTIONS).compile(schema);
    for (const letter of letters) {
      const verdict = compiled(letter);
      expect(generated(letter), JSON.stringify(letter)).toBe(verdict);
      expect(generated.errors ?? null).toEqual(compiled.errors ?? null);
    }
    expect(letters.filter((l) => !compiled(l))).toHaveLength(4);
  });
});
