/** letter.yaml: parsed, validated against the schema, defaults applied, ids and paths checked for safety. */

import { existsSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { given, LetterError, problem, shown as show, type Diagnostic, type Location } from '../diag/index.js';
import type { Register } from '../directory/index.js';
import type { Lang, Paper } from '../model/index.js';
import { parseYaml, readText } from './source.js';
import { validateLetter } from './schema.js';
import { readFolder } from './text.js';
import { containedPath, isFolder, isSafeSegment, LANG_CODE, staysInside } from './paths.js';
import type {
  BodyItem,
  Format,
  LetterSpec,
  Locate,
  Localized,
  RecipientRef,
  SignatorySpec,
} from './types.js';

interface RawLetter {
  template?: string;
  register?: Register;
  date: string;
  place?: Localized;
  languages?: Lang[];
  formats?: Format[];
  paper?: Paper;
  slug?: string;
  to: (string | (Omit<RecipientRef, 'path'> & { id: string }))[];
  title: string;
  subtitle?: string;
  reference?: Localized;
  body: (string | Record<string, unknown>)[];
  close?: string;
  signatories: {
    org: Localized;
    short?: string;
    person?: { name: Localized; title?: Localized };
    email?: string;
    signature?: string;
  }[];
  enclosures?: string[];
  cc?: Localized[];
  sign?: LetterSpec['sign'];
  pdf?: LetterSpec['pdf'];
}

/** Reads and validates letter.yaml; every problem is reported at once, with its position. */
export function loadLetter(dir: string, file: string, shown: string): { letter: LetterSpec; locate: Locate } {
  const { data, locate } = parseYaml(readText(file, shown), shown);
  const diagnostics = validateLetter(data, locate);
  if (diagnostics.length) throw new LetterError(diagnostics);
  const raw = data as RawLetter;
  const problems: Diagnostic[] = [];
  if (!isRealDate(raw.date))
    problems.push(
      problem(
        'schema',
        `date ${given(raw.date)} is not a calendar date`,
        { ...locate(['date']), value: String(raw.date) },
        'write the date as YYYY-MM-DD, e.g. 2023-12-10',
      ),
    );
  const template = raw.template ?? 'formal';
  if (raw.slug !== undefined && !isSafeSegment(raw.slug)) {
    problems.push(
      problem(
        'unsafe-path',
        `slug '${show(raw.slug)}' is not a safe file name`,
        locate(['slug']),
        'use letters, digits, ".", "_" and "-"; names like con, nul or aux are reserved on Windows',
      ),
    );
  }
  const listed = new Map<string, Location>();
  raw.to.forEach((entry, i) => {
    const id = typeof entry === 'string' ? entry : entry.id;
    const where = locate(typeof entry === 'string' ? ['to', i] : ['to', i, 'id']);
    if (!id.split('/').every(isSafeSegment)) {
      problems.push(
        problem(
          'unsafe-path',
          `recipient id '${show(id)}' is not a safe folder name`,
          where,
          'ids become folder names; con, nul, aux, prn, com1… are reserved on Windows',
        ),
      );
    }
    // The id is the output folder: a second entry would write over the first one's files.
    const first = listed.get(id);
    if (first !== undefined) problems.push(duplicateRecipient(id, first, where));
    else listed.set(id, where);
  });
  problems.push(
    ...duplicateLanguages(raw.languages ?? localeFolders(dir), (i, lang) =>
      raw.languages ? locate(['languages', i]) : { file: `locales/${lang}` },
    ),
  );
  const signatories = raw.signatories.map((s, i): SignatorySpec => {
    if (s.signature === undefined) return stripUndefined(s) as SignatorySpec;
    const where = locate(['signatories', i, 'signature']);
    const path = imagePath(dir, s.signature);
    if (path === 'outside') {
      problems.push(
        problem(
          'unsafe-path',
          `signature image '${show(s.signature)}' is outside the project folder`,
          where,
          'put the image in the project, e.g. assets/',
        ),
      );
      return stripUndefined({ ...s, signature: undefined }) as SignatorySpec;
    }
    if (typeof path === 'object') {
      problems.push(
        problem(
          'missing-file',
          `cannot read the signature image '${show(s.signature)}': ${path.unreadable}`,
          where,
          'check the path and the permissions of the image and the folders above it',
        ),
      );
      return stripUndefined({ ...s, signature: undefined }) as SignatorySpec;
    }
    if (path === 'missing' || path === 'folder' || path === 'not-a-file') {
      const what = {
        missing: 'not found',
        folder: 'is a folder, not an image file',
        'not-a-file': 'is not a file',
      };
      problems.push(
        problem(
          'missing-file',
          `signature image '${show(s.signature)}' ${what[path]}`,
          where,
          path === 'missing'
            ? 'check the path; it is relative to the project folder'
            : 'give the path of the PNG or JPEG file, e.g. assets/signature.png',
        ),
      );
      return stripUndefined({ ...s, signature: undefined }) as SignatorySpec;
    }
    return { ...(stripUndefined(s) as SignatorySpec), signature: path };
  });
  if (problems.length) throw new LetterError(problems);
  const letter: LetterSpec = {
    template,
    register: raw.register ?? (template === 'open-letter' ? 'open-letter' : 'diplomatic'),
    date: raw.date,
    ...(raw.place !== undefined ? { place: raw.place } : {}),
    languages: raw.languages ?? localeFolders(dir),
    formats: raw.formats ?? ['pdf', 'docx'],
    paper: raw.paper ?? 'A4',
    slug: raw.slug ?? slugFromFolder(dir),
    to: raw.to.map(
      (entry, i): RecipientRef =>
        typeof entry === 'string'
          ? { id: entry, path: ['to', i] }
          : { ...stripUndefined(entry), path: ['to', i] },
    ),
    title: raw.title,
    ...(raw.subtitle !== undefined ? { subtitle: raw.subtitle } : {}),
    ...(raw.reference !== undefined ? { reference: raw.reference } : {}),
    body: raw.body.map(toBodyItem),
    ...(raw.close !== undefined ? { close: raw.close } : {}),
    signatories,
    enclosures: raw.enclosures ?? [],
    cc: raw.cc ?? [],
    ...(raw.sign !== undefined ? { sign: raw.sign } : {}),
    ...(raw.pdf !== undefined ? { pdf: raw.pdf } : {}),
  };
  return { letter, locate };
}

function toBodyItem(item: string | Record<string, unknown>): BodyItem {
  if (item === 'vocative') return { kind: 'vocative' };
  if (item === 'pagebreak') return { kind: 'pagebreak' };
  const o = item as Record<string, unknown>;
  if (typeof o['p'] === 'string') return { kind: 'p', key: o['p'] };
  if (typeof o['heading'] === 'string') return { kind: 'heading', key: o['heading'] };
  if (typeof o['quote'] === 'string')
    return { kind: 'quote', key: o['quote'], ...(typeof o['by'] === 'string' ? { by: o['by'] } : {}) };
  return { kind: 'list', keys: o['list'] as string[], ordered: o['ordered'] === true };
}

/** Longest language code: BCP 47 tags in use fit in 35 (RFC 5646 §4.4.1); with a 100-character slug a name stays < 255 bytes. */
export const MAX_LANG_LENGTH = 35;

/**
 * Languages that differ only in case (`zh-Hant`, `zh-hant`) name one language (BCP 47 tags are case-insensitive) and
 * their files `<slug>.zh-Hant.pdf` and `<slug>.zh-hant.pdf` are one file on macOS and Windows: refused at the second.
 */
function duplicateLanguages(
  languages: readonly Lang[],
  where: (i: number, lang: Lang) => Partial<Location>,
): Diagnostic[] {
  const seen = new Map<string, Lang>();
  const out: Diagnostic[] = [];
  languages.forEach((lang, i) => {
    if (lang.length > MAX_LANG_LENGTH) {
      out.push(
        problem(
          'schema',
          `language code '${show(lang)}' is ${lang.length} characters; the limit is ${MAX_LANG_LENGTH}`,
          where(i, lang),
          'language codes are short (en, zh-Hant, sr-Latn-RS); the code goes into every output file name',
        ),
      );
      return;
    }
    const first = seen.get(lang.toLowerCase());
    if (first === undefined) seen.set(lang.toLowerCase(), lang);
    else {
      const at = where(i, lang);
      out.push(
        problem(
          'schema',
          first === lang
            ? `language '${show(lang)}' is listed twice`
            : `language '${show(lang)}' is the same as '${show(first)}' (language codes ignore case)`,
          at,
          first === lang
            ? 'remove one of the two'
            : `keep one spelling; the files of both would be one file on macOS and Windows (locales/${first}, locales/${lang})`,
        ),
      );
    }
  });
  return out;
}

function duplicateRecipient(id: string, first: Location, where: Location): Diagnostic {
  return problem(
    'duplicate-recipient',
    `recipient '${show(id)}' is listed twice in 'to' (first on line ${first.line}): both would be written to the folder '${show(id)}/'`,
    where,
    "remove one; to reach one office through two addresses, give each its own id in recipients.yaml with that office and its own via (e.g. `{ id: cn-ottawa, office: cn, via: cn-embassy-ottawa }`) and list both ids in 'to': each id has its own output folder",
  );
}

/** The image's absolute path, checked to be a file inside the project even after following symbolic links. */
function imagePath(
  dir: string,
  name: string,
): string | 'outside' | 'missing' | 'folder' | 'not-a-file' | { unreadable: string } {
  const path = containedPath(dir, name);
  if (!path) return 'outside';
  let stat: Stats | undefined;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch (e) {
    // A file on the way (letter.yaml/x.png) is a path that leads nowhere; a loop of links or a folder the user may
    // not enter is told by its code.
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    if (code !== 'ENOTDIR') return { unreadable: code };
  }
  if (!stat) return 'missing';
  if (stat.isDirectory()) return 'folder';
  if (!stat.isFile()) return 'not-a-file';
  return staysInside(dir, path) ? path : 'outside';
}

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}

/** The project's languages: every locale folder that has a letter.json (the default of `languages:`). */
export function localeFolders(dir: string): Lang[] {
  const root = join(dir, 'locales');
  // Not a folder: no languages here; loading the tool's strings reports the file.
  if (!isFolder(root)) return [];
  return (
    readFolder(root, 'locales')
      // Only folders named like a language code: the name ends up in output file names.
      .filter(
        (e) => e.isDirectory() && LANG_CODE.test(e.name) && existsSync(join(root, e.name, 'letter.json')),
      )
      .map((e) => e.name)
      .sort()
  );
}

/** The slug a folder's name gives (default of `slug:`, and `letter init`): safe as a file name, else `letter`. */
export function slugFromFolder(dir: string): string {
  const slug = basename(dir)
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+/, '')
    .slice(0, 100);
  return slug && isSafeSegment(slug) ? slug : 'letter';
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
