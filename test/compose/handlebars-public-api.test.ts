/**
 * Markdown escaping of `{{x}}` goes through Handlebars' public compiler API (parse, a mutating Visitor, compile of the
 * AST with noEscape): no subclass of its JavaScriptCompiler, none of the compiler's inner methods, nothing global (src/compose/markdown-escapes.ts).
 */

import { relative } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { TemplateSet } from '../../src/compose/handlebars.js';
import type { TemplateSource } from '../../src/load/index.js';
import { ROOT, SRC, code, files } from '../support/source.js';

function render(main: string, context: object, partials: Record<string, string> = {}): string {
  const sources = new Map<string, TemplateSource>([
    ['letter', { name: 'letter', file: 'templates/letter.hbs', source: main }],
    ...Object.entries(partials).map(([name, source]): [string, TemplateSource] => [
      `partials/${name}`,
      { name: `partials/${name}`, file: `templates/partials/${name}.hbs`, source },
    ]),
  ]);
  return new TemplateSet(sources, 'letter').forLang('en')(context);
}

describe('Handlebars through its public API', () => {
  it("no file of src/ reaches into Handlebars' compiler (JavaScriptCompiler and its inner methods)", () => {
    const found: Record<string, string[]> = {};
    for (const file of files(SRC)) {
      const uses = [
        ...code(file).matchAll(
          /\b(JavaScriptCompiler|appendEscaped|appendToBuffer|pushSource|popStack|escapeExpression\s*=|Utils\.\w+\s*=)/g,
        ),
      ].map((m) => m[1]!);
      if (uses.length) found[relative(ROOT, file)] = [...new Set(uses)];
    }
    expect(found).toEqual({});
  });

  it('escapes {{x}} for Markdown, leaves {{{x}}}, {{&x}} and SafeString values as they are', () => {
    const context = { x: 'a *b* [c] _d_ # e', safe: new Handlebars.SafeString('**kept**') };
    expect(render('{{x}}|{{{x}}}|{{&x}}|{{safe}}', context)).toBe(
      'a \\*b\\* \\[c\\] \\_d\\_ \\# e|a *b* [c] _d_ # e|a *b* [c] _d_ # e|**kept**',
    );
  });

  it('reads each {{…}} as Handlebars does: helpers called, paths, block parameters and literal names looked up', () => {
    const context = { list: ['x*', 'y_'], a: 1, b: 1, 'full name': 'N*', obj: { k: 'v*' } };
    expect(
      render(
        '{{#each list as |lines i|}}{{lines}}{{i}} {{/each}}{{eq a b}} {{lookup obj "k"}} {{"full name"}} {{obj.k}}',
        context,
      ),
    ).toBe('x\\*0 y\\_1 true v\\* N\\* v\\*');
    expect(render('{{#each list}}{{this}}{{@index}}{{../a}} {{/each}}', context)).toBe('x\\*01 y\\_11 ');
  });

  it('escapes in partials and inline partials too, and keeps whitespace control as it was', () => {
    expect(
      render(
        '{{#*inline "i"}}[{{x}}]{{/inline}}{{> i}} {{> p}}\n{{#if x}}\n  {{~x~}}  \n{{/if}}\n',
        { x: '*' },
        {
          p: '({{x}})',
        },
      ),
    ).toBe('[\\*] (\\*)\n\\*');
  });

  it('leaves every other Handlebars as it was: the global one still escapes HTML', () => {
    render('{{x}}', { x: '<b>' });
    expect(Handlebars.compile('{{x}}')({ x: '<b>*' })).toBe('&lt;b&gt;*');
    expect(Handlebars.create().compile('{{x}}')({ x: '<b>*' })).toBe('&lt;b&gt;*');
  });

  it('compiles each template text once for every language of a batch, each language with its own partials', () => {
    const sources = new Map<string, TemplateSource>(
      Object.entries({
        letter: '{{#each names}}{{> greet}} {{/each}}{{> closing}}',
        'partials/greet': 'Dear {{this}},',
        'partials/closing': 'Yours {{x}}',
        'partials/closing.zh': '此致 {{x}}',
        'partials/closing.ko': '올림 {{x}}',
        'partials/unused': '{{> unused}}',
      }).map(([name, source]): [string, TemplateSource] => [
        name,
        { name, file: `templates/${name}.hbs`, source },
      ]),
    );
    const context = { names: ['A*', 'B'], x: '_x_' };
    const batch = new TemplateSet(sources, 'letter');
    const outputs = ['en', 'zh', 'ko', 'en', 'zh'].map((lang) => batch.forLang(lang)(context));
    expect(outputs).toEqual([
      'Dear A\\*, Dear B, Yours \\_x\\_',
      'Dear A\\*, Dear B, 此致 \\_x\\_',
      'Dear A\\*, Dear B, 올림 \\_x\\_',
      'Dear A\\*, Dear B, Yours \\_x\\_',
      'Dear A\\*, Dear B, 此致 \\_x\\_',
    ]);
    // The letter, greet and the three closings; the partial no letter calls is never compiled.
    expect(batch.counts.compiled).toBe(5);
    for (const lang of ['en', 'zh', 'ko'])
      expect(new TemplateSet(sources, 'letter').forLang(lang)(context)).toBe(
        outputs[['en', 'zh', 'ko'].indexOf(lang)],
      );
  });
});
