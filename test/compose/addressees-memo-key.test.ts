/**
 * The table of forms of address (src/compose/addressees.ts) is keyed by everything a recipient's forms depend on: a
 * recipient asked for after another that differs from it in one thing only (its id, a name, a family name, a gender,
 * one of its own forms, its entry in the recipients file, its office, the language, the register) gets exactly the
 * forms it gets asked for alone.
 */

import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/index.js';
import { Addressees, addressing } from '../../src/compose/index.js';
import { addresseeFor, type ResolvedRecipient } from '../../src/compose/recipient.js';
import type { Register } from '../../src/directory/index.js';
import type { Lang } from '../../src/model/index.js';
import type { ProjectRecipient } from '../../src/load/index.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { EXAMPLE_DIR } from '../support/example.js';

const project = loadProject({ dir: EXAMPLE_DIR, toolDir: TOOL_DIR });

const BASE: ResolvedRecipient = { ref: { id: 'fr', path: ['to', 0] }, officeId: 'fr' };
const OWN: ProjectRecipient = {
  id: 'elysee',
  office: 'fr',
  name: { en: 'Emmanuel Macron' },
  where: { file: 'recipients.yaml', line: 2, column: 5 },
};
const WITH_OWN: ResolvedRecipient = { ref: { id: 'elysee', path: ['to', 0] }, own: OWN, officeId: 'fr' };

/** What differs, the recipient, and the one asked for before it (BASE unless said), language and register. */
const VARIANTS: [string, ResolvedRecipient, ResolvedRecipient?, Lang?, Register?][] = [
  ['a name', { ...BASE, ref: { ...BASE.ref, name: { en: 'Jean Dupont' } } }],
  [
    'another name',
    { ...BASE, ref: { ...BASE.ref, name: { en: 'Marie Curie' } } },
    { ...BASE, ref: { ...BASE.ref, name: { en: 'Jean Dupont' } } },
  ],
  [
    'a family name',
    { ...BASE, ref: { ...BASE.ref, name: { en: 'Jean Dupont' }, family: 'Jean' } },
    { ...BASE, ref: { ...BASE.ref, name: { en: 'Jean Dupont' } } },
  ],
  [
    'a gender',
    { ref: { id: 'gb', path: ['to', 0], name: 'Charles', gender: 'female' }, officeId: 'gb' },
    { ref: { id: 'gb', path: ['to', 0], name: 'Charles', gender: 'male' }, officeId: 'gb' },
  ],
  ['its own title', { ...BASE, ref: { ...BASE.ref, title: { en: 'Head of State' } } }],
  ['its own salutation', { ...BASE, ref: { ...BASE.ref, salutation: 'Dear Sir,' } }],
  ['its own vocative', { ...BASE, ref: { ...BASE.ref, vocative: 'Sir,' } }],
  ['its own close', { ...BASE, ref: { ...BASE.ref, close: 'Respectfully,' } }],
  ['its own honorific', { ...BASE, ref: { ...BASE.ref, honorific: 'Sir' } }],
  ['its id', { ...BASE, ref: { ...BASE.ref, id: 'fr-president' } }],
  ['another office', { ref: { id: 'de', path: ['to', 0] }, officeId: 'de' }],
  [
    'an entry in the recipients file',
    WITH_OWN,
    { ...WITH_OWN, own: { ...OWN, name: { en: 'Jean Dupont' } } },
  ],
  [
    "the recipients file's salutation",
    { ...WITH_OWN, own: { ...OWN, salutation: { en: 'Monsieur le Président,' } } },
    WITH_OWN,
  ],
  ['the language', BASE, BASE, 'ko'],
  ['the register', BASE, BASE, 'en', 'diplomatic'],
];

describe('forms of address asked for after a recipient that differs in one input are their own', () => {
  it.each(VARIANTS)('%s', (_what, recipient, before = BASE, lang = 'en', register = 'open-letter') => {
    const alone = addresseeFor(project, recipient, lang, register);
    const first = addresseeFor(project, before, 'en', 'open-letter');
    // The input matters: a table that left it out would give the recipient asked for first its forms.
    expect(alone).not.toEqual(first);
    const table = new Addressees(project);
    table.for(before, 'en', 'open-letter');
    expect(table.for(recipient, lang, register)).toEqual(alone);
    expect(table.counts).toEqual({ reused: 0, made: 2 });
  });

  it('the same recipient given again, in new objects, is served from the table', () => {
    const table = new Addressees(project);
    const first = table.for({ ...BASE, ref: { ...BASE.ref } }, 'zh', 'open-letter');
    expect(table.for({ ...BASE, ref: { ...BASE.ref } }, 'zh', 'open-letter')).toBe(first);
    expect(table.counts).toEqual({ reused: 1, made: 1 });
  });

  it("check reads the forms composing found (addressing with the build's table)", () => {
    const table = new Addressees(project);
    const ref = project.letter.to[0]!;
    const composed = addressing(project, ref, 'ko', table);
    expect(addressing(project, ref, 'ko', table)?.addressee).toBe(composed?.addressee);
    expect(table.counts).toEqual({ reused: 1, made: 1 });
    expect(addressing(project, ref, 'ko')?.addressee).toEqual(composed?.addressee);
  });

  it('a recipient whose forms are missing is refused every time it is asked for', () => {
    const table = new Addressees(project);
    const unknown: ResolvedRecipient = {
      ref: { id: 'ngo', path: ['to', 0] },
      own: { id: 'ngo', where: { file: 'recipients.yaml', line: 1, column: 1 } },
    };
    expect(() => table.for(unknown, 'en', 'open-letter')).toThrow(/no a name or a title|salutation/);
    expect(() => table.for(unknown, 'en', 'open-letter')).toThrow(/salutation/);
    expect(table.counts).toEqual({ reused: 0, made: 2 });
  });
});
