/** Sandboxed Handlebars: values escaped for Markdown, partials resolved by language first, no file or prototype access. */

import Handlebars from 'handlebars';
import { LetterError, problem } from '../diag/index.js';
import type { Lang } from '../model/index.js';
import { LANG_SUFFIX, type TemplateSource } from '../load/index.js';
import { escapeMarkdown } from './escape.js';
import { compileMarkdown } from './markdown-escapes.js';
import { TemplateBudget, type SourceLoc } from './template-budget.js';

export type Render = (context: object) => string;

/** Compiles the letter's template once per language, with that language's partials. */
export class TemplateSet {
  private readonly compiled = new Map<Lang, Render>();
  /** The evaluation running now (renders are synchronous): helpers and partials count against it. */
  private budget = new TemplateBudget('');

  // Syntax, partials and helpers were checked when the project was loaded (load/template-check.ts).
  constructor(
    private readonly sources: ReadonlyMap<string, TemplateSource>,
    private readonly main: string,
  ) {}

  /** The render function for one language: `partials/closing.zh` wins over `partials/closing` for zh. */
  forLang(lang: Lang): Render {
    let render = this.compiled.get(lang);
    if (!render) {
      render = this.compile(lang);
      this.compiled.set(lang, render);
    }
    return render;
  }

  private compile(lang: Lang): Render {
    const hb = sandboxedHandlebars(() => this.budget);
    const partials = new Map<string, TemplateSource>();
    for (const [name, source] of this.sources) {
      if (!name.startsWith('partials/')) continue;
      const bare = name.slice('partials/'.length);
      const m = LANG_SUFFIX.exec(bare);
      if (m) {
        if (m[2] === lang) partials.set(m[1]!, source);
      } else if (!this.sources.has(`partials/${bare}.${lang}`)) partials.set(bare, source);
    }
    const calls = partialCalls(this.sources.values());
    for (const [name, source] of partials) {
      const partial = compileMarkdown(hb, source.source);
      // A partial given as a function is Handlebars' public way to wrap one: here, to count it and bound its depth.
      hb.registerPartial(name, (context: unknown, options?: RuntimeOptions) => {
        const budget = this.budget;
        return budget.partial(source.file, calls.get(budget.file())?.get(name), () =>
          partial(context, options),
        );
      });
    }
    const main = this.sources.get(this.main)!;
    const template = compileMarkdown(hb, main.source);
    return (context) => {
      this.budget = new TemplateBudget(main.file);
      try {
        return template(context, { allowProtoMethodsByDefault: false, allowProtoPropertiesByDefault: false });
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
}

type RuntimeOptions = Handlebars.RuntimeOptions;

/** Where each template calls each partial first (`{{> name}}`), by file: a partial nested too deep is reported there. */
function partialCalls(sources: Iterable<TemplateSource>): Map<string, Map<string, SourceLoc>> {
  const calls = new Map<string, Map<string, SourceLoc>>();
  class PartialCalls extends Handlebars.Visitor {
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
  // A file linked under many names has one text: parse it once.
  const byText = new Map<string, Map<string, SourceLoc>>();
  for (const source of sources) {
    let found = byText.get(source.source);
    if (!found) {
      found = new Map<string, SourceLoc>();
      new PartialCalls(found).accept(Handlebars.parse(source.source));
      byText.set(source.source, found);
    }
    calls.set(source.file, found);
  }
  return calls;
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

/** An isolated Handlebars whose `{{x}}` escapes for Markdown (not HTML) and whose helpers only format values. */
function sandboxedHandlebars(budget: () => TemplateBudget): typeof Handlebars {
  const hb = Handlebars.create();
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
