#!/usr/bin/env node
// `npm run build`, after tsc: the letter schema's validator generated once as code (ajv's standalone output) into
// dist/load/letter-validator.cjs, so that a run loads a function instead of compiling the schema with ajv on every
// start (~60 ms of a cold `letter build`, BENCHMARKS.md). src/load/schema.ts compiles the schema itself when the file
// is absent (running from src/, as the tests do); test/load/standalone-validator.test.ts checks the two agree.
// Then the tool's own locale files (locales/<lang>/<ns>.json) checked as a project's are: a run reads them as plain
// JSON (src/load/locales.ts, readShippedLocaleFile), so a problem in them fails the build instead; and its templates,
// which a run does not check again unless the project replaces them (src/load/templates.ts).

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { default: Ajv } = require('ajv');
const { default: standalone } = require('ajv/dist/standalone');
const { VALIDATOR_OPTIONS } = await import(join(ROOT, 'dist', 'load', 'schema-options.js'));

const schema = JSON.parse(
  require('node:fs').readFileSync(join(ROOT, 'schema', 'letter.schema.json'), 'utf8'),
);
const ajv = new Ajv({ ...VALIDATOR_OPTIONS, code: { ...VALIDATOR_OPTIONS.code, source: true } });
writeFileSync(join(ROOT, 'dist', 'load', 'letter-validator.cjs'), standalone(ajv, ajv.compile(schema)));

const { shippedLocaleProblems } = await import(join(ROOT, 'dist', 'load', 'locales.js'));
const { shippedTemplateProblems } = await import(join(ROOT, 'dist', 'load', 'templates.js'));
const problems = [...shippedLocaleProblems(ROOT), ...shippedTemplateProblems(ROOT)];
if (problems.length) {
  const lines = problems.map((d) => `${d.file}:${d.line ?? 1}:${d.column ?? 1}: ${d.message}`);
  console.error(`build: the tool's locale files or templates have problems:\n${lines.join('\n')}`);
  process.exit(1);
}
