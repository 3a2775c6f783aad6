/** `{{x}}` escaped for Markdown instead of HTML, by rewriting the template's AST: Handlebars' public compiler API. */

import type Handlebars from 'handlebars';
import { handlebarsWithCompiler } from '../load/index.js';

/** The options every template is compiled with, at run time or at build time (precompile). */
const OPTIONS = { strict: false, noEscape: true } as const;

/**
 * Compiles a template whose `{{x}}` escapes for Markdown, through Handlebars' public compiler API (docs/compiler-api.md):
 * parsed, each escaped mustache rewritten as the triple-stash `{{{__escape x}}}`, and the AST compiled with `noEscape`,
 * so no HTML escaping is left to happen. The AST is parsed without whitespace processing: compile does that once.
 */
export function compileMarkdown(
  hb: typeof Handlebars,
  source: string | hbs.AST.Program,
): Handlebars.TemplateDelegate {
  return hb.compile(markdownAst(hb, source), OPTIONS);
}

/** The same compiled as code (Handlebars' `precompile`), for `hb.template` to run: the tool's templates, at build time. */
export function precompileMarkdown(hb: typeof Handlebars, source: string | hbs.AST.Program): string {
  return hb.precompile(markdownAst(hb, source), OPTIONS) as string;
}

function markdownAst(hb: typeof Handlebars, source: string | hbs.AST.Program): hbs.AST.Program {
  // An AST given is one parseWithoutProcessing made (Handlebars returns a Program it is given as it is).
  const ast = hb.parseWithoutProcessing(source as string);
  new (markdownEscapes ??= defineMarkdownEscapes(handlebarsWithCompiler().Visitor))(hb.helpers).accept(ast);
  return ast;
}

/** The visitor below, defined on first use: its base class, Handlebars' Visitor, comes with the compiler (load/handlebars.ts). */
let markdownEscapes: ReturnType<typeof defineMarkdownEscapes> | undefined;

function defineMarkdownEscapes(Visitor: typeof Handlebars.Visitor) {
  /**
   * Rewrites `{{x …}}` (escaped) into `{{{__escape …}}}` with the value it stood for, read as Handlebars would have: a
   * helper call (`{{eq a b}}`, or a name of a helper alone) as a subexpression, anything else (a path, `this`, `@index`,
   * a block parameter) as the lookup it was, a literal name (`{{"a b"}}`) as the lookup of that name.
   */
  return class MarkdownEscapes extends Visitor {
    // Handlebars.Visitor's documented mutation mode: a node a handler returns replaces the node visited.
    readonly mutating = true;
    /** Block parameters in scope (`{{#each list as |item|}}`): a name among them is a value, never a helper. */
    private readonly blockParams: string[][] = [];

    constructor(private readonly helpers: Readonly<Record<string, unknown>>) {
      super();
    }

    override Program(program: hbs.AST.Program): void {
      this.blockParams.unshift(program.blockParams ?? []);
      super.Program(program);
      this.blockParams.shift();
    }

    override MustacheStatement(node: hbs.AST.MustacheStatement): hbs.AST.MustacheStatement | undefined {
      if (!node.escaped) return undefined;
      const escape: hbs.AST.PathExpression = {
        type: 'PathExpression',
        data: false,
        depth: 0,
        parts: ['__escape'],
        original: '__escape',
        loc: node.loc,
      };
      return { ...node, escaped: false, path: escape, params: [this.value(node)], hash: undefined as never };
    }

    private value(node: hbs.AST.MustacheStatement): hbs.AST.Expression {
      if (node.params.length > 0 || node.hash || this.isHelper(node.path)) {
        const call: hbs.AST.SubExpression = {
          type: 'SubExpression',
          path: node.path as hbs.AST.PathExpression,
          params: node.params,
          hash: node.hash,
          loc: node.loc,
        };
        return call;
      }
      if (node.path.type === 'PathExpression') return node.path;
      // Handlebars reads a literal in a mustache's place as the name of what to look up (`{{"full name"}}`).
      const name = String((node.path as hbs.AST.Literal & { original?: unknown }).original);
      const lookup: hbs.AST.PathExpression = {
        type: 'PathExpression',
        data: false,
        depth: 0,
        parts: [name],
        original: name,
        loc: node.path.loc,
      };
      return lookup;
    }

    /** A name alone that Handlebars calls as a helper: one part, not scoped (`this`, `./`), no block parameter. */
    private isHelper(path: hbs.AST.PathExpression | hbs.AST.Literal): boolean {
      if (path.type !== 'PathExpression') {
        const name = String((path as hbs.AST.Literal & { original?: unknown }).original);
        return Object.hasOwn(this.helpers, name);
      }
      const p = path as hbs.AST.PathExpression;
      if (p.data || p.depth > 0 || p.parts.length !== 1 || /^\.|this\b/.test(p.original)) return false;
      if (this.blockParams.some((names) => names.includes(p.parts[0]!))) return false;
      return Object.hasOwn(this.helpers, p.parts[0]!);
    }
  };
}
