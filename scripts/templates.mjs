#!/usr/bin/env node
// `npm run build`, after tsc: the tool's own templates (templates/**/*.hbs) compiled once, as code, into
// dist/compose/shipped-templates.cjs (src/compose/precompiled.ts), so that a run does not parse and compile the
// templates it uses (Handlebars' parser and code generator, cold, at every start). A template whose text is not there
// (a project's own, or one edited since the build) is compiled at run time as before.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const { precompiledModule } = await import(join(ROOT, 'dist', 'compose', 'handlebars.js'));
const { SHIPPED_TEMPLATES_FILE } = await import(join(ROOT, 'dist', 'compose', 'precompiled.js'));

const dir = join(ROOT, 'templates');
const texts = readdirSync(dir, { recursive: true })
  .filter((name) => name.endsWith('.hbs'))
  .sort()
  .map((name) => readFileSync(join(dir, name), 'utf8'));
writeFileSync(join(ROOT, 'dist', 'compose', SHIPPED_TEMPLATES_FILE), precompiledModule(texts));
