/** Locale files: the project's text (locales/<lang>/letter.json) and the tool's strings, which a project may override. */

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { given, LetterError, problem, shown as show, type Diagnostic, type Location } from '../diag/index.js';
import { nestingErrors } from './nesting.js';
import { flatKeys, valueAt } from './placeholders.js';
import { controlCharacterProblem, readFolder, readShippedBytes } from './text.js';
import type { Lang } from '../model/index.js';
import { displayPath, JSON_STRING, parseJson, readText, type ParsedJson } from './source.js';
import type { LocaleFile } from './types.js';
import { isFolder, LANG_CODE, leadsOutside, notAFolder, staysInside } from './paths.js';
import { MAX_FOLDER_FILES } from './walk.js';

/** The namespace of the project's own text; every other file in a locale folder overrides a tool namespace. */
export const TEXT_NS = 'letter';

// Keys that would reach an object's prototype once the strings are merged or handed to i18next.
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads one locale JSON file; its top level must be an object of strings (or nested objects of strings). */
export function readLocaleFile(file: string, shown: string, lang: Lang, ns: string): LocaleFile {
  const { data, locate } = parseJson(readText(file, shown), shown);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new LetterError(
      problem(
        'schema',
        `${shown} must hold a JSON object of strings, not ${given(data)}`,
        { file: shown, line: 1, column: 1 },
        'write { "key": "text", … }',
      ),
    );
  }
  const reserved = [
    ...new Set(
      flatKeys(data as Record<string, unknown>).flatMap((key) => {
        const parts = key.split('.');
        const at = parts.findIndex((part) => RESERVED_KEYS.has(part));
        return at < 0 ? [] : [parts.slice(0, at + 1).join('.')];
      }),
    ),
  ];
  if (reserved.length) {
    throw new LetterError(
      reserved.map((key) =>
        problem(
          'schema',
          `key '${show(key)}' in ${shown} is a reserved name`,
          locate(key),
          'rename the key; __proto__, constructor and prototype are not allowed',
        ),
      ),
    );
  }
  const bad = nonStrings(data as Record<string, unknown>);
  if (bad.length) {
    throw new LetterError(
      bad.map(({ key, value }) =>
        problem(
          'schema',
          `the value of '${show(key)}' in ${shown} must be a string, not ${given(value)}`,
          {
            ...locate(key),
            ...(value !== null && typeof value !== 'object' ? { value: String(value) } : {}),
          },
          'write the text in quotes',
        ),
      ),
    );
  }
  // The message and the key's position are made only for a value that has a control character (few or none).
  const controls = flatKeys(data as Record<string, unknown>).flatMap((key) => {
    const value = valueAt(data as Record<string, unknown>, key) ?? '';
    const control = controlCharacterProblem(
      value,
      () => `the value of '${show(key)}' in ${shown}`,
      () => locate(key),
    );
    return control ? [control] : [];
  });
  if (controls.length) throw new LetterError(controls);
  return { lang, ns, file: shown, data: data as Record<string, unknown>, locate };
}

/**
 * One of the tool's own locale files, as shipped: checked like a project's by `npm run build` (scripts/validators.mjs
 * fails on any problem readLocaleFile finds), so at run time parsed as plain JSON, when its data is first read: a
 * letter reads the strings of its own languages and English, not those of the other seven. Its key positions (for a
 * diagnostic that names one) come from the full parse, made on first use. Checking the tool's 18 files at every start
 * was ~5 % of a one-letter build (BENCHMARKS.md, fifth session). Kept as bytes and decoded when first parsed: the
 * manifest's digest reads every file's bytes (shippedCompactJson), a letter parses its own languages' and English.
 */
export function readShippedLocaleFile(file: string, shown: string, lang: Lang, ns: string): LocaleFile {
  const bytes = readShippedBytes(file, shown);
  let text: string | undefined;
  const decoded = () => (text ??= bytes.toString('utf8'));
  let parsed: ParsedJson | undefined;
  let data: Record<string, unknown> | undefined;
  const loaded: LocaleFile = {
    lang,
    ns,
    file: shown,
    get data() {
      data ??= JSON.parse(decoded()) as Record<string, unknown>;
      return data;
    },
    locate: (key) => {
      parsed ??= parseJson(decoded(), shown);
      return parsed.locate(key);
    },
  };
  shipped.set(loaded, bytes);
  return loaded;
}

