/** Symbolic links in a project: one that stays inside the project is followed; one that leads out is refused, unread. */

import { mkdirSync, symlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLetterError, type Diagnostic } from '../../src/diag/index.js';
import { loadProject, type Project } from '../../src/load/index.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { CorpusProject } from '../corpus/project.js';
import { SECRET } from '../corpus/cases.js';

function load(p: CorpusProject): Project {
  return loadProject({ dir: p.dir, toolDir: TOOL_DIR });
}

function problems(p: CorpusProject): Diagnostic[] {
  try {
    load(p);
  } catch (e) {
    if (isLetterError(e)) return [...e.diagnostics];
    throw e;
  }
  throw new Error('the project loaded without a problem');
}

const at = (d: Diagnostic) => `${d.code} ${d.file}:${d.line ?? '-'}:${d.column ?? '-'}`;

describe('symbolic links that stay inside the project are fine', () => {
  it('a partial, a letter.json, recipients.yaml and a folder linked within the project load as their targets', () => {
    const p = new CorpusProject();
    p.write('shared/closing.hbs', ':::close\nShared close\n:::\n');
    p.link('templates/partials/closing.hbs', '../../shared/closing.hbs');
    p.write('shared/en.json', p.read('locales/en/letter.json'));
    p.link('locales/en/letter.json', '../../shared/en.json');
    p.write('shared/recipients.yaml', p.read('recipients.yaml'));
    p.link('recipients.yaml', 'shared/recipients.yaml');
    p.write('shared/mine/letter.hbs', ':::title\n{{title}}\n:::\n');
    p.link('templates/linked', '../shared/mine');
    p.link('assets/signature-link.png', 'signature.png');
    p.edit('letter.yaml', 'signature: assets/signature.png', 'signature: assets/signature-link.png');
    const project = load(p);
    expect(project.templates.get('partials/closing')?.source).toContain('Shared close');
    expect(project.templates.get('partials/closing')?.file).toBe('templates/partials/closing.hbs');
    expect(project.templates.get('linked/letter')?.source).toContain('{{title}}');
    expect(project.texts.get('en')?.file).toBe('locales/en/letter.json');
    expect(project.recipients.has('xi')).toBe(true);
    expect(project.assets.size).toBe(1);
  });

  it('a link back to a parent folder is walked once, not forever', () => {
    const p = new CorpusProject();
    p.write('templates/partials/closing.hbs', ':::close\nYours\n:::\n');
    p.link('templates/partials/again', '..');
    const project = load(p);
    expect(project.templates.get('partials/closing')?.source).toContain('Yours');
    expect([...project.templates.keys()].filter((n) => n.includes('again'))).toEqual([]);
  });

  it('a folder linked under a second name is read under both names, whatever order the folder lists them in', () => {
    for (const [folder, alias] of [
      ['z', 'a'],
      ['a', 'z'],
    ] as const) {
      const p = new CorpusProject();
      p.write(`templates/${folder}/x.hbs`, ':::close\nYours\n:::\n');
      p.link(`templates/${alias}`, folder);
      const names = [...load(p).templates.keys()].filter((n) => n.endsWith('/x'));
      expect(names.sort(), `${alias} → ${folder}`).toEqual(['a/x', 'z/x']);
    }
  });

  it('the project folder itself may be reached through a link', () => {
    const p = new CorpusProject();
    const alias = `${p.dir}-alias`;
    symlinkSync(p.dir, alias);
    expect(loadProject({ dir: alias, toolDir: TOOL_DIR }).letter.slug).toBe('corpus-letter');
  });
});

describe('symbolic links that lead out of the project are refused, and what they lead to is never read', () => {
  const cases: [string, (p: CorpusProject) => void, string[]][] = [
    [
      'the template letter.yaml names',
      (p) => {
        p.link('templates/mine.hbs', p.writeOutside('secret.hbs', SECRET));
        p.edit('letter.yaml', 'template: open-letter', 'template: ./templates/mine.hbs');
      },
      ['unsafe-path letter.yaml:2:11'],
    ],
    [
      'an unused project template',
      (p) => p.link('templates/unused.hbs', p.writeOutside('secret.hbs', SECRET)),
      ['unsafe-path templates/unused.hbs:1:1'],
    ],
    [
      'a partial and a partials folder',
      (p) => {
        p.writeOutside('partials/opening.hbs', SECRET);
        p.link('templates/partials', '../../outside/partials');
        p.link('templates/closing.zh.hbs', p.writeOutside('closing.hbs', SECRET));
      },
      ['unsafe-path templates/closing.zh.hbs:1:1', 'unsafe-path templates/partials:-:-'],
    ],
    [
      'a link through a link',
      (p) => {
        const secret = p.writeOutside('secret.hbs', SECRET);
        p.link('templates/hop.hbs', secret);
        p.link('templates/partials/closing.hbs', '../hop.hbs');
      },
      ['unsafe-path templates/hop.hbs:1:1', 'unsafe-path templates/partials/closing.hbs:1:1'],
    ],
    [
      'every letter.json in a linked locale folder',
      (p) => {
        for (const lang of ['en', 'ko', 'zh'])
          p.writeOutside(`locales/${lang}/letter.json`, p.read(`locales/${lang}/letter.json`));
        p.remove('locales');
        mkdirSync(p.path('locales'));
        for (const lang of ['en', 'ko', 'zh']) p.link(`locales/${lang}`, `../../outside/locales/${lang}`);
      },
      [
        'unsafe-path locales/en/letter.json:1:1',
        'unsafe-path locales/ko/letter.json:1:1',
        'unsafe-path locales/zh/letter.json:1:1',
      ],
    ],
    [
      'the locales folder',
      (p) => {
        p.writeOutside('locales/en/letter.json', p.read('locales/en/letter.json'));
        p.link('locales', '../outside/locales');
      },
      ['unsafe-path locales:-:-'],
    ],
    [
      'recipients.yaml and recipients.csv',
      (p) => {
        p.link('recipients.yaml', p.writeOutside('recipients.yaml', 'recipients:\n  - id: secret-outside\n'));
        p.link('recipients.csv', p.writeOutside('recipients.csv', 'id\nsecret-outside\n'));
      },
      ['unsafe-path recipients.yaml:1:1', 'unsafe-path recipients.csv:1:1'],
    ],
  ];
  for (const [name, setup, expected] of cases) {
    it(name, () => {
      const p = new CorpusProject();
      setup(p);
      const found = problems(p);
      expect(found.map(at).sort()).toEqual(expected.sort());
      for (const d of found) {
        expect(d.message).toMatch(/leads outside the project folder \(a symbolic link\)/);
        expect(`${d.message} ${d.hint}`).not.toMatch(/SECRET|secret-outside/i);
      }
    });
  }
});
