/** The published schema itself: a valid draft-07 JSON Schema (the build skips this check for speed), and the example conforms. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'letter.schema.json'), 'utf8')) as object;

describe('schema/letter.schema.json', () => {
  it('is a valid draft-07 schema, strictly', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true, strictTuples: false, strictRequired: false });
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('accepts the example letter and the fixtures', () => {
    const validate = new Ajv({ allErrors: true }).compile(schema);
    for (const dir of ['examples/open-letter-2023', 'test/fixtures/long-letter', 'test/fixtures/batch']) {
      const data = parse(readFileSync(join(ROOT, dir, 'letter.yaml'), 'utf8')) as unknown;
      expect(validate(data), `${dir}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
