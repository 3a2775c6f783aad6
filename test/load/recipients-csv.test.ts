/** recipients.csv and addresses.csv as a spreadsheet exports them (SPEC §5): BOM, CRLF, quoted commas, empty cells. */

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, loadProject } from '../../src/index.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { editFile, exampleCopy } from '../compose/project.js';
import { composedText } from '../compose/letter-text.js';

const NOW = new Date('2024-01-01');
const BOM = '\uFEFF';
const crlf = (lines: string[]) => BOM + lines.join('\r\n') + '\r\n';

/** The example letter, its recipients and addresses from CSV files only, sent to the ids given. */
function csvProject(recipients: string, addresses?: string, to = '[xi]'): string {
  const dir = exampleCopy();
  writeFileSync(join(dir, 'recipients.yaml'), 'recipients: []\n');
  writeFileSync(join(dir, 'recipients.csv'), recipients);
  if (addresses !== undefined) writeFileSync(join(dir, 'addresses.csv'), addresses);
  editFile(
    dir,
    'letter.yaml',
    'to:\n  - id: cn\n    name: { en: Xi Jinping, ko: 시진핑, zh: 习近平 }\n    via: cn-consulate-toronto\n',
    `to: ${to}\n`,
  );
  return dir;
}

const RECIPIENTS = crlf([
  'id,office,gender,name.en,name.ko,name.zh,title.en,salutation.en,via',
  'xi,cn,,Xi Jinping,시진핑,习近平,,,cn-toronto',
  'hrw,,female,Jane Doe,,,"Director, Human Rights Watch","Dear Ms Doe,",',
]);
const ADDRESSES = crlf([
  'id,name.en,name.ko,name.zh,line1,line2,line3',
  'cn-toronto,"Consulate General of the People\'s Republic of China in Toronto",주토론토 중국 총영사관,中华人民共和国驻多伦多总领事馆,240 St. George Street,"Toronto, ON M5R 2P4",Canada',
]);