/** The tool's locale files as shipped, with their bytes (UTF-8, without a byte order mark). */
const shipped = new WeakMap<LocaleFile, Buffer>();

/**
 * Whether `file` is one of the tool's own locale files as shipped (no project file merged over it): `npm run build`
 * checked its `$t()` nesting already (shippedLocaleProblems), and nesting stays within one file.
 */
export function isShippedAsIs(file: LocaleFile): boolean {
  return shipped.has(file);
}

/**
 * `JSON.stringify(file.data)` as UTF-8, without parsing the file, for one of the tool's files as shipped (else
 * undefined): its text without the white space between tokens, which is the same string for a file written as
 * JSON.stringify writes strings (`npm run build` refuses one that is not: shippedLocaleProblems). Compacted as Latin-1,
 * one character per byte, never decoded: outside its strings JSON is ASCII, and no byte of a UTF-8 sequence (all
 * >= 0x80) is a quote, a backslash or white space, so a string token takes a multi-byte character as it is.
 */
export function shippedCompactJson(file: LocaleFile): Uint8Array | undefined {
  const bytes = shipped.get(file);
  return bytes === undefined ? undefined : Buffer.from(compactJson(bytes.toString('latin1')), 'latin1');
}

// A string token (kept) or white space between tokens (dropped).
const STRING_OR_SPACE = new RegExp(String.raw`(${JSON_STRING})|\s+`, 'g');

function compactJson(text: string): string {
  return text.replace(STRING_OR_SPACE, '$1');
}

/**
 * What readLocaleFile and the `$t()` nesting check find wrong in the tool's own locale files (under `toolDir`): `npm run
 * build` fails on any.
 */
export function shippedLocaleProblems(toolDir: string): Diagnostic[] {
  const root = join(toolDir, 'locales');
  const problems: Diagnostic[] = [];
  const langs = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory());
  for (const lang of langs.map((e) => e.name).sort()) {
    for (const name of readdirSync(join(root, lang))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const file = join(root, lang, name);
      try {
        const shown = displayPath(file, toolDir);
        const loaded = readLocaleFile(file, shown, lang, name.slice(0, -'.json'.length));
        problems.push(...nestingErrors([loaded]));
        if (compactJson(readText(file, shown)) !== JSON.stringify(loaded.data))
          problems.push(
            problem(
              'json-syntax',
              `${shown} writes a string otherwise than JSON.stringify does (an escape such as \\u00e9 or \\/ where the character itself would do)`,
              { file: shown, line: 1, column: 1 },
              "write each character as itself: the manifest's digest of the inputs reads the tool's files as written",
            ),
          );
      } catch (e) {
        if (!(e instanceof LetterError)) throw e;
        problems.push(...e.diagnostics);
      }
    }
  }
  return problems;
}

function nonStrings(data: Record<string, unknown>, prefix = ''): { key: string; value: unknown }[] {
  const out: { key: string; value: unknown }[] = [];
  for (const [key, value] of Object.entries(data)) {
    const full = prefix + key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      out.push(...nonStrings(value as Record<string, unknown>, `${full}.`));
    else if (typeof value !== 'string') out.push({ key: full, value });
  }
  return out;
}

/** The project's text per language; a language without letter.json is an error naming the folder. */
export function loadTexts(
  dir: string,
  languages: readonly Lang[],
  where: (i: number) => Location,
): Map<Lang, LocaleFile> {
  const texts = new Map<Lang, LocaleFile>();
  const problems: Diagnostic[] = [];
  languages.forEach((lang, i) => {
    const file = join(dir, 'locales', lang, `${TEXT_NS}.json`);
    const shown = displayPath(file, dir);
    if (!existsSync(file)) {
      problems.push(
        problem(
          'missing-file',
          `no text for language '${show(lang)}': ${shown} not found`,
          where(i),
          `create ${shown}, or remove '${lang}' from languages`,
        ),
      );
      return;
    }
    if (!staysInside(dir, file)) {
      problems.push(leadsOutside(shown, { file: shown, line: 1, column: 1 }));
      return;
    }
    try {
      texts.set(lang, readLocaleFile(file, shown, lang, TEXT_NS));
    } catch (e) {
      if (e instanceof LetterError) problems.push(...e.diagnostics);
      else throw e;
    }
  });
  if (problems.length) throw new LetterError(problems);
  return texts;
}

