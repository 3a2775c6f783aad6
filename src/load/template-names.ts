/**
 * Values a template reads that the letter's context never has: Handlebars prints nothing for `{{titel}}` or
 * `{{recipient.salutaton}}`, so a typo in a project's template silently drops the title or the salutation. Only reads
 * made in the letter's own context are checked: inside `{{#each}}`, `{{#with}}` or another block that changes the
 * context, in an inline partial, or in a partial that any template calls from such a place or with a context of its
 * own, a name means something else, and is left alone.
 */

import { didYouMean, problem, shown, type Diagnostic } from '../diag/index.js';
import { LANG_SUFFIX } from './paths.js';
import type { TemplateSource } from './types.js';
import { parsedTemplate } from './handlebars.js';

/** The names of the letter's template context (compose's LetterContext: test/load/template-names.test.ts keeps them equal). */
export const CONTEXT_NAMES: readonly string[] = [
  'lang',
  'locale',
  'register',
  'title',
  'subtitle',
  'reference',
  'referenceLine',
  'date',
  'place',
  'dateline',
  'recipient',
  'via',
  'body',
  'close',
  'signatories',
  'enclosures',
  'cc',
  'labels',
];

/** The names of `recipient` (the directory's Addressee: the same test keeps them equal). */
export const RECIPIENT_NAMES: readonly string[] = [
  'id',
  'officeId',
  'title',
  'shortTitle',
  'honorific',
  'name',
  'familyName',
  'gender',
  'nameSource',
  'country',
  'style',
  'joint',
  'addressLines',
  'salutation',
  'vocative',
  'close',
  'signOff',
  'verified',
  'holderData',
  'holderStatus',
  'lang',
];

/** Values with a fixed set of names below them; `labels` holds the tool's strings, which a project may add to. */
const NAMES_BELOW: Readonly<Record<string, readonly string[]>> = {
  recipient: RECIPIENT_NAMES,
  via: ['name', 'lines'],
};

interface Node {
  readonly type: string;
  readonly loc?: { readonly start: { readonly line: number; readonly column: number } };
  readonly [field: string]: unknown;
}

interface PathRead {
  readonly parts: readonly string[];
  readonly original: string;
  readonly node: Node;
}

/** What one template reads in its own context, and the partials it calls, each from the letter's context or not. */
interface Scan {
  readonly reads: PathRead[];
  readonly calls: { readonly partial: string; readonly inContext: boolean }[];
}

/** Problems in the templates not in `skip` (the tool's own, checked when it is built); the others tell who calls whom. */
export function unknownNames(
  templates: ReadonlyMap<string, TemplateSource>,
  skip: ReadonlySet<TemplateSource>,
  /** The letter's template (letter.yaml `template`): other top-level templates never run and are not checked. */
  main: string | undefined,
): Diagnostic[] {
  const sources = [...new Set(templates.values())];
  if (sources.every((s) => skip.has(s))) return [];
  const scans = scansOf(sources);
  const { runsInContext } = reach(scans, mainSources(templates, main));
  const out: Diagnostic[] = [];
  // A template named by path (`./templates/mine.hbs`) is in the map under its name too: its problems are told once.
  const told = new Set<string>();
  for (const [source, scan] of scans) {
    if (skip.has(source) || !runsInContext(source) || told.has(`${source.file}\0${source.source}`)) continue;
    told.add(`${source.file}\0${source.source}`);
    for (const read of scan.reads) {
      const problemOf = unknownRead(read, source);
      if (problemOf) out.push(problemOf);
    }
  }
  return out;
}

function unknownRead(read: PathRead, source: TemplateSource): Diagnostic | undefined {
  const [first, second] = read.parts;
  if (first === undefined) return undefined;
  const at = {
    file: source.file,
    line: read.node.loc?.start.line ?? 1,
    column: (read.node.loc?.start.column ?? 0) + 1,
  };
  if (!CONTEXT_NAMES.includes(first)) {
    const guess = didYouMean(first, CONTEXT_NAMES);
    return problem(
      'template-error',
      `unknown value '${shown(read.original)}': the letter's context has no '${shown(first)}', so nothing would be printed`,
      { ...at, value: read.original },
      guess ? `did you mean '${guess}'?` : `values: ${CONTEXT_NAMES.join(', ')}`,
    );
  }
  const below = NAMES_BELOW[first];
  if (below && second !== undefined && !below.includes(second)) {
    const guess = didYouMean(second, below);
    return problem(
      'template-error',
      `unknown value '${shown(read.original)}': '${first}' has no '${shown(second)}', so nothing would be printed`,
      { ...at, value: read.original },
      guess ? `did you mean '${first}.${guess}'?` : `${first} has: ${below.join(', ')}`,
    );
  }
  return undefined;
}

const isPartial = (source: TemplateSource): boolean => source.name.startsWith('partials/');

/** The names a partial is called by: `partials/closing.zh` is `{{> closing}}` (its language's variant) or `{{> closing.zh}}`. */
function namesOf(source: TemplateSource): string[] {
  const name = source.name.slice('partials/'.length);
  const base = name.replace(LANG_SUFFIX, '$1');
  return base === name ? [name] : [name, base];
}

/**
 * The project's templates that a build of this letter runs: its template (each language's variant) and the partials
 * called from them, directly or through other partials. Text and reads in any other template never reach a document.
 */
export function templatesInUse(
  templates: ReadonlyMap<string, TemplateSource>,
  main: string,
): ReadonlySet<TemplateSource> {
  const scans = scansOf([...new Set(templates.values())]);
  const { runs } = reach(scans, mainSources(templates, main));
  return new Set([...scans.keys()].filter(runs));
}

