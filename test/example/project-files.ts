/** Reading a letter project's files (letter.yaml, recipients.yaml, locale JSON) and the seed text, for the example tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** The repository root, found from this file's place in `test/example/`. */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The example project and the lengthened fixture made from it. */
export const EXAMPLE_DIR = join(REPO_ROOT, 'examples', 'open-letter-2023');
export const LONG_LETTER_DIR = join(REPO_ROOT, 'test', 'fixtures', 'long-letter');

/** Verbatim copies of the seed texts, shared/seed/open-letter-2023-12-10.{en,ko,zh}.txt (NOTES.md beside them explains them). */
const SEED_DIR = join(REPO_ROOT, 'test', 'example', 'seed');

/** One language's locale file: flat keys to inline-Markdown strings. */
export type LocaleStrings = Readonly<Record<string, string>>;

/** A parsed YAML mapping; fields are checked where they are read. */
export type YamlMap = Readonly<Record<string, unknown>>;

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a YAML file that must hold a mapping at the top. */
export function readYamlMap(file: string): YamlMap {
  const value: unknown = parse(readFileSync(file, 'utf8'));
  if (!isMap(value)) throw new Error(`${file}: expected a mapping at the top level`);
  return value;
}

/** Reads every `locales/<lang>/letter.json` of a project, by language. */
export function readLocales(projectDir: string): Readonly<Record<string, LocaleStrings>> {
  const root = join(projectDir, 'locales');
  const locales: Record<string, LocaleStrings> = {};
  for (const lang of readdirSync(root).sort()) {
    const value: unknown = JSON.parse(readFileSync(join(root, lang, 'letter.json'), 'utf8'));
    if (!isMap(value)) throw new Error(`${lang}/letter.json: expected an object`);
    for (const [key, text] of Object.entries(value)) {
      // SPEC §4 locale files here are flat: a nested object would be a different key path than letter.yaml names.
      if (typeof text !== 'string') throw new Error(`${lang}/letter.json: key ${key} is not a string`);
    }
    locales[lang] = value as LocaleStrings;
  }
  return locales;
}

function keyOf(value: unknown, where: string): string {
  if (typeof value !== 'string')
    throw new Error(`${where}: expected a locale key, got ${JSON.stringify(value)}`);
  return value;
}

/** The body blocks that take no locale key: the tool generates their text (SPEC §3). */
const KEYLESS_BLOCKS = new Set(['vocative', 'pagebreak']);

/** Every locale key letter.yaml names (title, subtitle, body blocks, close, enclosures), in document order. */
export function letterKeys(letter: YamlMap): string[] {
  const keys: string[] = [];
  for (const field of ['title', 'subtitle'] as const) {
    if (letter[field] !== undefined) keys.push(keyOf(letter[field], field));
  }
  const body = letter['body'];
  if (!Array.isArray(body)) throw new Error('letter.yaml: body must be a list');
  body.forEach((block: unknown, index) => {
    const where = `body[${index}]`;
    if (typeof block === 'string') {
      if (!KEYLESS_BLOCKS.has(block)) throw new Error(`${where}: unknown block ${block}`);
      return;
    }
    if (!isMap(block)) throw new Error(`${where}: expected a block`);
    for (const kind of ['p', 'quote', 'heading', 'by'] as const) {
      if (block[kind] !== undefined) keys.push(keyOf(block[kind], `${where}.${kind}`));
    }
    const list = block['list'];
    if (list !== undefined) {
      if (!Array.isArray(list)) throw new Error(`${where}.list: expected a list of keys`);
      list.forEach((item: unknown, i) => keys.push(keyOf(item, `${where}.list[${i}]`)));
    }
  });
  if (letter['close'] !== undefined) keys.push(keyOf(letter['close'], 'close'));
  const enclosures = letter['enclosures'];
  if (Array.isArray(enclosures))
    enclosures.forEach((item: unknown, i) => keys.push(keyOf(item, `enclosures[${i}]`)));
  return keys;
}

/** The seed letter in one language, as its 24 paragraphs (trimmed; paragraphs are separated by blank lines). */
export function readSeedParagraphs(lang: string): string[] {
  const text = readFileSync(join(SEED_DIR, `open-letter-2023-12-10.${lang}.txt`), 'utf8');
  return text
    .trim()
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim());
}

/** Undoes Markdown backslash escapes (CommonMark: a backslash before ASCII punctuation), giving the printed text. */
export function unescapeMarkdown(inline: string): string {
  return inline.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Finds a character in an inline-Markdown value that Markdown would interpret rather than print: an unescaped `*`, `_`,
 * backtick or `[`, or a leading `#`, `>`, `-`/`+` item marker or `1.` that would make a heading, quote or list.
 */
export function unescapedMarkdown(inline: string): string | undefined {
  const active = /(?<!\\)[*_`[]|^\s*(?:#|>|[-+]\s|\d+[.)]\s)/.exec(inline);
  return active?.[0];
}
