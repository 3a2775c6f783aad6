/** The bad-input corpus: each case breaks the base project one way; the CLI must say exactly where, exit 2, and write nothing. */

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Code } from '../../src/diag/index.js';
import { type CorpusProject } from './project.js';
import { png } from '../support/png.js';

export interface Expected {
  readonly code: Code;
  readonly file: string;
  /** null for a problem with a whole folder (a folder has no lines). */
  readonly line: number | null;
  readonly column: number | null;
  /** Part of the message a user needs (the value, the key). */
  readonly message?: RegExp;
  readonly hint?: RegExp;
}

export interface Case {
  readonly name: string;
  readonly setup: (p: CorpusProject) => void;
  /** `letter build` flags; by default one language and one format, since the checks run before rendering anyway. */
  readonly args?: readonly string[];
  readonly expect: Expected;
  /** Also run `letter check --json` and expect the same error there. */
  readonly json?: boolean;
}

const LETTER = 'letter.yaml';
const EN = 'locales/en/letter.json';
const KO = 'locales/ko/letter.json';
const ZH = 'locales/zh/letter.json';
const ALL_LANGS = ['--format', 'pdf'];
/** What a file outside the project says: it must never reach a document or a message. */
export const SECRET = ':::title\nSECRET-OUTSIDE-7f3a\n:::\n';
const BOMB = [
  'a0: &a0 [x, x, x, x, x, x, x, x, x]',
  ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`),
].join('\n');

export const CASES: readonly Case[] = [
  // letter.yaml: syntax
  {
    name: 'YAML: unclosed flow sequence',
    setup: (p) => p.edit(LETTER, 'languages: [en, ko, zh]', 'languages: [en, ko, zh'),
    // At the `[` that is never closed (yaml notices it at 7:1, the next key).
    expect: { code: 'yaml-syntax', file: LETTER, line: 6, column: 12 },
    json: true,
  },
  {
    name: 'YAML: tab as indentation',
    setup: (p) => p.edit(LETTER, '  - id: cn', '\t- id: cn'),
    expect: { code: 'yaml-syntax', file: LETTER, line: 11, column: 1, hint: /spaces, not tabs/ },
  },
  {
    name: 'YAML: duplicate key',
    setup: (p) => p.edit(LETTER, 'paper: A4\n', 'paper: A4\npaper: Letter\n'),
    expect: { code: 'yaml-syntax', file: LETTER, line: 9, column: 1, message: /key 'paper' appears twice/ },
    json: true,
  },
  {
    name: 'YAML: unterminated quoted string',
    setup: (p) => p.edit(LETTER, 'title: title', 'title: "title'),
    expect: { code: 'yaml-syntax', file: LETTER, line: 14, column: 8 },
  },
  {
    name: 'YAML: key without a colon',
    setup: (p) => p.edit(LETTER, 'close: closing', 'close closing'),
    expect: { code: 'yaml-syntax', file: LETTER, line: 21, column: 1 },
  },
  {
    name: 'empty letter.yaml',
    setup: (p) => p.write(LETTER, ''),
    expect: { code: 'schema', file: LETTER, line: 1, column: 1, message: /empty/ },
    json: true,
  },
  {
    name: 'letter.yaml holding only comments',
    setup: (p) => p.write(LETTER, '# nothing yet\n# still nothing\n'),
    expect: { code: 'schema', file: LETTER, line: 1, column: 1, message: /empty/ },
  },
  {
    name: 'letter.yaml that is a list, not a mapping',
    setup: (p) => p.write(LETTER, '- date: 2023-12-10\n'),
    expect: { code: 'schema', file: LETTER, line: 1, column: 1, message: /mapping/ },
  },
  {
    name: 'letter.yaml that is not UTF-8',
    setup: (p) =>
      p.write(
        LETTER,
        Buffer.concat([
          Buffer.from('template: open-letter\nplace: Montr'),
          Buffer.from([0xe9]),
          Buffer.from('al\n'),
        ]),
      ),
    expect: { code: 'bad-encoding', file: LETTER, line: 2, column: 13 },
  },
  {
    name: 'letter.yaml in UTF-16',
    setup: (p) =>
      p.write(LETTER, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(p.read(LETTER), 'utf16le')])),
    expect: { code: 'bad-encoding', file: LETTER, line: 1, column: 1, message: /UTF-16/ },
  },
  // letter.yaml: structure
  {
    name: 'unknown top-level key (typo)',
    setup: (p) => p.edit(LETTER, 'template: open-letter', 'tempalte: open-letter'),
    expect: {
      code: 'schema',
      file: LETTER,
      line: 2,
      column: 1,
      message: /tempalte/,
      hint: /did you mean 'template'/,
    },
    json: true,
  },
  {
    name: 'unknown key in a signatory (typo)',
    setup: (p) => p.edit(LETTER, '    email: crossingnk', '    emial: crossingnk'),
    expect: { code: 'schema', file: LETTER, line: 24, column: 5, hint: /did you mean 'email'/ },
  },
  {
    name: 'unknown key in a recipient (typo)',
    setup: (p) => p.edit(LETTER, '    via: cn', '    vai: cn'),
    expect: { code: 'schema', file: LETTER, line: 13, column: 5, hint: /did you mean 'via'/ },
  },
  {
    name: 'wrong type: date as a number',
    setup: (p) => p.edit(LETTER, 'date: 2023-12-10', 'date: 20231210'),
    expect: { code: 'schema', file: LETTER, line: 4, column: 7, message: /date must be a string/ },
  },
  {
    name: 'wrong type: to as a string',
    setup: (p) => p.edit(LETTER, /to:\n {2}- id: cn\n.*\n.*\n/, 'to: cn\n'),
    expect: { code: 'schema', file: LETTER, line: 10, column: 5, message: /to must be a list/ },
  },
  {
    name: 'wrong enum: paper size',
    setup: (p) => p.edit(LETTER, 'paper: A4', 'paper: A5'),
    expect: { code: 'schema', file: LETTER, line: 8, column: 8, message: /'A4', 'Letter'/ },
  },
  {
    name: 'missing required key: title',
    setup: (p) => p.edit(LETTER, 'title: title\n', ''),
    expect: { code: 'schema', file: LETTER, line: 2, column: 1, message: /missing required key 'title'/ },
  },
  {
    name: 'unknown body item',
    setup: (p) => p.edit(LETTER, '  - p: plea', '  - para: plea'),
    expect: { code: 'schema', file: LETTER, line: 20, column: 5, message: /body\[3\]/ },
  },
  {
    name: 'bad date: not a calendar day',
    setup: (p) => p.edit(LETTER, 'date: 2023-12-10', 'date: 2023-02-30'),
    expect: { code: 'schema', file: LETTER, line: 4, column: 7, message: /not a calendar date/ },
    json: true,
  },
  {
    name: 'bad date: not ISO',
    setup: (p) => p.edit(LETTER, 'date: 2023-12-10', 'date: 10/12/2023'),
    expect: { code: 'schema', file: LETTER, line: 4, column: 7, hint: /YYYY-MM-DD/ },
  },
  {
    name: 'bad e-mail address',
    setup: (p) => p.edit(LETTER, 'email: crossingnk@example.org', 'email: crossingnk'),
    expect: { code: 'schema', file: LETTER, line: 24, column: 12, hint: /e-mail/ },
  },
  // recipients
  {
    name: 'unknown recipient (typo)',
    setup: (p) => p.edit(LETTER, '  - id: cn', '  - id: cnn'),
    expect: {
      code: 'unknown-recipient',
      file: LETTER,
      line: 11,
      column: 9,
      message: /'cnn'/,
      hint: /did you mean 'cn'/,
    },
    json: true,
  },
  {
    name: 'unknown via (typo)',
    setup: (p) => p.edit(LETTER, 'via: cn-consulate-toronto', 'via: cn-consulate-tornto'),
    expect: {
      code: 'unknown-address',
      file: LETTER,
      line: 13,
      column: 10,
      hint: /did you mean 'cn-consulate-toronto'/,
    },
  },
  {
    name: 'recipients.yaml: unknown office',
    setup: (p) => p.edit('recipients.yaml', 'office: cn', 'office: cnn'),
    expect: {
      code: 'unknown-recipient',
      file: 'recipients.yaml',
      line: 2,
      column: 9,
      // Named as the office it is (it read "unknown recipient 'cnn'", though no recipient is called that).
      message: /^unknown office 'cnn' for recipient 'xi'$/,
      hint: /did you mean 'cn'/,
    },
    args: ['--format', 'pdf', '--lang', 'en', '--to', 'xi'],
  },
  {
    name: 'recipients.yaml: unknown field (typo)',
    setup: (p) => p.edit('recipients.yaml', '    office: cn', '    ofice: cn'),
    expect: { code: 'schema', file: 'recipients.yaml', line: 3, column: 5, hint: /did you mean 'office'/ },
  },
  {
    name: 'recipients.yaml: duplicate id',
    setup: (p) => p.edit('recipients.yaml', 'addresses:', '  - id: xi\n    office: cn\naddresses:'),
    expect: { code: 'schema', file: 'recipients.yaml', line: 5, column: 9, message: /twice/ },
  },
  {
    name: 'recipients.csv: unclosed quote',
    setup: (p) => p.write('recipients.csv', 'id,office,name.en\nxi,cn,"Xi Jinping\n'),
    expect: { code: 'csv-syntax', file: 'recipients.csv', line: 2, column: 1 },
  },
  // names that would leave the output folder
  {
    name: 'path traversal in to[].id',
    setup: (p) => p.edit(LETTER, '  - id: cn', '  - id: ../../etc'),
    expect: { code: 'unsafe-path', file: LETTER, line: 11, column: 9, message: /\.\.\/\.\.\/etc/ },
    json: true,
  },
  {
    name: 'absolute path as to[].id',
    setup: (p) => p.edit(LETTER, '  - id: cn', '  - id: /etc/passwd'),
    expect: { code: 'unsafe-path', file: LETTER, line: 11, column: 9 },
  },
  {
    name: 'NUL in to[].id',
    setup: (p) => p.edit(LETTER, '  - id: cn', '  - id: "c\\0n"'),
    expect: { code: 'unsafe-path', file: LETTER, line: 11, column: 9, message: /c\\0n/ },
  },
  {
    name: 'Windows reserved name as to[].id',
    setup: (p) => p.edit(LETTER, '  - id: cn', '  - id: con'),
    expect: { code: 'unsafe-path', file: LETTER, line: 11, column: 9, hint: /reserved/ },
  },
  {
    name: 'path traversal in via',
    setup: (p) => p.edit(LETTER, 'via: cn-consulate-toronto', 'via: ../addresses'),
    expect: { code: 'unsafe-path', file: LETTER, line: 13, column: 10 },
  },
  {
    name: 'Windows reserved name as slug',
    setup: (p) => p.edit(LETTER, 'slug: corpus-letter', 'slug: nul'),
    expect: { code: 'unsafe-path', file: LETTER, line: 9, column: 7, hint: /reserved/ },
  },
  {
    name: 'path traversal in slug',
    setup: (p) => p.edit(LETTER, 'slug: corpus-letter', 'slug: ../corpus-letter'),
    expect: { code: 'unsafe-path', file: LETTER, line: 9, column: 7 },
  },
  {
    name: 'path traversal in a recipients.yaml id',
    setup: (p) => p.edit('recipients.yaml', '  - id: xi', '  - id: ../xi'),
    expect: { code: 'unsafe-path', file: 'recipients.yaml', line: 2, column: 9 },
  },
  {
    name: 'NUL in a recipients.yaml id',
    setup: (p) => p.edit('recipients.yaml', '  - id: xi', '  - id: "x\\0i"'),
    expect: { code: 'unsafe-path', file: 'recipients.yaml', line: 2, column: 9, message: /x\\0i/ },
  },
  {
    name: 'reserved name as a recipients.csv id',
    setup: (p) => p.write('recipients.csv', 'id,office,name.en\nxi2,cn,Xi Jinping\naux,cn,Xi Jinping\n'),
    expect: { code: 'unsafe-path', file: 'recipients.csv', line: 3, column: 1 },
  },
  {
    name: 'path traversal in a recipients.csv id',
    setup: (p) => p.write('recipients.csv', 'id,office,name.en\n../../xi,cn,Xi Jinping\n'),
    expect: { code: 'unsafe-path', file: 'recipients.csv', line: 2, column: 1 },
  },
  {
    name: 'template path outside the project',
    setup: (p) => p.edit(LETTER, 'template: open-letter', 'template: ../../outside.hbs'),
    expect: { code: 'unsafe-path', file: LETTER, line: 2, column: 11 },
  },
  {
    name: 'signature image outside the project',
    setup: (p) => p.edit(LETTER, 'signature: assets/signature.png', 'signature: ../../../etc/passwd'),
    expect: { code: 'unsafe-path', file: LETTER, line: 25, column: 16 },
  },
  {
    name: 'duplicate recipient: one office through two addresses',
    setup: (p) =>
      p.edit(
        LETTER,
        '    via: cn-consulate-toronto\n',
        '    via: cn-consulate-toronto\n  - id: cn\n    via: cn-embassy-ottawa\n',
      ),
    expect: {
      code: 'duplicate-recipient',
      file: LETTER,
      line: 14,
      column: 9,
      message: /'cn' is listed twice.*line 11/,
      hint: /office: cn, via:/,
    },
    json: true,
  },
  {
    name: 'duplicate recipient: the same id twice in a list',
    setup: (p) => p.edit(LETTER, /to:\n {2}- id: cn\n.*\n.*\n/, 'to: [kr, cn, kr]\n'),
    expect: { code: 'duplicate-recipient', file: LETTER, line: 10, column: 14, message: /'kr'/ },
  },
  // symbolic links out of the project (SPEC §9): not read, whatever file they lead to
  {
    name: 'symlink: the template letter.yaml names leads outside',
    setup: (p) => {
      p.link('templates/mine.hbs', p.writeOutside('secret.hbs', SECRET));
      p.edit(LETTER, 'template: open-letter', 'template: ./templates/mine.hbs');
    },
    expect: { code: 'unsafe-path', file: LETTER, line: 2, column: 11, message: /symbolic link/ },
    json: true,
  },
  {
    name: 'symlink: a project partial leads outside',
    setup: (p) => p.link('templates/partials/closing.hbs', p.writeOutside('secret.hbs', SECRET)),
    expect: { code: 'unsafe-path', file: 'templates/partials/closing.hbs', line: 1, column: 1 },
    json: true,
  },
  {
    name: 'symlink: a project partials folder leads outside',
    setup: (p) => {
      p.writeOutside('partials/closing.hbs', SECRET);
      p.link('templates/partials', '../../outside/partials');
    },
    expect: { code: 'unsafe-path', file: 'templates/partials', line: null, column: null },
  },
  {
    name: 'symlink: the templates folder leads outside',
    setup: (p) => {
      p.writeOutside('templates/partials/closing.hbs', SECRET);
      p.link('templates', '../outside/templates');
    },
    expect: { code: 'unsafe-path', file: 'templates', line: null, column: null },
  },
  {
    name: 'symlink: a letter.json leads outside',
    setup: (p) => p.link(EN, p.writeOutside('letter.json', p.read(EN))),
    expect: { code: 'unsafe-path', file: EN, line: 1, column: 1 },
    json: true,
  },
  {
    name: 'symlink: a project override of the tool strings leads outside',
    setup: (p) => p.link('locales/en/labels.json', p.writeOutside('labels.json', '{ "secret": "SECRET" }')),
    expect: { code: 'unsafe-path', file: 'locales/en/labels.json', line: 1, column: 1 },
  },
  {
    name: 'symlink: the locales folder leads outside',
    setup: (p) => {
      p.writeOutside('locales/en/letter.json', p.read(EN));
      p.link('locales', '../outside/locales');
    },
    expect: { code: 'unsafe-path', file: 'locales', line: null, column: null },
  },
  {
    name: 'symlink: recipients.yaml leads outside',
    setup: (p) => p.link('recipients.yaml', p.writeOutside('recipients.yaml', p.read('recipients.yaml'))),
    expect: { code: 'unsafe-path', file: 'recipients.yaml', line: 1, column: 1 },
  },
  {
    name: 'symlink: recipients.csv leads outside',
    setup: (p) => p.link('recipients.csv', p.writeOutside('recipients.csv', 'id,office\nsecret,cn\n')),
    expect: { code: 'unsafe-path', file: 'recipients.csv', line: 1, column: 1 },
  },
  {
    name: 'symlink: letter.yaml leads outside',
    setup: (p) => p.link(LETTER, p.writeOutside('letter.yaml', p.read(LETTER))),
    expect: { code: 'unsafe-path', file: LETTER, line: 1, column: 1 },
  },
  {
    name: 'symlink: the signature image leads outside',
    setup: (p) => p.link('assets/signature.png', p.writeOutside('signature.png', png(60, 20))),
    expect: { code: 'unsafe-path', file: LETTER, line: 25, column: 16 },
  },
  // resource limits
  {
    name: 'YAML alias bomb',
    setup: (p) => p.edit(LETTER, 'paper: A4\n', `paper: A4\n${BOMB}\n`),
    expect: { code: 'input-too-large', file: LETTER, line: 10, column: 10, message: /alias/ },
    json: true,
  },
  {
    name: 'YAML nested too deeply',
    setup: (p) =>
      p.edit(LETTER, 'paper: A4\n', `paper: A4\nreference: ${'['.repeat(5000)}${']'.repeat(5000)}\n`),
    expect: { code: 'input-too-large', file: LETTER, line: 9, column: 44 },
  },
  {
    name: 'oversize letter.yaml',
    setup: (p) => p.write(LETTER, `${p.read(LETTER)}#${'x'.repeat(2 * 1024 * 1024)}\n`),
    expect: { code: 'input-too-large', file: LETTER, line: 1, column: 1, message: /limit is 2097152/ },
  },
  {
    name: 'oversize locale file',
    setup: (p) => p.write(EN, `{"title": "${'x'.repeat(2 * 1024 * 1024)}"}`),
    expect: { code: 'input-too-large', file: EN, line: 1, column: 1 },
  },
  {
    name: 'locale JSON nested too deeply',
    setup: (p) => p.edit(EN, '"closing"', `"deep": ${'['.repeat(100)}${']'.repeat(100)},\n  "closing"`),
    expect: { code: 'input-too-large', file: EN, line: 7, column: 42 },
  },
  // locales
  {
    name: 'locale JSON syntax error',
    setup: (p) => p.edit(KO, '"plea": ', '"plea" '),
    expect: { code: 'json-syntax', file: KO, line: 6, column: 10, message: /colon expected/ },
    json: true,
  },
  {
    name: 'locale JSON trailing comma',
    setup: (p) => p.edit(ZH, '"谨致崇高的敬意。"', '"谨致崇高的敬意。",'),
    // At the comma to remove (the parser stops at the brace after it, 8:1, "property name expected").
    expect: { code: 'json-syntax', file: ZH, line: 7, column: 24, message: /a comma after the last entry/ },
  },
  {
    name: 'locale JSON duplicate key',
    setup: (p) => p.edit(EN, '  "closing"', '  "intro": "Again.",\n  "closing"'),
    expect: { code: 'json-syntax', file: EN, line: 7, column: 3, message: /duplicate key 'intro'/ },
  },
  {
    name: 'empty locale file',
    setup: (p) => p.write(KO, ''),
    expect: { code: 'json-syntax', file: KO, line: 1, column: 1 },
  },
  {
    name: 'locale file that is a list',
    setup: (p) => p.write(KO, '["title"]\n'),
    expect: { code: 'schema', file: KO, line: 1, column: 1 },
  },
  {
    name: 'locale value that is not a string',
    setup: (p) => p.edit(EN, /"plea": ".*",/, '"plea": 42,'),
    expect: { code: 'schema', file: EN, line: 6, column: 3, message: /'plea'/ },
  },
  {
    name: 'locale key __proto__',
    setup: (p) => p.edit(EN, '  "closing"', '  "__proto__": { "x": "y" },\n  "closing"'),
    expect: { code: 'schema', file: EN, line: 7, column: 3, message: /reserved/ },
  },
  {
    name: 'locale file missing for a listed language',
    setup: (p) => p.remove(ZH),
    expect: { code: 'missing-file', file: LETTER, line: 6, column: 21, message: /'zh'/ },
  },
  {
    name: 'key missing in one language',
    setup: (p) => p.edit(KO, /\n {2}"plea": .*/, ''),
    args: ALL_LANGS,
    expect: {
      code: 'missing-key',
      file: LETTER,
      line: 20,
      column: 8,
      message: /'plea' in locales\/ko\/letter\.json/,
    },
    json: true,
  },
  {
    name: 'placeholder in one language but not another',
    setup: (p) => p.edit(EN, 'deep concern.', 'deep concern, {{recipient.name}}.'),
    expect: {
      code: 'placeholder-mismatch',
      file: KO,
      line: 4,
      column: 3,
      message: /\{\{recipient\.name\}\}/,
    },
    json: true,
  },
  {
    name: 'uncovered character U+20000 in the text',
    setup: (p) => p.edit(ZH, '这些人。', '这些人𠀀。'),
    args: ['--format', 'pdf', '--lang', 'zh'],
    expect: { code: 'uncovered-character', file: ZH, line: 6, column: 3, message: /U\+20000/ },
    json: true,
  },
  {
    name: 'uncovered character in a letter.yaml name',
    setup: (p) => p.edit(LETTER, 'en: Toronto', 'en: Toronto 𠀀'),
    expect: { code: 'uncovered-character', file: LETTER, line: 5, column: 8, message: /U\+20000.*'place'/ },
  },
  // images
  {
    name: 'missing signature image',
    setup: (p) => p.remove('assets/signature.png'),
    expect: { code: 'missing-file', file: LETTER, line: 25, column: 16 },
    json: true,
  },
  {
    name: 'signature image path is a folder',
    setup: (p) => p.edit(LETTER, 'signature: assets/signature.png', 'signature: assets'),
    // Told as a folder (it said "not found", which sends one looking for a file that is not there).
    expect: {
      code: 'missing-file',
      file: LETTER,
      line: 25,
      column: 16,
      message: /^signature image 'assets' is a folder, not an image file$/,
    },
  },
  {
    name: 'signature image path is neither a file nor a folder (a named pipe)',
    setup: (p) => {
      execFileSync('mkfifo', [join(p.dir, 'assets', 'pipe')]);
      p.edit(LETTER, 'signature: assets/signature.png', 'signature: assets/pipe');
    },
    expect: {
      code: 'missing-file',
      file: LETTER,
      line: 25,
      column: 16,
      message: /^signature image 'assets\/pipe' is not a file$/,
    },
  },
  {
    name: 'corrupt signature image (not an image)',
    setup: (p) => p.write('assets/signature.png', 'this is not a PNG'),
    expect: { code: 'bad-image', file: LETTER, line: 25, column: 16 },
    json: true,
  },
  {
    name: 'corrupt signature image (PNG cut short)',
    setup: (p) => p.write('assets/signature.png', png(60, 20).subarray(0, 50)),
    expect: { code: 'bad-image', file: LETTER, line: 25, column: 16, message: /cut short/ },
  },
  {
    name: 'corrupt signature image (PNG data damaged)',
    setup: (p) => p.write('assets/signature.png', png(60, 20, { declaredWidth: 600 })),
    expect: { code: 'bad-image', file: LETTER, line: 25, column: 16, message: /corrupt|checksum/ },
  },
  {
    name: 'signature image too many pixels',
    setup: (p) => p.write('assets/signature.png', png(9000, 1)),
    expect: { code: 'bad-image', file: LETTER, line: 25, column: 16, message: /9000×1/ },
  },
  {
    name: 'signature image is a GIF',
    setup: (p) =>
      p.write('assets/signature.png', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')),
    expect: { code: 'bad-image', file: LETTER, line: 25, column: 16 },
  },
  {
    name: 'JPEG without an end marker',
    setup: (p) =>
      p.write(
        'assets/signature.png',
        Buffer.from([
          0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x10, 0x00, 0x10, 0x01, 0x01, 0x11, 0x00,
        ]),
      ),
    expect: { code: 'bad-image', file: LETTER, line: 25, column: 16 },
  },
  // templates
  {
    name: 'unknown template (typo)',
    setup: (p) => p.edit(LETTER, 'template: open-letter', 'template: open-leter'),
    expect: {
      code: 'unknown-template',
      file: LETTER,
      line: 2,
      column: 11,
      hint: /did you mean 'open-letter'/,
    },
    json: true,
  },
  {
    name: 'template file not found',
    setup: (p) => p.edit(LETTER, 'template: open-letter', 'template: ./templates/mine.hbs'),
    expect: { code: 'unknown-template', file: LETTER, line: 2, column: 11 },
  },
  {
    name: 'template syntax error: block never closed',
    setup: (p) =>
      ownTemplate(p, ':::title\n{{title}}\n:::\n\n{{#if subtitle}}\n:::subtitle\n{{subtitle}}\n:::\n'),
    expect: {
      code: 'template-syntax',
      file: 'templates/mine.hbs',
      line: 5,
      column: 1,
      message: /\{\{#if\}\} is never closed/,
    },
    json: true,
  },
  {
    name: 'template syntax error: unbalanced braces',
    setup: (p) => p.write('templates/partials/opening.hbs', ':::salutation\n{{recipient.salutation}\n:::\n'),
    expect: { code: 'template-syntax', file: 'templates/partials/opening.hbs', line: 2, column: 23 },
  },
  {
    name: 'template: unknown partial (typo)',
    setup: (p) => ownTemplate(p, ':::title\n{{title}}\n:::\n\n{{> clossing}}\n'),
    expect: {
      code: 'unknown-template',
      file: 'templates/mine.hbs',
      line: 5,
      column: 1,
      hint: /did you mean 'closing'/,
    },
  },
  {
    name: 'template: partial path reaching /etc/passwd',
    setup: (p) => ownTemplate(p, ':::title\n{{title}}\n:::\n{{> ../../etc/passwd}}\n'),
    expect: {
      code: 'unknown-template',
      file: 'templates/mine.hbs',
      line: 4,
      column: 1,
      message: /unknown partial '\.\.\/\.\.\/etc\/passwd'/,
    },
    json: true,
  },
  {
    name: 'template: prototype chain via constructor',
    setup: (p) => ownTemplate(p, ':::title\n{{title.constructor.constructor}}\n:::\n'),
    expect: { code: 'template-error', file: 'templates/mine.hbs', line: 2, column: 3, message: /prototype/ },
  },
  {
    name: 'template: prototype chain via lookup',
    setup: (p) => ownTemplate(p, ':::title\n{{lookup this "__proto__"}}\n:::\n'),
    expect: { code: 'template-error', file: 'templates/mine.hbs', line: 2, column: 1, message: /prototype/ },
  },
  {
    name: 'template: unknown helper',
    setup: (p) => ownTemplate(p, ':::title\n{{upper title}}\n:::\n'),
    expect: {
      code: 'template-error',
      file: 'templates/mine.hbs',
      line: 2,
      column: 1,
      message: /unknown helper 'upper'/,
    },
  },
  // locale values that i18next would print half-resolved
  {
    name: 'locale: $t() nesting a key that does not exist',
    setup: (p) => p.edit(EN, 'deep concern.', 'deep concern. $t(missing.nested)'),
    expect: {
      code: 'missing-key',
      file: EN,
      line: 4,
      column: 3,
      message: /'missing\.nested'.*\$t\(missing\.nested\) in 'intro'/,
    },
    json: true,
  },
  {
    name: 'locale: unknown placeholder in every language (typo)',
    setup: (p) => {
      p.edit(EN, 'deep concern.', 'deep concern, {{recipient.nam}}.');
      p.edit(KO, '드립니다.', '{{recipient.nam}}께 드립니다.');
      p.edit(ZH, '致函阁下。', '致函{{recipient.nam}}。');
    },
    expect: {
      code: 'unknown-placeholder',
      file: EN,
      line: 4,
      column: 3,
      message: /\{\{recipient\.nam\}\} in 'intro'/,
      hint: /did you mean \{\{recipient\.name\}\}/,
    },
    json: true,
  },
  {
    name: 'wrong type: slug as a number',
    setup: (p) => p.edit(LETTER, 'slug: corpus-letter', 'slug: 2023'),
    expect: {
      code: 'schema',
      file: LETTER,
      line: 9,
      column: 7,
      message: /slug must be a string/,
      hint: /quote it: slug: "2023"/,
    },
  },
];

/** The letter uses the project's own template, templates/mine.hbs, with this text. */
function ownTemplate(p: CorpusProject, text: string): void {
  p.write('templates/mine.hbs', text);
  p.edit(LETTER, 'template: open-letter', 'template: ./templates/mine.hbs');
}
