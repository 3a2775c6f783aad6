/**
 * A batch parses the Markdown its letters share once (compose/markdown-memo.ts), reads the text they share once
 * (compose/text-memo.ts) and gets the same document model, and the same problems, as composing each letter alone:
 * every letter of the examples and fixtures, letters that report problems among letters that do not, and Markdown
 * whose blocks reach across a blank line (loose lists, indented continuations, fences, HTML, reference definitions)
 * where a cut would change it.
 */

import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Composer, loadProject, planJobs } from '../../src/index.js';
import { fontBookFor } from '../../src/fonts/index.js';
import { MarkdownMemo } from '../../src/compose/markdown-memo.js';
import { directNodes } from '../../src/compose/markdown-direct.js';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { directive } from 'micromark-extension-directive';
import { parseLetterMarkdown } from '../../src/compose/markdown.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { tempDir } from '../support/tools.js';
import { setLocaleValues } from './project.js';

const ROOT = join(import.meta.dirname, '..', '..');
const CREATED = new Date('2023-12-10T00:00:00Z');
const TWENTY = 'fr de jp kr us gb th va un in br za ca mx it es au id ng eg'.split(' ');

function exampleTo(ids: readonly (string | object)[]): string {
  const dir = join(tempDir('letter-md-memo-'), 'letter');
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  const file = join(dir, 'letter.yaml');
  const yaml = readFileSync(file, 'utf8');
  const to = ids.map((id) => (typeof id === 'string' ? id : JSON.stringify(id)));
  const replaced = yaml.replace(/^to:\n(?: {2}.*\n)+/m, `to: [${to.join(', ')}]\n`);
  expect(replaced).not.toBe(yaml);
  writeFileSync(file, replaced);
  return dir;
}

