/**
 * Handlebars in its two parts. The runtime runs templates already compiled: the tool's own, compiled by `npm run build`
 * (compose/precompiled.ts), which is all a letter on the shipped templates renders. The compiler (parser, code
 * generator, their tables and source-map) is for any other template text: a project's own templates, checked when the
 * project loads and compiled when it is composed. In the bundle the compiler's modules are set up when first asked for
 * (scripts/bundle.mjs), so a build that compiles nothing never initialises them (W1: ~12 M instructions).
 */

import Handlebars from 'handlebars';
import * as runtimeModule from 'handlebars/runtime.js';
import type { TemplateSource } from './types.js';

/** What of Handlebars' environment is its compiler's. */
type CompilerPart = 'compile' | 'precompile' | 'parse' | 'parseWithoutProcessing' | 'Visitor' | 'AST';

/** Handlebars' runtime environment: `create()`, `template()`, helpers, `SafeString`; none of the compiler. */
export interface HandlebarsRuntime extends Omit<typeof Handlebars, CompilerPart | 'create'> {
  create(): HandlebarsRuntime;
}

// Its file, not a package export (handlebars has no export map), so with its extension. runtime.d.ts declares no exports: the module's value is the runtime environment, typed here.
export const handlebarsRuntime = (runtimeModule as unknown as { default: HandlebarsRuntime }).default;

/** Handlebars with its compiler: `parse`, `compile`, `precompile`, `Visitor`. */
export function handlebarsWithCompiler(): typeof Handlebars {
  return Handlebars;
}

const parsed = new WeakMap<TemplateSource, hbs.AST.Program>();

/**
 * A template's syntax tree, parsed once for the walkers that read it (load's checks of syntax and names, check's of
 * its text); it throws Handlebars' parse error, which checkTemplates reports.
 */
export function parsedTemplate(source: TemplateSource): hbs.AST.Program {
  let ast = parsed.get(source);
  if (!ast) parsed.set(source, (ast = handlebarsWithCompiler().parse(source.source)));
  return ast;
}
