/**
 * A project template that reads a value the letter's context lacks (`{{titel}}`, `{{recipient.salutaton}}`) is an
 * error at that read: Handlebars printed nothing for it, so the letter silently lost its title or salutation.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import type { LetterContext } from '../../src/compose/context.js';
import type { Addressee } from '../../src/directory/types.js';
import { CONTEXT_NAMES, RECIPIENT_NAMES } from '../../src/load/template-names.js';
import { CorpusProject } from '../corpus/project.js';

const TOOL_TEMPLATES = join(import.meta.dirname, '..', '..', 'templates');

/** The corpus project with `files` written under templates/ (the first, `mine.hbs`, is the letter's template). */
function withTemplates(files: Record<string, string>): CorpusProject {
  const p = new CorpusProject();
  for (const [name, text] of Object.entries(files)) p.write(`templates/${name}`, text);
  if ('mine.hbs' in files) p.edit('letter.yaml', 'template: open-letter', 'template: ./templates/mine.hbs');
  return p;
}

async function templateErrors(p: CorpusProject): Promise<string[]> {
  const { errors } = await check({ dir: p.dir });
  return errors.map((e) => `${e.file}:${e.line}:${e.column} ${e.message} — ${e.hint}`).sort();
}

describe('the names the check knows', () => {
  it("are the template context's and the addressee's (a field added there must be added here)", () => {
    // Record<keyof …, true> fails to type-check when a field is added to or removed from either interface.
    const context: Record<keyof LetterContext, true> = {
      lang: true,
      locale: true,
      register: true,
      title: true,
      subtitle: true,
      reference: true,
      referenceLine: true,
      date: true,
      place: true,
      dateline: true,
      recipient: true,
      via: true,
      body: true,
      close: true,
      signatories: true,
      enclosures: true,
      cc: true,
      labels: true,
    };
    const addressee: Record<keyof Addressee, true> = {
      id: true,
      officeId: true,
      title: true,
      shortTitle: true,
      honorific: true,
      name: true,
      familyName: true,
      gender: true,
      nameSource: true,
      country: true,
      style: true,
      joint: true,
      addressLines: true,
      salutation: true,
      vocative: true,
      close: true,
      signOff: true,
      verified: true,
      holderData: true,
      holderStatus: true,
      lang: true,
    };
    expect([...CONTEXT_NAMES].sort()).toEqual(Object.keys(context).sort());
    expect([...RECIPIENT_NAMES].sort()).toEqual(Object.keys(addressee).sort());
  });
});

describe('an unknown value in a project template', () => {
  it('is one error at the read, with the name meant', async () => {
    const p = withTemplates({ 'mine.hbs': ':::title\n{{titel}}\n:::\n' });
    expect(await templateErrors(p)).toEqual([
      "templates/mine.hbs:2:3 unknown value 'titel': the letter's context has no 'titel', so nothing would be printed — did you mean 'title'?",
    ]);
  });

  it("in a block that keeps the context ({{#if}}) and below 'recipient', in a partial the letter's template calls", async () => {
    const p = withTemplates({
      'mine.hbs': ':::title\n{{#if subtitel}}{{subtitle}}{{/if}}\n:::\n{{> opening}}\n',
      'partials/opening.hbs': ':::salutation\n{{recipient.salutaton}}\n:::\n',
    });
    expect(await templateErrors(p)).toEqual([
      "templates/mine.hbs:2:7 unknown value 'subtitel': the letter's context has no 'subtitel', so nothing would be printed — did you mean 'subtitle'?",
      "templates/partials/opening.hbs:2:3 unknown value 'recipient.salutaton': 'recipient' has no 'salutaton', so nothing would be printed — did you mean 'recipient.salutation'?",
    ]);
  });

  it('in a built-in partial the project overrides (copied with a typo)', async () => {
    const opening = readFileSync(join(TOOL_TEMPLATES, 'partials', 'opening.hbs'), 'utf8');
    const p = withTemplates({
      'partials/opening.hbs': opening.replace('{{recipient.salutation}}', '{{recipient.salutatoin}}'),
    });
    const errors = await templateErrors(p);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^templates\/partials\/opening\.hbs:\d+:3 unknown value 'recipient\.salutatoin'/,
    );
  });
});

describe('names read in another context', () => {
  it('are left alone: inside {{#each}} and {{#with}}, through ../ and @root, and in a partial called from there', async () => {
    const p = withTemplates({
      'mine.hbs': [
        ':::title',
        '{{title}}',
        ':::',
        '',
        ':::body',
        '{{#each body}}{{#if p}}{{p}} {{@index}} {{../date}} {{@root.place}}{{/if}}{{> item}}',
        '',
        '{{/each}}',
        ':::',
        '',
        ':::close',
        '{{#with recipient}}{{signOff}}{{/with}}{{#each close}}{{this}}{{/each}}',
        ':::',
        '',
      ].join('\n'),
      'partials/item.hbs': '{{#if heading}}{{heading}}{{/if}}',
    });
    expect(await templateErrors(p)).toEqual([]);
  });
});

describe('templates a build of the letter does not run as the letter', () => {
  it('are left alone: a template letter.yaml does not name, and a partial an inline partial calls from {{#each}}', async () => {
    const p = withTemplates({
      'mine.hbs': [
        '{{#*inline "row"}}{{> sig}}{{/inline}}',
        ':::title',
        '{{title}}',
        ':::',
        '',
        ':::close',
        '{{#each signatories}}{{> row}}{{/each}}{{> sig}}',
        ':::',
        '',
      ].join('\n'),
      'partials/sig.hbs': '{{#if org}}{{org}}{{else}}{{title}}{{/if}}',
      'old-draft.hbs': ':::body\nFrom {{sender}}\n:::\n',
    });
    expect(await templateErrors(p)).toEqual([]);
  });
});
