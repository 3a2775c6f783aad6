/** Templates cannot reach the prototype chain or read files: refused before rendering, and inert even if rendered. */

import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateSet } from '../../src/compose/handlebars.js';
import { checkTemplates } from '../../src/load/template-check.js';
import { LetterError } from '../../src/diag/index.js';
import type { TemplateSource } from '../../src/load/index.js';

const SECRET = 'SECRET-MARKER-7f3a';

function sources(main: string, extra: Record<string, string> = {}): Map<string, TemplateSource> {
  const all: Record<string, string> = { main, 'partials/closing': 'Yours,', ...extra };
  return new Map(
    Object.entries(all).map(([name, source]) => [name, { name, file: `templates/${name}.hbs`, source }]),
  );
}

describe('template sandbox: the static check', () => {
  const cases: [string, string, string, RegExp][] = [
    ['constructor chain', 'x {{title.constructor.constructor}}', 'template-error', /prototype chain/],
    ['__proto__', '{{__proto__}}', 'template-error', /prototype chain/],
    ['@root.constructor', '{{@root.constructor}}', 'template-error', /prototype chain/],
    ['lookup of constructor', '{{lookup this "constructor"}}', 'template-error', /prototype chain/],
    [
      'lookup in a sub-expression',
      '{{#with (lookup this "__proto__")}}x{{/with}}',
      'template-error',
      /prototype chain/,
    ],
    [
      'partial path to /etc/passwd',
      '{{> ../../etc/passwd}}',
      'unknown-template',
      /unknown partial '\.\.\/\.\.\/etc\/passwd'/,
    ],
    [
      'absolute partial path (not even Handlebars syntax)',
      '{{> /etc/passwd}}',
      'template-syntax',
      /syntax error/,
    ],
    ['computed partial name', '{{> (lookup this "name")}}', 'template-error', /written out/],
    ['the log helper (writes to stdout)', '{{log "x"}}', 'template-error', /unknown helper 'log'/],
  ];
  for (const [name, main, code, message] of cases) {
    it(name, () => {
      const problems = checkTemplates(sources(main), ['en']);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems[0]!.code).toBe(code);
      expect(problems[0]!.message).toMatch(message);
      expect(problems[0]!.file).toBe('templates/main.hbs');
      expect(problems[0]!.line).toBe(1);
    });
  }

  it('accepts the built-in helpers, inline partials and language variants', () => {
    const main =
      '{{#*inline "local"}}x{{/inline}}{{> local}}{{> closing}}{{#each body}}{{#if p}}{{p}}{{/if}}{{/each}}{{lines recipient.addressLines}}{{#if (eq register "diplomatic")}}y{{/if}}';
    expect(checkTemplates(sources(main, { 'partials/closing.zh': '此致' }), ['en', 'zh'])).toEqual([]);
  });

  it('a partial present only for some languages names the missing language', () => {
    const problems = checkTemplates(sources('{{> sign}}', { 'partials/sign.zh': '敬礼' }), ['en', 'zh']);
    expect(problems.map((d) => d.message)).toEqual(["partial 'sign' has no version for 'en'"]);
  });
});

describe('template sandbox: at render time, even without the static check', () => {
  it('prototype paths render nothing', () => {
    const set = new TemplateSet(
      sources(
        '[{{title.constructor.constructor}}][{{__proto__}}][{{lookup this "constructor"}}][{{#with constructor}}{{name}}{{/with}}]',
      ),
      'main',
    );
    const out = set.forLang('en')({ title: 'T' });
    expect(out).toBe('[][][][]');
  });

  it('a partial named like a path is an unknown partial, and the file is never read', () => {
    const root = mkdtempSync(join(tmpdir(), 'letter-sandbox-'));
    mkdirSync(join(root, 'templates', 'partials'), { recursive: true });
    writeFileSync(join(root, 'secret.hbs'), SECRET);
    writeFileSync(join(root, 'secret'), SECRET);
    const set = new TemplateSet(sources('{{> ../secret}}{{> ../../secret}}'), 'main');
    let error: unknown;
    let out = '';
    try {
      out = set.forLang('en')({});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LetterError);
    expect((error as LetterError).diagnostics[0]!.code).toBe('template-error');
    expect((error as LetterError).message).toMatch(/partial \.\.\/secret could not be found/);
    expect(out).not.toContain(SECRET);
  });

  it('the log helper is gone, so nothing reaches stdout', () => {
    const set = new TemplateSet(sources('a{{log "leak"}}b'), 'main');
    expect(() => set.forLang('en')({})).toThrow(LetterError);
  });
});