describe('recipients.csv and addresses.csv', () => {
  it('a spreadsheet export reads as recipients.yaml would: quoted commas kept, empty cells absent, the via from addresses.csv', () => {
    const dir = csvProject(RECIPIENTS, ADDRESSES);
    const project = loadProject({ dir, toolDir: TOOL_DIR });
    expect(project.recipients.get('hrw')).toMatchObject({
      gender: 'female',
      name: { en: 'Jane Doe' },
      title: { en: 'Director, Human Rights Watch' },
      salutation: { en: 'Dear Ms Doe,' },
    });
    expect(project.recipients.get('xi')).toMatchObject({ office: 'cn', via: 'cn-toronto' });
    expect(project.recipients.get('xi')).not.toHaveProperty('title');
    expect(project.addresses.get('cn-toronto')).toMatchObject({
      lines: ['240 St. George Street', 'Toronto, ON M5R 2P4', 'Canada'],
      where: { file: 'addresses.csv', line: 2 },
    });
    const en = composedText(dir, 'xi', 'en');
    expect(en).toContain('Dear President Xi,');
    const zh = composedText(dir, 'xi', 'zh');
    expect(zh).toContain('中华人民共和国驻多伦多总领事馆');
  });

  it('exported with semicolons or tabs (as spreadsheets do where the comma is the decimal mark), reads the same', () => {
    // It was one unknown column named 'id;office;gender;…'.
    for (const sep of [';', '\t']) {
      const dir = csvProject(
        crlf([
          ['id', 'office', 'gender', 'name.en', 'title.en', 'salutation.en', 'via'].join(sep),
          ['xi', 'cn', '', 'Xi Jinping', '', '', 'cn-toronto'].join(sep),
          ['hrw', '', 'female', 'Jane Doe', 'Director, Human Rights Watch', '"Dear Ms Doe;"', ''].join(sep),
        ]),
        crlf([
          ['id', 'name.en', 'line1', 'line2'].join(sep),
          ['cn-toronto', 'Consulate General', '240 St. George Street', 'Toronto, ON M5R 2P4'].join(sep),
        ]),
      );
      const project = loadProject({ dir, toolDir: TOOL_DIR });
      expect(project.recipients.get('hrw')).toMatchObject({
        title: { en: 'Director, Human Rights Watch' },
        salutation: { en: 'Dear Ms Doe;' },
      });
      expect(project.recipients.get('xi')).toMatchObject({ office: 'cn', via: 'cn-toronto' });
      expect(project.addresses.get('cn-toronto')?.lines).toEqual([
        '240 St. George Street',
        'Toronto, ON M5R 2P4',
      ]);
    }
  });

  it('an unknown column is one error at the header line with a did-you-mean, not one per row', async () => {
    const dir = csvProject(crlf(['id,office,name.en,salutaton.en', 'a,cn,A,', 'b,fr,B,', 'c,us,C,']));
    const checked = await check({ dir, now: NOW });
    expect(checked.exitCode).toBe(2);
    const csv = checked.errors.filter((e) => e.file === 'recipients.csv');
    expect(csv).toHaveLength(1);
    expect(csv[0]).toMatchObject({ line: 1, column: 19 });
    expect(csv[0]!.message).toContain("unknown column 'salutaton.en'");
    expect(csv[0]!.hint).toBe("did you mean 'salutation.en'?");
  });

  it('a duplicate column and a __proto__ column are errors at the header, never silently kept or dropped', async () => {
    const dup = await check({
      dir: csvProject(crlf(['id,office,name.en,name.en', 'xi,cn,Xi Jinping,Xi'])),
      now: NOW,
    });
    expect(dup.errors.map((e) => [e.file, e.line, e.message])).toEqual([
      ['recipients.csv', 1, "column 'name.en' appears twice in recipients.csv (columns 3 and 4)"],
    ]);
    const proto = await check({ dir: csvProject(crlf(['id,office,__proto__', 'xi,cn,x'])), now: NOW });
    expect(proto.errors.map((e) => [e.file, e.line, e.message])).toEqual([
      ['recipients.csv', 1, "unknown column '__proto__' in recipients.csv"],
    ]);
    const addresses = await check({
      dir: csvProject(
        RECIPIENTS,
        crlf(['id,name.en,line1,street', 'cn-toronto,Consulate,240 St. George Street,x']),
      ),
      now: NOW,
    });
    expect(addresses.errors.map((e) => [e.file, e.line, e.message])).toEqual([
      ['addresses.csv', 1, "unknown column 'street' in addresses.csv"],
    ]);
  });

  it('a gender other than female or male is an error at its row', async () => {
    const checked = await check({ dir: csvProject(crlf(['id,office,gender', 'xi,cn,f'])), now: NOW });
    expect(checked.errors.map((e) => [e.file, e.line])).toEqual([['recipients.csv', 2]]);
    expect(checked.errors[0]!.message).toContain("gender of 'xi' must be female or male, not 'f'");
  });
});

describe('a recipients.csv in a code page, not UTF-8 (a spreadsheet\'s plain "CSV" in Korean Windows is CP949)', () => {
  it('is an error at the first bad byte that says how a spreadsheet saves UTF-8', async () => {
    const dir = csvProject('');
    // 시진핑 in CP949.
    const cp949 = Buffer.from([0xbd, 0xc3, 0xc1, 0xf8, 0xc7, 0xce]);
    writeFileSync(
      join(dir, 'recipients.csv'),
      Buffer.concat([Buffer.from('id,office,name.en,name.ko\nxi,cn,Xi Jinping,'), cp949, Buffer.from('\n')]),
    );
    const checked = await check({ dir, now: NOW });
    expect(checked.exitCode).toBe(2);
    expect(checked.errors).toHaveLength(1);
    expect(checked.errors[0]).toMatchObject({
      code: 'bad-encoding',
      file: 'recipients.csv',
      line: 2,
      column: 18,
    });
    expect(checked.errors[0]!.hint).toMatch(/^save the file as UTF-8: in Excel "CSV UTF-8/);
  });
});
