/** Templates checked before anything renders: syntax (with line and column), partials that exist, helpers that exist, no prototype access. */

import { didYouMean, problem, shown, type Diagnostic } from '../diag/index.js';
import type { Lang } from '../model/index.js';
import { locationAt, MAX_NESTING } from './text.js';
import { templateNesting } from './template-nesting.js';
import { parseStop } from './template-parse-error.js';
import type { TemplateSource } from './types.js';
import { LANG_SUFFIX } from './paths.js';
import { unknownNames } from './template-names.js';
import { parsedTemplate } from './handlebars.js';

/** The helpers a template may call; the sandboxed Handlebars in compose registers exactly these (and drops `log`). */
export const TEMPLATE_HELPERS = [
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'lines',
  'blockquote',
  'eq',
] as const;

/**
 * How each helper must be called: its number of arguments, and whether only as a block. Handlebars calls a known
 * helper whatever its arguments, and a wrong call fails while rendering ("options.fn is not a function"), unplaced.
 */
const HELPER_CALLS: Readonly<
  Record<(typeof TEMPLATE_HELPERS)[number], { readonly args: number; readonly block?: true }>
> = {
  if: { args: 1, block: true },
  unless: { args: 1, block: true },
  each: { args: 1, block: true },
  with: { args: 1, block: true },
  lookup: { args: 2 },
  lines: { args: 1 },
  blockquote: { args: 1 },
  eq: { args: 2 },
};

/**
 * Helpers every Handlebars instance carries for its own runtime (and compose's escaping hook): a template naming one,
 * even without arguments (`{{helperMissing}}`), would call it with the wrong arguments and fail while rendering.
 */
const INTERNAL_HELPERS = new Set(['helperMissing', 'blockHelperMissing', 'log', '__escape']);