/** Each letter of a project composed by one Composer (the batch) and by a Composer of its own (alone). */
function composeBoth(dir: string) {
  const project = loadProject({ dir, toolDir: TOOL_DIR });
  const fonts = fontBookFor(project.fonts);
  const batch = new Composer({ project, fonts, created: CREATED });
  const outcome = (composer: Composer, job: Parameters<Composer['compose']>[0]) => {
    try {
      return { doc: composer.compose(job) };
    } catch (e) {
      return { error: (e as Error).message, diagnostics: (e as { diagnostics?: unknown }).diagnostics };
    }
  };
  const seen = new Set<string>();
  const pairs = [];
  for (const job of planJobs(project, {})) {
    const key = `${job.recipient.id} ${job.lang}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const alone = new Composer({ project, fonts, created: CREATED });
    pairs.push({ key, batch: outcome(batch, job), alone: outcome(alone, job) });
  }
  return { pairs, counts: batch.markdown.counts, texts: batch.texts.counts };
}

describe('Markdown parsed once per batch', () => {
  it('the example to 20 recipients: every letter equal to the letter composed alone, shared paragraphs reused', () => {
    const { pairs, counts, texts } = composeBoth(exampleTo(TWENTY));
    expect(pairs).toHaveLength(60);
    for (const pair of pairs) expect(pair.batch, pair.key).toEqual(pair.alone);
    expect(pairs.every((p) => 'doc' in p.batch)).toBe(true);
    // Most of each language's body is the same in all 20 letters: parsed for the first, reused by the other 19.
    expect(counts.whole).toBe(0);
    expect(counts.reused).toBeGreaterThan(counts.parsed * 2);
    // So is its text: read once per language and context; only values naming the recipient are read per letter.
    expect(texts.reused).toBeGreaterThan(texts.read * 4);
  });

  it('letters that report problems among letters that do not: each reports its own, as composed alone', () => {
    const dir = exampleTo([
      'fr',
      // A name no face covers (an Egyptian hieroglyph), interpolated into text all letters share.
      { id: 'us', name: { en: 'Ann 𓀀 Lee', ko: '앤 𓀀 리', zh: '安𓀀李' } },
      'jp',
      'gb',
      { id: 'de', name: { en: 'Ann 𓀀 Lee', ko: '앤 𓀀 리', zh: '安𓀀李' } },
      'va',
      'kr',
      'th',
    ]);
    // A variant only letters to a majesty read, nesting a key that exists nowhere; and an uncovered character in
    // text every Korean letter reads.
    setLocaleValues(dir, 'zh', { plea_majesty: '我们恳请$t(nowhere){{recipient.honorific}}。' });
    setLocaleValues(dir, 'ko', { hope: '𓀀 희망합니다.' });
    // The recipient's name reached only through a nested key: every English letter reads its own.
    setLocaleValues(dir, 'en', { plea: 'We ask $t(whom) to act.', whom: '{{recipient.name}}' });
    const { pairs, texts } = composeBoth(dir);
    expect(pairs).toHaveLength(24);
    for (const pair of pairs) expect(pair.batch, pair.key).toEqual(pair.alone);
    const refused = pairs.filter((p) => 'error' in p.batch).map((p) => p.key);
    expect(refused).toEqual(
      expect.arrayContaining(['us en', 'de en', 'us zh', 'jp zh', 'gb zh', 'th zh', 'fr ko', 'kr ko']),
    );
    expect(pairs.filter((p) => 'doc' in p.batch).map((p) => p.key)).toEqual(
      expect.arrayContaining(['fr en', 'jp en', 'va zh', 'kr zh']),
    );
    expect(texts.reused).toBeGreaterThan(0);
  });

  it.each([
    'examples/open-letter-2023',
    'examples/un-letter-2023',
    'test/fixtures/batch',
    'test/fixtures/long-letter',
    'test/fixtures/japanese',
    'test/fixtures/arabic',
    'test/fixtures/mixed-script',
  ])('%s: every letter equal to the letter composed alone', (project) => {
    const { pairs } = composeBoth(join(ROOT, project));
    expect(pairs.length).toBeGreaterThan(0);
    for (const pair of pairs) expect(pair.batch, pair.key).toEqual(pair.alone);
  });
});

const CTX = { file: 'templates/t.hbs', signatures: [] };
const part = (body: string) => `:::body\n${body}\n:::\n`;

/** Markdown whose blocks a cut at the wrong blank line would change, each inside a part and beside shared text. */
const CASES: Record<string, string> = {
  'loose list': part('Before.\n\n- one\n\n- two\n\nAfter.'),
  'loose ordered list': part('Before.\n\n1. one\n\n2) two\n\n3. three'),
  'list item continued after a blank line': part('- one\n\n  still one\n\nAfter.'),
  'indented code after a paragraph': part('Before.\n\n    code\n\n    more code\n\nAfter.'),
  'quote over a blank line': part('> one\n\n> two\n\nAfter.'),
  'quote with a lazy line': part('> one\nlazy\n\nAfter.'),
  'fenced code with blank lines': part('Before.\n\n```\na\n\nb\n```\n\nAfter.'),
  'html comment over blank lines': part('Before.\n\n<!--\n\nhidden\n\n-->\n\nAfter.'),
  'reference definition in another paragraph': part('See [the report].\n\n[the report]: https://example.org'),
  'setext heading and rules': part('Heading\n===\n\n***\n\n- - -\n\nAfter.'),
  'leaf directives': part('Dear reader,\n\n::vocative[Your Excellency,]\n\n::pagebreak\n\nAfter.'),
  'hard break at a paragraph end': part('One\\\n\nTwo  \n\nThree'),
  'tabs and spaces on blank lines': part('One\n \t\nTwo\n\t\n\tindented'),
  'emphasis across a blank line': part('*one\n\ntwo*'),
  'two parts with labels and attributes':
    ':::title[Label]{align=center}\nTitle\n:::\n\n:::body{indent="2" keep-next}\nA\n\nB\n:::\n',
  'nested part': '::::body\nA\n\n:::quote\nB\n:::\n::::\n',
  'unclosed part': ':::body\nA\n\nB\n',
  'text outside a part': ':::body\nA\n:::\n\nstray\n',
  'unknown part': ':::body\nA\n:::\n\n:::nope\nB\n:::\n',
  'carriage returns': ':::body\r\nA\r\n\r\nB\r\n:::\r\n',
};

function outcome(markdown: string, memo?: MarkdownMemo) {
  try {
    return { sections: parseLetterMarkdown(markdown, CTX, memo) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('a letter cut into pieces only where Markdown cannot reach across', () => {
  it.each(Object.entries(CASES))('%s', (_name, markdown) => {
    const memo = new MarkdownMemo();
    // Warmed with every other case first, so pieces met before come from the table.
    for (const other of Object.values(CASES)) outcome(other, memo);
    expect(outcome(markdown, memo)).toEqual(outcome(markdown));
    expect(outcome(markdown, new MarkdownMemo())).toEqual(outcome(markdown));
  });

  it('a piece met again is taken from the table, and the table keeps to its size', () => {
    const memo = new MarkdownMemo(4);
    // Emphasis in every piece: none is a plain paragraph, which needs no micromark run.
    const letter = (name: string) => part(`Dear *${name}*,\n\n*Shared* one.\n\n*Shared* two.`);
    outcome(letter('Ann'), memo);
    // The three new pieces in one micromark run.
    expect(memo.counts).toEqual({ reused: 0, parsed: 3, whole: 0, runs: 1, plain: 0 });
    outcome(letter('Bob'), memo);
    expect(memo.counts).toEqual({ reused: 2, parsed: 4, whole: 0, runs: 2, plain: 0 });
    for (const name of ['Cy', 'Di', 'Ed', 'Flo']) outcome(letter(name), memo);
    // The shared pieces stay (used by every letter); the names come and go.
    expect(memo.counts.reused).toBe(2 + 4 * 2);
    expect(outcome(letter('Gus'), memo)).toEqual(outcome(letter('Gus')));
  });

  it('a letter whose new pieces are parsed in one run gets the model of its whole parse, for every pair of cases', () => {
    // Each case's body beside another's, in two parts, after a letter that shares only some pieces with it: the
    // pieces new to the table (cut at every kind of block boundary above) are parsed together.
    const bodies = [
      ...Object.values(CASES).map((markdown) => markdown.replace(/^:::body\n|\n:::\n$/g, '')),
      // Bodies that end in an open block and bodies that would go on with it: a list item, its continuation, a
      // quote, indented code.
      '- a\n\n- b',
      '1. a\n\n   a too',
      '> a',
      '    code',
      '- c',
      '  continued',
      '2. next',
    ];
    for (const [i, one] of bodies.entries()) {
      for (const other of bodies.slice(i + 1)) {
        const markdown = `${part(`Shared.\n\n${one}`)}\n:::close\n${other}\n\nShared close.\n:::\n`;
        const memo = new MarkdownMemo();
        outcome(`${part('Shared.')}\n:::close\nShared close.\n:::\n`, memo);
        expect(outcome(markdown, memo), markdown).toEqual(outcome(markdown));
      }
    }
  });

  it("a letter composed alone is one run: its parts' opening lines join its pieces' run", () => {
    const memo = new MarkdownMemo();
    const markdown =
      ':::title[Label]{align=center}\nTitle\n:::\n\n:::body{indent="2" keep-next}\nA\n\nB\n:::\n';
    expect(outcome(markdown, memo)).toEqual(outcome(markdown));
    // The pieces are plain paragraphs, made without micromark: the run is the opening lines'.
    expect(memo.counts).toEqual({ reused: 0, parsed: 3, whole: 0, runs: 1, plain: 3 });
    // An opening line that is no part (its attributes unclosed) makes the letter parse whole, as alone.
    const broken = ':::body{indent="2"\nA\n:::\n\n:::close\nB\n:::\n';
    expect(outcome(broken, memo)).toEqual(outcome(broken));
    expect(memo.counts.whole).toBe(1);
  });

  it('only pieces that stand alone after a blank line share a run; a part opening on an indented line or a list parses alone', () => {
    const memo = new MarkdownMemo();
    const markdown = `${part('    code\n\nDear *Ann*,')}\n:::close\n- item\n\n*Yours.*\n:::\n`;
    expect(outcome(markdown, memo)).toEqual(outcome(markdown));
    // `    code` and `- item` (a part's first lines, which a run would make a code block's or list's continuation)
    // alone; `Dear *Ann*,` and `*Yours.*` together.
    expect(memo.counts).toEqual({ reused: 0, parsed: 4, whole: 0, runs: 3, plain: 0 });
  });
});

/** Paragraphs that look plain, each with one thing Markdown reads in it, and plain ones. */
const NEAR_PLAIN: Record<string, boolean> = {
  '2014年，联合国朝鲜民主主义人民共和国人权调查委员会（DPRK COI）记录证实。': true,
  'Dear President Xi, 10: 30 on 2023-12-10 (a "quote"), 100% {braces} $5 ~ | = + - # > !': true,
  'Two lines\nof one paragraph': true,
  'Ideographic space\u3000inside': true,
  '1. a list': false,
  '2023) a list too': false,
  '# heading': false,
  '> quote': true,
  '> quote\n\n> another': true,
  '> quote\nlazy': false,
  '>quote': false,
  '- item': false,
  '+ item': false,
  '* item': false,
  '*emphasis*': false,
  'in _emphasis_': false,
  'a `code` span': false,
  'a [link](https://example.org)': false,
  'an ![image](x.png)': false,
  'an <https://example.org> autolink': false,
  'an &amp; entity': false,
  'an escaped \\* star': false,
  'a :span[directive]{lang=zh}': false,
  '10:30': false,
  'hard break  \nafter two spaces': false,
  'Heading\n===': false,
  'Heading\n---': false,
  'text\n    indented continuation': false,
  'text\n> lazy quote': false,
  ' leading space': false,
  '\u3000leading ideographic space': false,
  'trailing ideographic space\u3000': false,
  'a\ttab': false,
  'a NUL \u0000 character': false,
  '~~~ fence': false,
  '<div>': false,
  '::vocative[Sir,]': true,
  '::vocative[Sir:]': false,
  '::vocative[ Sir]': false,
  '::signature{index="0"}\n::signature{index="1"}': true,
  '::signature{index=0 keep}': true,
  '::signature{index="0" index="1"}': false,
  '::signature{#id}': false,
  '::signature{class="a"}': false,
  '::signature{index="&amp;"}': false,
  '::signature{index="0"} ': false,
  '::pagebreak': true,
  '::page-break-': false,
};

describe('plain paragraphs, one-line quotes and leaf directives are made without micromark, as micromark makes them', () => {
  it.each(Object.entries(NEAR_PLAIN))('%j (plain: %s)', (body, plain) => {
    const markdown = part(`Before.\n\n${body}\n\nAfter.`);
    const memo = new MarkdownMemo();
    expect(outcome(markdown, memo)).toEqual(outcome(markdown));
    // Every piece (with `Before.` and `After.`, or what took them in) made without micromark, or not.
    expect(memo.counts.parsed > 0 && memo.counts.plain === memo.counts.parsed).toBe(plain);
  });
});

it("text made of the pieces of plain paragraphs, quotes, directives and their attributes: micromark's nodes, or left to micromark", () => {
  const tokens = [
    ':::',
    '::',
    ':',
    'a',
    'b1',
    '-',
    '_',
    '[',
    ']',
    '{',
    '}',
    '=',
    '"',
    ' ',
    'x',
    '1',
    'id',
    'class',
  ];
  tokens.push(
    'k',
    '\n',
    '> ',
    '>',
    '我',
    '：',
    '.',
    ',',
    '\t',
    '#',
    '*',
    '&',
    '\\',
    'é',
    'keep-next',
    'indent="2"',
  );
  tokens.push('a=1', ' a', '::v[', ':::p');
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const options = { extensions: [directive()], mdastExtensions: [directiveFromMarkdown()] };
  const withoutPositions = (node: unknown): unknown =>
    JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === 'position' ? undefined : value)));
  let made = 0;
  for (let i = 0; i < 20000; i++) {
    let text = '';
    for (let n = 1 + Math.floor(random() * 9); n > 0; n--)
      text += tokens[Math.floor(random() * tokens.length)];
    const variants = [
      text,
      `${text}\n:::`,
      `::${text}`,
      `:::${text}\n:::`,
      `> ${text}`,
      `a\n\n> ${text}\n\n::b`,
    ];
    for (const variant of variants) {
      const nodes = directNodes(variant);
      if (!nodes) continue;
      made++;
      expect(nodes, variant).toEqual(withoutPositions(fromMarkdown(variant, options).children));
    }
  }
  expect(made).toBeGreaterThan(2000);
});
