/**
 * The tool's templates compiled at build time (src/compose/precompiled.ts, scripts/templates.mjs) render exactly what
 * the same templates compiled at run time render, in every language the tool has partials for, and the module the
 * build wrote is the one the templates give today.
 */

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { precompiledModule, TemplateSet } from '../../src/compose/handlebars.js';
import { SHIPPED_TEMPLATES_FILE, type PrecompiledTemplates } from '../../src/compose/precompiled.js';
import { loadProject } from '../../src/index.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { tempDir } from '../support/tools.js';

const ROOT = join(import.meta.dirname, '..', '..');
const { SafeString } = Handlebars;

function shippedTexts(): string[] {
  const dir = join(ROOT, 'templates');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.hbs'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

/** Every part a template may print, with text that Markdown escaping changes. */
const CONTEXT = {
  lang: 'en',
  title: new SafeString('A *title*'),
  subtitle: new SafeString('A subtitle'),
  reference: 'R-1/2',
  referenceLine: 'Ref.: R-1/2',
  date: 'December 10, 2023',
  dateline: 'Toronto, December 10, 2023',
  recipient: {
    salutation: 'Dear [President],',
    vocative: 'Excellency,',
    addressLines: ['H.E. A_B', '# Street 1'],
    close: ['Please accept', 'the assurances'],
  },
  via: { name: 'Consulate <x>', lines: ['1 Road', 'City'] },
  body: [
    { p: new SafeString('One.') },
    { heading: new SafeString('Head') },
    { quote: new SafeString('Quoted\n\nline'), by: new SafeString('Someone') },
    { list: [new SafeString('a'), new SafeString('b')], ordered: true },
    { list: [new SafeString('c')], ordered: false },
    { vocative: 'Your Excellency,' },
    { pagebreak: true },
  ],
  close: [new SafeString('Sincerely,'), 'yours'],
  signatories: [
    { index: 0, org: 'Org *one*', short: 'O1' },
    { index: 1, org: 'Org two' },
  ],
  enclosures: [new SafeString('Annex 1')],
  cc: ['Office A', 'Office B'],
  labels: { via: 'Via: ', enclosures: 'Enclosures:', cc: 'cc: ', list_separator: '; ', joint: 'Jointly:' },
};

describe('templates compiled at build time', () => {
  const precompiled = (): PrecompiledTemplates => {
    const file = join(tempDir('letter-precompiled-'), SHIPPED_TEMPLATES_FILE);
    writeFileSync(file, precompiledModule(shippedTexts()));
    return createRequire(import.meta.url)(file) as PrecompiledTemplates;
  };

  it('render what the same templates compiled at run time render, for each template and language', () => {
    const { templates } = loadProject({ dir: EXAMPLE_DIR, toolDir: TOOL_DIR });
    const built = precompiled();
    const mains = [...templates.keys()].filter((name) => !name.includes('/'));
    expect(mains.length).toBeGreaterThan(1);
    for (const main of mains) {
      const fromBuild = new TemplateSet(templates, main, built);
      const atRunTime = new TemplateSet(templates, main, {});
      for (const lang of ['en', 'ko', 'zh', 'ja', 'ar', 'fr']) {
        const context = { ...CONTEXT, lang };
        const out = fromBuild.forLang(lang)(context);
        expect(out, `${main} ${lang}`).toBe(atRunTime.forLang(lang)(context));
        expect(out).toContain('Quoted');
      }
      expect(fromBuild.counts.compiled, main).toBe(0);
      expect(fromBuild.counts.precompiled).toBeGreaterThan(3);
      expect(atRunTime.counts.precompiled).toBe(0);
    }
  });

  it('a template whose text is not the shipped one is compiled at run time', () => {
    const { templates } = loadProject({ dir: EXAMPLE_DIR, toolDir: TOOL_DIR });
    const edited = new Map(templates);
    const body = templates.get('partials/body')!;
    edited.set('partials/body', { ...body, source: `BODY\n${body.source}` });
    const set = new TemplateSet(edited, 'open-letter', precompiled());
    expect(set.forLang('en')(CONTEXT)).toContain('BODY\nOne.');
    expect(set.counts.compiled).toBe(1);
  });

  it('code another Handlebars version compiled is not used: the template is compiled at run time', () => {
    const { templates } = loadProject({ dir: EXAMPLE_DIR, toolDir: TOOL_DIR });
    const built = precompiled();
    const older = Object.fromEntries(
      Object.entries(built).map(([digest, entry]) => [
        digest,
        { ...entry, spec: { ...entry.spec, compiler: [6, '>= 2.0.0-beta.1'] } },
      ]),
    );
    const set = new TemplateSet(templates, 'open-letter', older);
    expect(set.forLang('en')(CONTEXT)).toBe(
      new TemplateSet(templates, 'open-letter', {}).forLang('en')(CONTEXT),
    );
    expect(set.counts.precompiled).toBe(0);
  });

  it('the module npm run build wrote is the one the templates give now', () => {
    const written = readFileSync(join(ROOT, 'dist', 'compose', SHIPPED_TEMPLATES_FILE), 'utf8');
    expect(written).toBe(precompiledModule(shippedTexts()));
  });
});
