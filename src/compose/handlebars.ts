/** Sandboxed Handlebars: values escaped for Markdown, partials resolved by language first, no file or prototype access. */

import type Handlebars from 'handlebars';
import { LetterError, problem } from '../diag/index.js';
import type { Lang } from '../model/index.js';
import {
  handlebarsRuntime,
  handlebarsWithCompiler,
  partialCalledAs,
  type HandlebarsRuntime,
  type TemplateSource,
} from '../load/index.js';
import { escapeMarkdown } from './escape.js';
import { compileMarkdown, precompileMarkdown } from './markdown-escapes.js';
import { shippedTemplates, textDigest, type PrecompiledTemplates } from './precompiled.js';
import { TemplateBudget, type SourceLoc } from './template-budget.js';

export type Render = (context: object) => string;

/**
 * Renders the letter's template in each language, with that language's partials. One sandboxed Handlebars serves every
 * language (its helpers are the same for all); each distinct template text is parsed and compiled once for the batch,
 * when first used, and a language's partials are given to the render at run time (Handlebars' `partials` option).
 */
export class TemplateSet {
  private readonly renders = new Map<Lang, Render>();
  /** The evaluation running now (renders are synchronous): helpers and partials count against it. */
  private budget = new TemplateBudget('');
  /**
   * The sandbox that runs the templates the build compiled (Handlebars' runtime), and the one that compiles any other
   * text (with Handlebars' compiler, loaded then: load/handlebars.ts), each made when first needed. Both register the
   * same helpers; a language's partials are given to each render, so a template of one may call a partial of the other.
   */
  private runtime: HandlebarsRuntime | undefined;
  private compiler: typeof Handlebars | undefined;
  /** By template text: a file linked under many names, or the same partial in every language, is compiled once. */
  private readonly compiled = new Map<string, Compiled>();
  /** Where each compiled file calls each partial first: a partial nested too deep is reported at the call. */
  private readonly calls = new Map<string, ReadonlyMap<string, SourceLoc>>();
  /** Template texts compiled, for tests and measurement. */
  readonly counts = { compiled: 0, precompiled: 0 };

  // Syntax, partials and helpers were checked when the project was loaded (load/template-check.ts).
  constructor(
    private readonly sources: ReadonlyMap<string, TemplateSource>,
    private readonly main: string,
    /** Templates compiled at build time, by the digest of their text (precompiled.ts). */
    private readonly precompiled: PrecompiledTemplates = shippedTemplates(),
  ) {}

  /** The render function for one language: `partials/closing.zh` wins over `partials/closing` for zh. */
  forLang(lang: Lang): Render {
    let render = this.renders.get(lang);
    if (!render) {
      render = this.render(lang);
      this.renders.set(lang, render);
    }
    return render;
  }

  private render(lang: Lang): Render {
    const partials: Record<string, Handlebars.TemplateDelegate> = {};
    for (const [name, source] of this.sources) {
      const own = partialCalledAs(this.sources, name, lang);
      // A partial given as a function is Handlebars' public way to wrap one: here, to count it and bound its depth.
      if (own !== undefined)
        partials[own] = (context: unknown, options?: RuntimeOptions) => {
          const budget = this.budget;
          const partial = this.compile(source).template;
          return budget.partial(source.file, this.calls.get(budget.file())?.get(own), () =>
            partial(context, options),
          );
        };
    }
    const main = this.sources.get(this.main)!;
    return (context) => {
      this.budget = new TemplateBudget(main.file);
      try {
        return this.compile(main).template(context, {
          partials,
          allowProtoMethodsByDefault: false,
          allowProtoPropertiesByDefault: false,
        });
      } catch (e) {
        if (e instanceof LetterError) throw e;
        if (e instanceof RangeError) {
          // Inline partials ({{#*inline}}) are the template's own: one that includes itself recurses until here.
          throw new LetterError(
            problem(
              'input-too-large',
              `template '${main.file}' recurses too deep for '${lang}'`,
              { file: this.budget.file() },
              'a partial must not include itself, directly or through others',
            ),
          );
        }
        throw new LetterError(
          problem(
            'template-error',
            `template '${main.file}' failed for '${lang}': ${(e as Error).message.split('\n')[0]}`,
            { file: main.file },
            'check the partial names and helpers the template uses',
          ),
        );
      }
    };
  }

  /** The template compiled for Markdown (markdown-escapes.ts) from one parse, its partial calls read from the same AST. */
  private compile(source: TemplateSource): Compiled {
    let compiled = this.compiled.get(source.source);
    if (!compiled) {
      const digest = textDigest(source.source);
      const built = Object.hasOwn(this.precompiled, digest) ? this.precompiled[digest] : undefined;
      const template =
        built &&
        fromBuild((this.runtime ??= sandboxedHandlebars(handlebarsRuntime, () => this.budget)), built.spec);
      if (built && template) {
        compiled = { template, calls: new Map(built.calls) };
        this.counts.precompiled++;
      } else {
        const hb = (this.compiler ??= sandboxedHandlebars(handlebarsWithCompiler(), () => this.budget));
        const ast = hb.parseWithoutProcessing(source.source);
        const calls = partialCalls(ast);
        compiled = { template: compileMarkdown(hb, ast), calls };
        this.counts.compiled++;
      }
      this.compiled.set(source.source, compiled);
    }
    this.calls.set(source.file, compiled.calls);
    return compiled;
  }
}