/** Names that lead from a value to its prototype chain (and from there to `Function`). */
const FORBIDDEN = new Set([
  'constructor',
  '__proto__',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

interface HbsNode {
  readonly type: string;
  readonly loc?: { readonly start: { readonly line: number; readonly column: number } };
  readonly [field: string]: unknown;
}

/** Every problem in the templates: syntax errors, unknown partials and helpers, prototype access. */
export function checkTemplates(
  templates: ReadonlyMap<string, TemplateSource>,
  languages: readonly Lang[],
  checkedAlready: ReadonlySet<TemplateSource> = new Set(),
  /** The letter's template: names are checked only in the templates a build of it runs (none given: every one). */
  main?: string,
): Diagnostic[] {
  const partials = new Set(
    [...templates.keys()].filter((n) => n.startsWith('partials/')).map((n) => n.slice('partials/'.length)),
  );
  const out: Diagnostic[] = [];
  const checked = new Set<string>();
  for (const source of templates.values()) {
    // A template named by path (`./templates/mine.hbs`) is also in the map under its name, and a file linked under
    // many names has one text: check each text once (its errors name the first of its files).
    if (checked.has(source.source) || checkedAlready.has(source)) continue;
    checked.add(source.source);
    const deep = templateNesting(source.source).tooDeep;
    if (deep !== undefined) {
      out.push(
        problem(
          'input-too-large',
          `blocks, {{else …}} chains and sub-expressions nested more than ${MAX_NESTING} levels deep`,
          locationAt(source.source, deep, source.file),
          'a letter template needs a few levels; use partials or {{#each}} over a list',
        ),
      );
      continue;
    }
    let ast: HbsNode;
    try {
      ast = parsedTemplate(source) as unknown as HbsNode;
    } catch (e) {
      out.push(syntaxError(source, e as Error));
      continue;
    }
    const inline = new Set<string>();
    walk(ast, (node) => {
      if (node.type === 'DecoratorBlock' && pathName(node['path']) === 'inline') {
        const name = (node['params'] as HbsNode[] | undefined)?.[0];
        if (name?.type === 'StringLiteral') inline.add(String(name['value']));
      }
    });
    walk(ast, (node) => out.push(...nodeProblems(node, source, { partials, inline, languages })));
  }
  // Names are checked only in templates that parse and hold nothing worse: one mistake, one error.
  if (!out.length) out.push(...unknownNames(templates, checkedAlready, main));
  return out;
}

interface Scope {
  readonly partials: ReadonlySet<string>;
  readonly inline: ReadonlySet<string>;
  readonly languages: readonly Lang[];
}

function nodeProblems(node: HbsNode, source: TemplateSource, scope: Scope): Diagnostic[] {
  const at = where(source, node);
  if (node.type === 'PathExpression') {
    const bad = (node['parts'] as string[]).find((p) => FORBIDDEN.has(p));
    if (bad !== undefined)
      return [
        problem(
          'template-error',
          `'${shown(node['original'])}' reaches the JavaScript prototype chain`,
          at,
          "templates may only read the letter's own values",
        ),
      ];
  }
  if (node.type === 'MustacheStatement' && node['escaped'] === false) {
    // Escaping is what keeps a name with `*` literal (SPEC §6), and what compose counts against the output cap.
    return [
      problem(
        'template-error',
        'values must be escaped: {{{…}}} and {{& …}} are not supported',
        at,
        'write {{value}}; Markdown in locale texts is kept as Markdown',
      ),
    ];
  }
  if (node.type === 'MustacheStatement' || node.type === 'BlockStatement' || node.type === 'SubExpression') {
    const name = pathName(node['path']);
    if (name !== undefined && INTERNAL_HELPERS.has(helperName(node['path']) ?? '')) {
      return [
        problem(
          'template-error',
          `unknown helper '${shown(name)}'`,
          at,
          `'${shown(name)}' is Handlebars' own, not for templates; helpers: ${TEMPLATE_HELPERS.join(', ')}`,
        ),
      ];
    }
    const params = (node['params'] as HbsNode[] | undefined) ?? [];
    const hasArgs = params.length > 0 || Boolean((node['hash'] as HbsNode | undefined)?.['pairs']);
    if (name === 'lookup') {
      const key = params[1];
      if (key?.type === 'StringLiteral' && FORBIDDEN.has(String(key['value'])))
        return [
          problem(
            'template-error',
            `lookup of '${shown(key['value'])}' reaches the JavaScript prototype chain`,
            at,
            "templates may only read the letter's own values",
          ),
        ];
    }
    const call =
      name !== undefined && Object.hasOwn(HELPER_CALLS, name)
        ? HELPER_CALLS[name as keyof typeof HELPER_CALLS]
        : undefined;
    if (call && (params.length !== call.args || (call.block && node.type !== 'BlockStatement'))) {
      const usage = call.block
        ? `{{#${name} value}}…{{/${name}}}`
        : `{{${name}${' value'.repeat(call.args)}}}`;
      return [
        problem(
          'template-error',
          `helper '${name}' takes ${call.args} argument${call.args > 1 ? 's' : ''}${call.block ? ' and a block' : ''}`,
          at,
          `write ${usage}`,
        ),
      ];
    }
    if (name !== undefined && (hasArgs || node.type === 'SubExpression') && !call) {
      const guess = didYouMean(name, TEMPLATE_HELPERS);
      return [
        problem(
          'template-error',
          `unknown helper '${shown(name)}'`,
          at,
          guess ? `did you mean '${guess}'?` : `helpers: ${TEMPLATE_HELPERS.join(', ')}`,
        ),
      ];
    }
  }
  if (node.type === 'Decorator' || (node.type === 'DecoratorBlock' && pathName(node['path']) !== 'inline')) {
    return [
      problem(
        'template-error',
        'decorators other than {{#*inline}} are not supported',
        at,
        'use partials instead',
      ),
    ];
  }
  if (node.type === 'PartialStatement') return partialProblems(node, source, scope);
  return [];
}

function partialProblems(node: HbsNode, source: TemplateSource, scope: Scope): Diagnostic[] {
  const at = where(source, node);
  const nameNode = node['name'] as HbsNode;
  if (nameNode.type === 'SubExpression')
    return [
      problem(
        'template-error',
        'a partial name must be written out, not computed',
        at,
        'write {{> name}}; partial names are checked before rendering',
      ),
    ];
  const name = nameNode.type === 'PathExpression' ? String(nameNode['original']) : String(nameNode['value']);
  if (scope.inline.has(name)) return [];
  const missing = scope.languages.filter(
    (lang) => !scope.partials.has(`${name}.${lang}`) && !scope.partials.has(name),
  );
  if (!missing.length) return [];
  const known = [...new Set([...scope.partials].map((p) => p.replace(LANG_SUFFIX, '$1')))];
  const anyVariant = [...scope.partials].some((p) => p === name || p.startsWith(`${name}.`));
  if (anyVariant) {
    return [
      problem(
        'unknown-template',
        `partial '${shown(name)}' has no version for ${missing.map((l) => `'${l}'`).join(', ')}`,
        at,
        `add templates/partials/${name}.hbs (used by every language) or templates/partials/${name}.${missing[0]}.hbs`,
      ),
    ];
  }
  const guess = didYouMean(name, known);
  return [
    problem(
      'unknown-template',
      `unknown partial '${shown(name)}'`,
      at,
      guess
        ? `did you mean '${guess}'?`
        : `put it in templates/partials/${/^[\w.-]+$/.test(name) ? name : 'NAME'}.hbs`,
    ),
  ];
}

function syntaxError(
  source: TemplateSource,
  e: Error & { lineNumber?: number; column?: number },
): Diagnostic {
  const hint = 'check that every {{#block}} is closed by its {{/block}} and that braces are balanced';
  const stop = parseStop(e.message, source.source);
  const unclosed = stop?.atEnd ? templateNesting(source.source).open.pop() : undefined;
  if (unclosed) {
    return problem(
      'template-syntax',
      `template syntax error: {{${unclosed.opener}${unclosed.name}}} is never closed`,
      locationAt(source.source, unclosed.offset, source.file),
      `add {{/${unclosed.name}}} where the block ends`,
    );
  }
  const at = stop
    ? locationAt(source.source, stop.offset, source.file)
    : {
        file: source.file,
        line: e.lineNumber ?? Number(/line (\d+)/.exec(e.message)?.[1] ?? 1),
        column: (e.column ?? 0) + 1,
      };
  const detail = e.message.includes("doesn't match")
    ? e.message.replace(/ - \d+:\d+$/, '')
    : (e.message.split('\n').pop() ?? e.message);
  return problem('template-syntax', `template syntax error: ${detail}`, at, hint);
}

function where(source: TemplateSource, node: HbsNode): { file: string; line: number; column: number } {
  return { file: source.file, line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1 };
}

function pathName(path: unknown): string | undefined {
  const p = path as HbsNode | undefined;
  if (p?.type !== 'PathExpression' || p['data'] || (p['parts'] as string[]).length !== 1 || p['depth'])
    return undefined;
  return String(p['original']);
}

/** The helper a simple path would call (`[helperMissing]` calls `helperMissing`); `this.x` and `./x` call none. */
function helperName(path: unknown): string | undefined {
  const p = path as HbsNode;
  return /^\.|this\b/.test(String(p['original'])) ? undefined : String((p['parts'] as string[])[0]);
}

/** Visits every node of a Handlebars AST, depth first; depth is bounded by the parser's own nesting. */
function walk(node: unknown, visit: (node: HbsNode) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (typeof node !== 'object' || node === null || typeof (node as HbsNode).type !== 'string') return;
  visit(node as HbsNode);
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'loc' && typeof value === 'object' && value !== null) walk(value, visit);
  }
}