function scansOf(sources: readonly TemplateSource[]): Map<TemplateSource, Scan> {
  const scans = new Map<TemplateSource, Scan>();
  for (const source of sources) {
    const scan = scanned(source);
    if (scan) scans.set(source, scan);
  }
  return scans;
}

/** The letter's template (compose renders it, by its exact name, for every language); none named: every top-level one. */
function mainSources(
  templates: ReadonlyMap<string, TemplateSource>,
  main: string | undefined,
): Set<TemplateSource> {
  const out = new Set<TemplateSource>();
  for (const [name, source] of templates)
    if (!name.startsWith('partials/') && (main === undefined || name === main)) out.add(source);
  return out;
}

/**
 * Which templates run (the letter's template, and each partial a running template calls) and which run in the
 * letter's context: the letter's template does; a partial does when every call of it from a running template is made
 * in the letter's context by a template that runs in it (found by dropping partials until nothing changes).
 */
function reach(
  scans: ReadonlyMap<TemplateSource, Scan>,
  mains: ReadonlySet<TemplateSource>,
): { runs: (source: TemplateSource) => boolean; runsInContext: (source: TemplateSource) => boolean } {
  const called = new Set<string>();
  const dropped = new Set<string>();
  const runs = (source: TemplateSource): boolean =>
    mains.has(source) || (isPartial(source) && namesOf(source).some((n) => called.has(n)));
  const runsInContext = (source: TemplateSource): boolean =>
    mains.has(source) || (runs(source) && !namesOf(source).some((n) => dropped.has(n)));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [source, scan] of scans) {
      if (!runs(source)) continue;
      const callerInContext = runsInContext(source);
      for (const call of scan.calls) {
        if (!called.has(call.partial)) {
          called.add(call.partial);
          changed = true;
        }
        if ((call.inContext && callerInContext) || dropped.has(call.partial)) continue;
        dropped.add(call.partial);
        changed = true;
      }
    }
  }
  return { runs, runsInContext };
}

function scanned(source: TemplateSource): Scan | undefined {
  if (scans.has(source)) return scans.get(source) ?? undefined;
  let ast: Node;
  try {
    ast = parsedTemplate(source) as unknown as Node;
  } catch {
    scans.set(source, null);
    return undefined; // reported by checkTemplates as a syntax error
  }
  const scan: Scan = { reads: [], calls: [] };
  statements(ast, true, scan);
  scans.set(source, scan);
  return scan;
}

/** Each template's names, read once from its one syntax tree: load's name checks and check's template text both ask. */
const scans = new WeakMap<TemplateSource, Scan | null>();

function statements(program: unknown, inContext: boolean, scan: Scan): void {
  const body = (program as Node | null | undefined)?.['body'];
  if (!Array.isArray(body)) return;
  for (const node of body as Node[]) statement(node, inContext, scan);
}

function statement(node: Node, inContext: boolean, scan: Scan): void {
  const params = (node['params'] as Node[] | undefined) ?? [];
  const hash = node['hash'] as Node | undefined;
  switch (node.type) {
    case 'MustacheStatement':
      // `{{title}}` reads a value; `{{lines close}}` calls a helper with values.
      if (!params.length && !hash) expression(node['path'] as Node, inContext, scan);
      else argumentsOf(params, hash, inContext, scan);
      return;
    case 'BlockStatement': {
      argumentsOf(params, hash, inContext, scan);
      const helper = simpleName(node['path'] as Node);
      // {{#if}} and {{#unless}} keep the context; {{#each}}, {{#with}} and a section block change it for their body.
      statements(node['program'], inContext && (helper === 'if' || helper === 'unless'), scan);
      statements(node['inverse'], inContext, scan);
      return;
    }
    case 'PartialStatement':
    case 'PartialBlockStatement': {
      const name = node['name'] as Node;
      const partial = name.type === 'PathExpression' ? String(name['original']) : String(name['value']);
      scan.calls.push({ partial, inContext: inContext && !params.length && !hash });
      argumentsOf(params, hash, inContext, scan);
      if (node.type === 'PartialBlockStatement') statements(node['program'], false, scan);
      return;
    }
    // An inline partial's body runs wherever it is called: its reads are not checked, and the partials it calls run
    // in a context of their own. Text and comments read nothing.
    case 'DecoratorBlock':
      statements(node['program'], false, scan);
      return;
    default:
      return;
  }
}

function argumentsOf(params: readonly Node[], hash: Node | undefined, inContext: boolean, scan: Scan): void {
  for (const param of params) expression(param, inContext, scan);
  for (const pair of (hash?.['pairs'] as Node[] | undefined) ?? [])
    expression(pair['value'] as Node, inContext, scan);
}

function expression(node: Node, inContext: boolean, scan: Scan): void {
  if (node.type === 'SubExpression') {
    argumentsOf(
      (node['params'] as Node[] | undefined) ?? [],
      node['hash'] as Node | undefined,
      inContext,
      scan,
    );
    return;
  }
  if (node.type !== 'PathExpression' || !inContext || node['data'] || node['depth']) return;
  const original = String(node['original']);
  // `this`, `./x` and `this.x` read the current value by its own name: not a name of the context.
  if (/^(\.|this\b)/.test(original)) return;
  scan.reads.push({ parts: node['parts'] as string[], original, node });
}

function simpleName(path: Node): string | undefined {
  return path.type === 'PathExpression' && (path['parts'] as string[]).length === 1
    ? String(path['original'])
    : undefined;
}
