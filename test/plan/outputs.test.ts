/** Through the CLI: every document gets its own file, and one office reached through two addresses gets two folders. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterCli, pdfText } from '../support/tools.js';
import { CorpusProject } from '../corpus/project.js';

const EMBASSY = `  - id: cn-embassy-ottawa
    name: { en: Embassy of the People's Republic of China in Canada, zh: 中华人民共和国驻加拿大大使馆, ko: 주캐나다 중국 대사관 }
    lines: [515 St. Patrick Street, "Ottawa, ON K1N 5H3", Canada]
`;

function manifestFiles(out: string): string[] {
  return (
    JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { file: string }[] }
  ).files.map((f) => f.file);
}

describe('output files', () => {
  it('--to with an id twice builds it once: the manifest lists each file once', () => {
    const p = new CorpusProject();
    const out = join(p.dir, '..', 'out');
    const r = letterCli([
      'build',
      p.dir,
      '--to',
      'cn,cn,xi',
      '--lang',
      'en',
      '--format',
      'pdf',
      '--out',
      out,
    ]);
    expect(r.status, r.stderr).toBe(0);
    expect(manifestFiles(out)).toEqual(['cn/corpus-letter.en.pdf', 'xi/corpus-letter.en.pdf']);
  });

  it('the duplicate-recipient hint works: one office, two ids in recipients.yaml with their own via, two folders', () => {
    const p = new CorpusProject();
    p.edit(
      'recipients.yaml',
      'addresses:\n',
      [
        '  - id: cn-toronto',
        '    office: cn',
        '    via: cn-consulate-toronto',
        '  - id: cn-ottawa',
        '    office: cn',
        '    via: cn-embassy-ottawa',
        'addresses:',
        '',
      ].join('\n'),
    );
    p.write('recipients.yaml', p.read('recipients.yaml') + EMBASSY);
    p.edit('letter.yaml', /to:\n {2}- id: cn\n.*\n.*\n/, 'to: [cn-toronto, cn-ottawa]\n');
    expect(letterCli(['check', p.dir]).status).toBe(0);
    const out = join(p.dir, '..', 'out');
    const r = letterCli(['build', p.dir, '--lang', 'en', '--format', 'pdf', '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(manifestFiles(out)).toEqual(['cn-ottawa/corpus-letter.en.pdf', 'cn-toronto/corpus-letter.en.pdf']);
    const toronto = pdfText(join(out, 'cn-toronto', 'corpus-letter.en.pdf'));
    const ottawa = pdfText(join(out, 'cn-ottawa', 'corpus-letter.en.pdf'));
    expect(toronto).toMatch(/President of the People's Republic of China/);
    expect(toronto).toMatch(/Consulate General of the People's Republic of China in Toronto/);
    expect(ottawa).toMatch(/President of the People's Republic of China/);
    expect(ottawa).toMatch(/Embassy of the People's Republic of China in Canada\n515 St\. Patrick Street/);
    expect(ottawa).not.toMatch(/Toronto, ON/);
  });
});
