/**
 * A project's own fonts: fonts/fonts.json in the project, in the tool's format, merged over the tool's by the font book.
 * Checked here like every other input, each problem at its file:line:col: faces whose files exist inside the project
 * and are TrueType fonts, chains that name known faces, locale tags that are BCP 47.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  didYouMean,
  given,
  LetterError,
  problem,
  shown as show,
  type Diagnostic,
  type Location,
} from '../diag/index.js';
import {
  fontFileProblem,
  readFontsConfig,
  type FaceEntry,
  type ProjectFonts,
  type Variant,
} from '../fonts/index.js';
import { containedPath, LANG_CODE, leadsOutside, staysInside } from './paths.js';
import { displayPath, parseJson, readText } from './source.js';

export const PROJECT_FONTS_FILE = 'fonts/fonts.json';

const TOP_KEYS = ['$comment', 'faces', 'chains', 'locales'];
const FACE_KEYS = ['family', 'script', 'files', 'license'];
const VARIANTS: readonly Variant[] = ['regular', 'bold', 'italic', 'boldItalic'];
const FACE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The project's fonts/fonts.json, checked; undefined when the project has none. */
export function loadProjectFonts(projectDir: string, toolDir: string): ProjectFonts | undefined {
  const fontsDir = join(projectDir, 'fonts');
  const file = join(fontsDir, 'fonts.json');
  if (!existsSync(file)) return undefined;
  const shown = displayPath(file, projectDir);
  if (!staysInside(projectDir, file))
    throw new LetterError(leadsOutside(shown, { file: shown, line: 1, column: 1 }));
  const { data, locate } = parseJson(readText(file, shown), shown);
  const problems: Diagnostic[] = [];
  const fail = (message: string, key: string, hint: string) =>
    problems.push(problem('schema', message, locate(key), hint));
  if (!isObject(data))
    throw new LetterError(
      problem(
        'schema',
        `${shown} must hold a JSON object, not ${given(data)}`,
        { file: shown, line: 1, column: 1 },
        'write { "faces": { … }, "chains": { … } } (see the tool\'s fonts/README.md)',
      ),
    );
  unknownKeys(data, TOP_KEYS, '', fail);

  const toolFaces = Object.keys(readFontsConfig(join(toolDir, 'fonts')).faces);
  const faces: Record<string, FaceEntry> = {};
  // A face reported above (a bad id, a file that is no font) is not reported again where a chain names it.
  const rejected = new Set<string>();
  for (const [id, face] of entries(data, 'faces', fail)) {
    rejected.add(id);
    const at = `faces.${id}`;
    if (!FACE_ID.test(id))
      fail(
        `face id '${show(id)}' in ${shown} must be letters, digits, '-' or '_'`,
        at,
        'rename the face, and its uses in "chains"',
      );
    else if (!isObject(face))
      fail(
        `face '${id}' in ${shown} must be an object, not ${given(face)}`,
        at,
        'write { "family": …, "files": { "regular": "….ttf" }, "license": "OFL.txt" }',
      );
    else {
      const entry = checkFace(id, face, {
        projectDir,
        fontsDir,
        locate: (k) => locate(`${at}.${k}`),
        fail: (m, k, h) => fail(m, `${at}${k ? `.${k}` : ''}`, h),
        problems,
      });
      if (entry) {
        faces[id] = entry;
        rejected.delete(id);
      }
    }
  }
  const known = [...Object.keys(faces), ...toolFaces.filter((id) => !(id in faces))];
  const chains: Record<string, string[]> = {};
  for (const [lang, chain] of entries(data, 'chains', fail)) {
    const at = `chains.${lang}`;
    if (lang !== '*' && !LANG_CODE.test(lang))
      fail(
        `'${show(lang)}' in "chains" of ${shown} is not a language code`,
        at,
        'use a code such as ja, fr or zh-Hant, or * for every other language',
      );
    else if (!Array.isArray(chain) || chain.length === 0 || !chain.every((id) => typeof id === 'string'))
      fail(
        `the chain of '${lang}' in ${shown} must be a list of face ids, not ${given(chain)}`,
        at,
        `write "${lang}": ["${Object.keys(faces)[0] ?? 'latin'}", "latin"]`,
      );
    else {
      const unknown = chain.filter((id) => !known.includes(id));
      for (const id of unknown.filter((id) => !rejected.has(id))) {
        const guess = didYouMean(id, known);
        fail(
          `the chain of '${lang}' in ${shown} names face '${show(id)}', which is in neither the project's faces nor the tool's`,
          at,
          guess ? `did you mean '${guess}'?` : `the faces are: ${known.join(', ')}`,
        );
      }
      if (!unknown.length) chains[lang] = chain;
    }
  }
  const locales: Record<string, string> = {};
  for (const [lang, tag] of entries(data, 'locales', fail)) {
    if (!LANG_CODE.test(lang) || typeof tag !== 'string' || !isLocaleTag(tag))
      fail(
        `"locales"."${show(lang)}" in ${shown} must map a language code to a BCP 47 tag, not ${given(tag)}`,
        `locales.${lang}`,
        'write "ja": "ja-JP"',
      );
    else locales[lang] = tag;
  }
  if (problems.length) throw new LetterError(problems);
  return { dir: fontsDir, faces, chains, locales };
}

