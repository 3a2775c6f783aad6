/**
 * Templates bounded before and while they run: nesting that Handlebars' parser and compiler recurse on is refused
 * before parsing (deep sub-expressions take minutes to parse, long `{{else if}}` chains overflow its stack), and
 * evaluation has a work budget (block bodies and partials run) and an output cap, so nested `{{#each}}` in a few
 * hundred bytes is a positioned refusal, not a V8 heap abort.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import type { Diagnostic } from '../../src/diag/index.js';
import { checkTemplates } from '../../src/load/template-check.js';
import { TemplateSet } from '../../src/compose/handlebars.js';
import { MAX_TEMPLATE_OUTPUT, MAX_TEMPLATE_STEPS } from '../../src/compose/template-budget.js';
import type { TemplateSource } from '../../src/load/index.js';
import { CorpusProject } from '../corpus/project.js';
import { refusalOf } from '../support/refusal.js';

const FILE = 'templates/bomb.hbs';

function sources(main: string, partials: Record<string, string> = {}): Map<string, TemplateSource> {
  const map = new Map<string, TemplateSource>([['bomb', { name: 'bomb', file: FILE, source: main }]]);
  for (const [name, source] of Object.entries(partials))
    map.set(`partials/${name}`, { name: `partials/${name}`, file: `templates/partials/${name}.hbs`, source });
  return map;
}

function checked(main: string, partials: Record<string, string> = {}): Diagnostic[] {
  return checkTemplates(sources(main, partials), ['en']);
}

/** The refusal rendering `main` with `context` raises, or undefined when it renders. */
function renderRefusal(
  main: string,
  context: object,
  partials: Record<string, string> = {},
): Diagnostic | undefined {
  const render = new TemplateSet(sources(main, partials), 'bomb').forLang('en');
  return refusalOf(() => render(context));
}

describe('template nesting is refused before Handlebars parses it', () => {
  it('300 nested sub-expressions: input-too-large at the one that goes too deep', () => {
    const d = checked(`line one\n{{eq ${'(eq '.repeat(300)}1 1${')'.repeat(300)} 1}}`);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'input-too-large', file: FILE, line: 2, column: 6 + 4 * 32 });
    expect(d[0]!.message).toMatch(/nested more than 32 levels/);
  });

  it('an {{else if}} chain of 300: refused at the {{else}} that goes too deep (each one nests the next)', () => {
    const d = checked(`{{#if a}}x\n${'{{else if a}}x\n'.repeat(300)}{{/if}}`);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'input-too-large', file: FILE, line: 33, column: 1 });
  });

  it('5,000 sub-expressions and 5,000 {{else if}}: refused, without parsing (which takes minutes or overflows)', () => {
    expect(checked(`{{eq ${'(eq '.repeat(5000)}1 1${')'.repeat(5000)} 1}}`)[0]!.code).toBe('input-too-large');
    expect(checked(`{{#if a}}x${'{{else if a}}x'.repeat(5000)}{{/if}}`)[0]!.code).toBe('input-too-large');
  });

  it('parentheses inside string literals and comments do not count; ordinary chains and sub-expressions pass', () => {
    expect(checked(`{{eq "${'('.repeat(100)}" "x"}}{{!-- ${'(('.repeat(100)} --}}`)).toEqual([]);
    expect(
      checked(
        `{{#if (eq title (eq subtitle place))}}1{{else if subtitle}}2{{else if place}}3{{else}}4{{/if}}{{#each body}}{{#if p}}z{{/if}}{{/each}}`,
      ),
    ).toEqual([]);
  });

  it('a value that is not escaped ({{{x}}}, {{& x}}) is refused: values are escaped for Markdown (SPEC §6)', () => {
    const [d] = checked('a\n  {{{name}}}');
    expect(d).toMatchObject({ code: 'template-error', file: FILE, line: 2, column: 3 });
    expect(checked('{{& name}}')[0]!.code).toBe('template-error');
  });
});

describe('template evaluation has a work budget and an output cap', () => {
  it('two nested {{#each}} over 1,000 items (a million bodies): refused at the block, naming the file and the limit', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    // The 100,001st body is the inner block's (the outer one has run 100 of its 1,001-body rounds).
    const d = renderRefusal('x\n{{#each items}}\n  {{#each @root.items}}.{{/each}}{{/each}}', { items });
    expect(d).toMatchObject({ code: 'input-too-large', file: FILE, line: 3, column: 3 });
    expect(d!.message).toContain(`${MAX_TEMPLATE_STEPS.toLocaleString('en')} block bodies and partials`);
  });

  it('a body that repeats a long value: refused at the output cap', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const d = renderRefusal('{{#each items}}{{@root.v}}{{@root.v}}{{/each}}', {
      items,
      v: 'x'.repeat(10_000),
    });
    expect(d).toMatchObject({ code: 'input-too-large', file: FILE });
    expect(d!.message).toContain(`${MAX_TEMPLATE_OUTPUT.toLocaleString('en')} characters`);
  });

  it('a partial that includes itself: refused naming the partial, not a stack overflow', () => {
    const d = renderRefusal('{{> loop}}', {}, { loop: 'again\n{{> loop}}' });
    expect(d).toMatchObject({
      code: 'input-too-large',
      file: 'templates/partials/loop.hbs',
      line: 2,
      column: 1,
    });
    expect(d!.message).toMatch(/partials nested more than 32 levels/);
  });

  it("within the budget, the output is exactly Handlebars' (blocks, else, each with @index, partials)", () => {
    const render = new TemplateSet(
      sources(
        '{{#each items}}{{@index}}:{{this}}{{#if @last}}.{{else}},{{/if}}{{/each}} {{> p}}{{#with o}}{{k}}{{/with}}{{#unless n}}u{{/unless}}',
        { p: '[{{#each o}}{{@key}}={{this}}{{/each}}]' },
      ),
      'bomb',
    ).forLang('en');
    expect(render({ items: ['a', 'b', 'c'], o: { k: 'v' }, n: false })).toBe('0:a,1:b,2:c. [k=v]vu');
  });
});

describe('a 300-byte template of nested {{#each}}: build exits 2 fast, nothing written', () => {
  it("ten levels of {{#each @root}} (20^10 bodies) in the project's template", async () => {
    const p = new CorpusProject();
    const bomb = `${'{{#each @root}}'.repeat(10)}x${'{{/each}}'.repeat(10)}\n`;
    expect(bomb.length).toBeLessThan(300);
    p.write('templates/bomb.hbs', bomb);
    p.edit('letter.yaml', 'template: open-letter', 'template: ./templates/bomb.hbs');
    const out = join(p.dir, 'dist');
    const result = await build({ dir: p.dir, out, formats: ['pdf'], langs: ['en'] });
    expect(result.exitCode).toBe(2);
    expect(result.errors[0]).toMatchObject({ code: 'input-too-large', file: 'templates/bomb.hbs', line: 1 });
    expect(existsSync(out)).toBe(false);
  });
});