type RuntimeOptions = Handlebars.RuntimeOptions;
type TemplateSpec = Parameters<typeof Handlebars.template>[0];

/** A template from the build's code; undefined when this Handlebars refuses it (built by another version). */
function fromBuild(hb: HandlebarsRuntime, spec: object): Handlebars.TemplateDelegate | undefined {
  try {
    return hb.template(spec as TemplateSpec);
  } catch {
    return undefined;
  }
}

/**
 * The module `npm run build` writes to dist/compose/ (precompiled.ts): each template text's compiled code and partial
 * calls, by its digest, compiled exactly as `TemplateSet` compiles it at run time.
 */
export function precompiledModule(texts: Iterable<string>): string {
  const hb = sandboxedHandlebars(handlebarsWithCompiler(), () => new TemplateBudget(''));
  const entries = [...new Set(texts)].map((text) => {
    const ast = hb.parseWithoutProcessing(text);
    const calls = JSON.stringify([...partialCalls(ast)].map(([name, loc]) => [name, { start: loc.start }]));
    return `  ${JSON.stringify(textDigest(text))}: { spec: ${precompileMarkdown(hb, ast)}, calls: ${calls} },`;
  });
  return `'use strict';\n// Generated by scripts/templates.mjs from templates/: do not edit.\nmodule.exports = {\n${entries.join('\n')}\n};\n`;
}

interface Compiled {
  readonly template: Handlebars.TemplateDelegate;
  readonly calls: ReadonlyMap<string, SourceLoc>;
}

/** Where a template calls each partial first (`{{> name}}`), read from its AST before compiling rewrites it. */
function partialCalls(ast: hbs.AST.Program): Map<string, SourceLoc> {
  class PartialCalls extends handlebarsWithCompiler().Visitor {
    constructor(private readonly found: Map<string, SourceLoc>) {
      super();
    }
    private note(name: hbs.AST.Expression, loc: SourceLoc): void {
      const key =
        name.type === 'PathExpression'
          ? (name as hbs.AST.PathExpression).original
          : String((name as hbs.AST.StringLiteral).value);
      if (!this.found.has(key)) this.found.set(key, loc);
    }
    override PartialStatement(node: hbs.AST.PartialStatement): void {
      this.note(node.name, node.loc);
      super.PartialStatement(node);
    }
    override PartialBlockStatement(node: hbs.AST.PartialBlockStatement): void {
      this.note(node.name, node.loc);
      super.PartialBlockStatement(node);
    }
  }
  const found = new Map<string, SourceLoc>();
  new PartialCalls(found).accept(ast);
  return found;
}

/** Wraps a block helper so that each body it runs (`fn` and `inverse`) counts against the evaluation's budget. */
function budgeted(
  delegate: Handlebars.HelperDelegate,
  budget: () => TemplateBudget,
): Handlebars.HelperDelegate {
  const helper = delegate as (this: unknown, ...args: unknown[]) => unknown;
  return function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Handlebars.HelperOptions & { loc?: SourceLoc };
    if (typeof options?.fn !== 'function') return helper.apply(this, args);
    const count = (body: Handlebars.TemplateDelegate) =>
      // Own properties (a program's block parameters) travel with the body.
      Object.assign(function (this: unknown, ...inner: unknown[]) {
        return budget().body(options.loc, () =>
          String((body as (this: unknown, ...a: unknown[]) => unknown).apply(this, inner)),
        );
      }, body);
    args[args.length - 1] = { ...options, fn: count(options.fn), inverse: count(options.inverse) };
    return helper.apply(this, args);
  };
}

/**
 * An isolated Handlebars, made from `base` (the runtime, or Handlebars with its compiler), whose `{{x}}` escapes for
 * Markdown (not HTML) and whose helpers only format values.
 */
function sandboxedHandlebars<Environment extends HandlebarsRuntime>(
  base: { create(): Environment },
  budget: () => TemplateBudget,
): Environment {
  const hb = base.create();
  // Per-instance escaping (libs.md §8): overriding Utils.escapeExpression would change every instance in the process;
  // compileMarkdown makes every `{{x}}` a call of this helper instead.
  hb.registerHelper('__escape', (value: unknown) => {
    if (value === null || value === undefined) return '';
    if (value instanceof hb.SafeString) return budget().value(value.toHTML());
    return budget().value(escapeMarkdown(String(value)));
  });
  /** Lines joined with Markdown hard breaks (an address block). */
  hb.registerHelper('lines', (value: unknown) => {
    const lines = Array.isArray(value) ? value : [value];
    return new hb.SafeString(
      lines
        .map((l) => (l instanceof hb.SafeString ? l.toHTML() : escapeMarkdown(String(l ?? ''))))
        .join('\\\n'),
    );
  });
  /** Text prefixed for a Markdown block quote, line by line. */
  hb.registerHelper('blockquote', (value: unknown) => {
    const text = value instanceof hb.SafeString ? value.toHTML() : escapeMarkdown(String(value ?? ''));
    return new hb.SafeString(
      text
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n'),
    );
  });
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // `{{log}}` writes to the console: it would corrupt `--json` output on stdout. load/template-check.ts lists the rest.
  hb.unregisterHelper('log');
  // The block helpers, and blockHelperMissing (`{{#list}}…{{/list}}` iterates like each), run bodies within the budget.
  for (const name of ['if', 'unless', 'each', 'with', 'blockHelperMissing'])
    hb.registerHelper(name, budgeted(hb.helpers[name]!, budget));
  return hb;
}
