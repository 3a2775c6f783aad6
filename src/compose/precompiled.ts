/**
 * The tool's own templates compiled at build time: `npm run build` (scripts/templates.mjs) writes each shipped template's
 * compiled code (Handlebars' precompile, with compose's Markdown escaping) and its partial calls into
 * dist/compose/shipped-templates.cjs, by the SHA-256 of its text. A run takes a template from there when its text is
 * one of those (the tool's, or a project's copy of it) instead of parsing and compiling it: about a tenth of composing
 * one letter. Any other text, or a run from src/ where there is no such file, compiles as before.
 */

import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { SourceLoc } from './template-budget.js';

/** One template as the build compiled it. */
export interface Precompiled {
  /** Handlebars' template specification: what `precompile` printed, evaluated as code by loading the module. */
  readonly spec: object;
  /** Where it calls each partial first (`{{> name}}`), as `TemplateSet` reads them from an AST. */
  readonly calls: readonly (readonly [string, SourceLoc])[];
}

/** Precompiled templates by the SHA-256 (hex) of their text. */
export type PrecompiledTemplates = Readonly<Record<string, Precompiled>>;

export const SHIPPED_TEMPLATES_FILE = 'shipped-templates.cjs';

export function textDigest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

let shipped: PrecompiledTemplates | undefined;

/** The build's precompiled templates, beside this module (dist/compose/) or, from the bundle, beside dist/bundle/. */
export function shippedTemplates(): PrecompiledTemplates {
  if (!shipped) {
    const file = join(import.meta.dirname, '..', 'compose', SHIPPED_TEMPLATES_FILE);
    shipped = existsSync(file)
      ? (createRequire(import.meta.url)(file) as PrecompiledTemplates)
      : Object.create(null);
  }
  return shipped!;
}
