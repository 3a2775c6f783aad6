/** A letter written on Windows (UTF-8 with a BOM, CRLF line ends) builds like any other. */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { letterCli, pdfText, toolAvailable } from '../support/tools.js';
import { CorpusProject } from '../corpus/project.js';

function windowsStyle(file: string): void {
  const text = readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
  writeFileSync(file, `\ufeff${text}`);
}

describe('BOM and CRLF', () => {
  it('letter.yaml, recipients.yaml and locale JSON with a BOM and CRLF build, with the same text', () => {
    const p = new CorpusProject();
    for (const rel of [
      'letter.yaml',
      'recipients.yaml',
      'locales/en/letter.json',
      'locales/ko/letter.json',
      'locales/zh/letter.json',
    ])
      windowsStyle(p.path(rel));
    expect(readFileSync(p.path('letter.yaml')).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(p.read('letter.yaml')).toContain('\r\n');
    const out = join(p.dir, '..', 'out');
    const r = letterCli(['build', p.dir, '--format', 'pdf', '--lang', 'en', '--out', out]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.status).toBe(0);
    const checked = letterCli(['check', p.dir, '--json']);
    expect(checked.status, checked.stdout).toBe(0);
    if (toolAvailable('pdftotext')) {
      const text = pdfText(join(out, 'cn', 'corpus-letter.en.pdf')).replace(/\s+/g, ' ');
      expect(text).toContain('Please stop the forced repatriation of North Korean refugees!');
      expect(text).toContain('Toronto');
      expect(text).not.toContain('\ufeff');
    }
  });

  it('an error in a CRLF file names the same line and column as in an LF file', () => {
    const p = new CorpusProject();
    p.edit('letter.yaml', '  - id: cn', '  - id: cnn');
    windowsStyle(p.path('letter.yaml'));
    const r = letterCli(['check', p.dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^letter\.yaml:11:9: unknown recipient 'cnn' — did you mean 'cn'\?$/m);
  });
});