interface FaceContext {
  readonly projectDir: string;
  readonly fontsDir: string;
  readonly locate: (key: string) => Location;
  readonly fail: (message: string, key: string, hint: string) => void;
  readonly problems: Diagnostic[];
}

function checkFace(id: string, face: Json, ctx: FaceContext): FaceEntry | undefined {
  const before = ctx.problems.length;
  unknownKeys(face, FACE_KEYS, '', ctx.fail);
  if (typeof face.family !== 'string' || !face.family.trim())
    ctx.fail(
      `face '${id}' has no "family" (its name, such as "Noto Serif JP")`,
      face.family === undefined ? '' : 'family',
      'add "family": "…"',
    );
  if (face.script !== undefined && typeof face.script !== 'string')
    ctx.fail(
      `"script" of face '${id}' must be a string`,
      'script',
      'write the scripts it covers, such as "Japanese kana and kanji, Latin"',
    );
  const files: Partial<Record<Variant, string>> = {};
  if (!isObject(face.files) || face.files.regular === undefined) {
    ctx.fail(
      `face '${id}' has no "files"."regular"`,
      face.files === undefined ? '' : 'files',
      'add "files": { "regular": "YourFace-Regular.ttf" } (a file in the project\'s fonts/ folder)',
    );
  } else {
    unknownKeys(face.files, VARIANTS, 'files.', ctx.fail);
    for (const variant of VARIANTS) {
      const name = face.files[variant];
      if (name === undefined) continue;
      const path = fileInFonts(name, `files.${variant}`, ctx);
      if (!path) continue;
      const bad = fontFileProblem(path);
      if (bad)
        ctx.fail(
          `${displayPath(path, ctx.projectDir)} (face '${id}', ${variant}) ${bad.message}`,
          `files.${variant}`,
          bad.hint,
        );
      else files[variant] = path;
    }
  }
  let license: string | undefined;
  if (face.license !== undefined) license = fileInFonts(face.license, 'license', ctx);
  if (ctx.problems.length > before) return undefined;
  return {
    family: face.family as string,
    files: files as FaceEntry['files'],
    ...(typeof face.script === 'string' ? { script: face.script } : {}),
    ...(license ? { license } : {}),
  };
}

/** The absolute path of a file named in fonts.json: inside the project's fonts/ folder, existing. */
function fileInFonts(name: unknown, key: string, ctx: FaceContext): string | undefined {
  if (typeof name !== 'string' || !name) {
    ctx.fail(
      `"${key}" must name a file in the project's fonts/ folder`,
      key,
      'write the file name in quotes, such as "NotoSerifJP-Regular.ttf"',
    );
    return undefined;
  }
  const path = containedPath(ctx.fontsDir, name);
  if (!path) {
    ctx.fail(
      `'${show(name)}' is outside the project's fonts/ folder`,
      key,
      'copy the file into fonts/ and name it relative to that folder',
    );
    return undefined;
  }
  const shown = displayPath(path, ctx.projectDir);
  if (!existsSync(path)) {
    ctx.problems.push(
      problem(
        'missing-file',
        `${shown} not found`,
        ctx.locate(key),
        "copy the file into the project's fonts/ folder, or correct its name",
      ),
    );
    return undefined;
  }
  if (!staysInside(ctx.projectDir, path)) {
    ctx.problems.push(leadsOutside(shown, ctx.locate(key)));
    return undefined;
  }
  return path;
}

/** The members of an optional object-valued key (`faces`, `chains`, `locales`). */
function entries(
  data: Json,
  key: string,
  fail: (message: string, key: string, hint: string) => void,
): [string, unknown][] {
  const value = data[key];
  if (value === undefined) return [];
  if (!isObject(value)) {
    fail(`"${key}" must be an object`, key, `write "${key}": { … }`);
    return [];
  }
  return Object.entries(value);
}

function unknownKeys(
  data: Json,
  allowed: readonly string[],
  prefix: string,
  fail: (message: string, key: string, hint: string) => void,
): void {
  for (const key of Object.keys(data).filter((k) => !allowed.includes(k))) {
    const guess = didYouMean(key, allowed);
    fail(
      `unknown key '${show(key)}'`,
      `${prefix}${key}`,
      guess ? `did you mean '${guess}'?` : `the keys are: ${allowed.join(', ')}`,
    );
  }
}

function isLocaleTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