/**
 * The tool's strings per language and namespace, with the project's files of the same name merged over them. A project
 * file that a symbolic link takes outside the project is an error, like its letter.json.
 */
export function loadToolStrings(toolDir: string, projectDir: string): Map<Lang, Map<string, LocaleFile>> {
  const out = new Map<Lang, Map<string, LocaleFile>>();
  const problems: Diagnostic[] = [];
  for (const [root, base] of [
    [join(toolDir, 'locales'), toolDir],
    [join(projectDir, 'locales'), projectDir],
  ] as const) {
    if (!existsSync(root)) continue;
    if (!isFolder(root)) {
      problems.push(notAFolder(displayPath(root, base), 'one folder per language (locales/en/letter.json)'));
      continue;
    }
    // Two levels (locales/<lang>/<ns>.json), no links to folders followed: bounded by the number of files.
    let files = 0;
    for (const lang of readFolder(root, displayPath(root, base))
      .filter((e) => e.isDirectory())
      .map((e) => e.name)) {
      for (const name of readFolder(join(root, lang), displayPath(join(root, lang), base))
        .map((e) => e.name)
        .filter((f) => f.endsWith('.json'))
        .sort()) {
        if (++files > MAX_FOLDER_FILES) {
          const shown = displayPath(root, base);
          throw new LetterError(
            problem(
              'input-too-large',
              `${shown} holds more than ${MAX_FOLDER_FILES.toLocaleString('en')} files`,
              { file: shown },
              'remove unused locale files',
            ),
          );
        }
        const ns = name.slice(0, -'.json'.length);
        if (base === projectDir && ns === TEXT_NS) continue;
        const file = join(root, lang, name);
        if (!LANG_CODE.test(lang)) continue;
        const shown = displayPath(file, base);
        if (base === projectDir && !staysInside(projectDir, file)) {
          problems.push(leadsOutside(shown, { file: shown, line: 1, column: 1 }));
          continue;
        }
        const loaded =
          base === toolDir
            ? readShippedLocaleFile(file, shown, lang, ns)
            : readLocaleFile(file, shown, lang, ns);
        const byNs = out.get(lang) ?? new Map<string, LocaleFile>();
        const previous = byNs.get(ns);
        if (previous) problems.push(...shapeMismatches(previous.data, loaded));
        byNs.set(ns, previous ? { ...loaded, data: deepMerge(previous.data, loaded.data) } : loaded);
        out.set(lang, byNs);
      }
    }
  }
  if (problems.length) throw new LetterError(problems);
  return out;
}

/**
 * A project's override that turns one of the tool's strings into a group of keys, or a group into a string: the tool
 * reads the one it knows, so the override would print nothing (or i18next's sentence about an object) where it stands.
 */
function shapeMismatches(tool: Readonly<Record<string, unknown>>, over: LocaleFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (
    base: Readonly<Record<string, unknown>>,
    mine: Readonly<Record<string, unknown>>,
    prefix: string,
  ) => {
    for (const [key, value] of Object.entries(mine)) {
      if (!Object.hasOwn(base, key)) continue;
      const known = base[key];
      const group = (v: unknown) => typeof v === 'object' && v !== null;
      if (group(known) && group(value)) {
        walk(known as Record<string, unknown>, value as Record<string, unknown>, `${prefix}${key}.`);
      } else if (group(known) !== group(value)) {
        out.push(
          problem(
            'schema',
            `'${show(`${prefix}${key}`)}' in ${over.file} is ${group(value) ? 'a group of keys' : 'a string'}, but the tool's is ${group(known) ? 'a group of keys' : 'a string'}`,
            over.locate(`${prefix}${key}`),
            `write it as the tool's own locales/${over.lang}/${over.ns}.json does`,
          ),
        );
      }
    }
  };
  walk(tool, over.data, '');
  return out;
}

function deepMerge(
  base: Readonly<Record<string, unknown>>,
  over: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const prior = out[key];
    out[key] =
      typeof value === 'object' && value !== null && typeof prior === 'object' && prior !== null
        ? deepMerge(prior as Record<string, unknown>, value as Record<string, unknown>)
        : value;
  }
  return out;
}
