/** The close speaks for every signatory ("our" when several sign), and cc stays with the signature block. */

import { describe, expect, it } from 'vitest';
import { jointClose } from '../../src/compose/context.js';
import { Composer, loadProject } from '../../src/index.js';
import { toolFontBook } from '../../src/fonts/index.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { editFile, exampleCopy } from './project.js';
import { composedText } from './letter-text.js';

describe("the register's close when several sign", () => {
  it('en diplomatic: "the assurances of our highest consideration" for the example\'s two organisations', () => {
    const dir = exampleCopy();
    editFile(dir, 'letter.yaml', 'register: open-letter', 'register: diplomatic');
    editFile(dir, 'letter.yaml', 'close: closing', '');
    const en = composedText(dir, 'cn', 'en');
    expect(en).toContain('the assurances of our highest consideration.');
    expect(en).not.toContain('my highest');
    expect(composedText(dir, 'cn', 'zh')).toContain('顺致最崇高的敬意。');
  });

  it('one signatory keeps "my"; the rule is the language\'s label, whole phrases only', () => {
    const rule = 'my highest consideration → our highest consideration; obedient servant → obedient servants';
    expect(jointClose(['… of my highest consideration.'], 1, rule)).toEqual([
      '… of my highest consideration.',
    ]);
    expect(jointClose(["Your Majesty's obedient servant"], 2, rule)).toEqual([
      "Your Majesty's obedient servants",
    ]);
    expect(jointClose(['Yours sincerely,'], 3, rule)).toEqual(['Yours sincerely,']);
  });
});

describe('cc with the signature block', () => {
  // Korean has its cc as the 참조 line at the head of the letter (opening.ko.hbs, test/compose/cc.test.ts).
  it.each(['en', 'zh'] as const)(
    '%s: every part from the signatures to the cc line keeps with the next',
    (lang) => {
      const dir = exampleCopy();
      editFile(dir, 'letter.yaml', 'signatories:', 'cc: [kr]\nsignatories:');
      const project = loadProject({ dir, toolDir: TOOL_DIR });
      const doc = new Composer({
        project,
        fonts: toolFontBook(),
        created: new Date('2023-12-10T00:00:00Z'),
      }).compose({ recipient: project.letter.to[0]!, lang });
      const parts = doc.sections.map((s) => s.part);
      const from = parts.indexOf('signatures');
      const cc = parts.indexOf('cc');
      expect(from).toBeGreaterThan(-1);
      expect(cc).toBeGreaterThan(from);
      for (const s of doc.sections.slice(from, cc))
        expect(s.keepWithNext, `${s.part} keeps with the next`).toBe(true);
    },
  );
});

describe('reference: in letter.yaml', () => {
  it.each([
    ['en', 'Ref.: CFNK/2023/12'],
    ['ko', '문서번호: CFNK/2023/12'],
    ['zh', '编号：CFNK/2023/12'],
  ] as const)(
    '%s: printed first, as the language writes it, in the formal and the open-letter templates',
    (lang, line) => {
      for (const template of ['formal', 'open-letter']) {
        const dir = exampleCopy();
        editFile(
          dir,
          'letter.yaml',
          'template: open-letter',
          `template: ${template}\nreference: CFNK/2023/12`,
        );
        const project = loadProject({ dir, toolDir: TOOL_DIR });
        const doc = new Composer({
          project,
          fonts: toolFontBook(),
          created: new Date('2023-12-10T00:00:00Z'),
        }).compose({ recipient: project.letter.to[0]!, lang });
        const reference = doc.sections.find((s) => s.part === 'reference');
        expect(reference, template).toBeDefined();
        expect(composedText(dir, 'cn', lang)).toContain(line);
        if (template === 'formal') expect(doc.sections[0]!.part).toBe('reference');
      }
    },
  );
});
