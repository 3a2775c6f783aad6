/**
 * fonts.json as a font book reads it: the tool's own (fonts/fonts.json), and a project's (its fonts/fonts.json, loaded
 * and checked by src/load) merged over it. Plain data with absolute paths, so that worker threads receive it as is.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Variant = 'regular' | 'bold' | 'italic' | 'boldItalic';

/** One face as fonts.json describes it, with its files as absolute paths. */
export interface FaceEntry {
  readonly family: string;
  /** The scripts it is meant for, as fonts.json says (for messages). */
  readonly script?: string;
  readonly files: Readonly<Partial<Record<Variant, string>>> & { readonly regular: string };
  /** Absolute path of the face's licence file, when fonts.json names one. */
  readonly license?: string;
}

/** Faces, the chain per language and the BCP 47 tag per language: one fonts.json, or several merged. */
export interface FontsConfig {
  readonly faces: Readonly<Record<string, FaceEntry>>;
  readonly chains: Readonly<Record<string, readonly string[]>>;
  readonly locales: Readonly<Record<string, string>>;
}

/** A project's own fonts.json, checked by the load stage: what it adds to the tool's, and where it is. */
export interface ProjectFonts extends FontsConfig {
  /** The project's fonts folder (absolute). */
  readonly dir: string;
}

interface FontsJson {
  faces: Record<
    string,
    {
      family: string;
      script?: string;
      files: Partial<Record<Variant, string>> & { regular: string };
      license?: string;
    }
  >;
  chains: Record<string, string[]>;
  locales: Record<string, string>;
}

/** The tool's fonts.json, its file names made absolute. */
export function readFontsConfig(dir: string): FontsConfig {
  const json = JSON.parse(readFileSync(join(dir, 'fonts.json'), 'utf8')) as FontsJson;
  const faces: Record<string, FaceEntry> = {};
  for (const [id, face] of Object.entries(json.faces)) {
    const files = Object.fromEntries(
      Object.entries(face.files).map(([variant, file]) => [variant, join(dir, file)]),
    ) as FaceEntry['files'];
    faces[id] = {
      family: face.family,
      files,
      ...(face.script ? { script: face.script } : {}),
      ...(face.license ? { license: join(dir, face.license) } : {}),
    };
  }
  return { faces, chains: json.chains, locales: json.locales ?? {} };
}

/**
 * The project's fonts over the tool's: a face of the same id replaces the tool's, a chain or a locale tag of the same
 * language replaces the tool's; everything else is kept. Like a project's templates and strings, so a project can add a
 * language, or give an existing one other faces, without touching the installed tool.
 */
export function mergeFonts(tool: FontsConfig, project: FontsConfig | undefined): FontsConfig {
  if (!project) return tool;
  return {
    faces: { ...tool.faces, ...project.faces },
    chains: { ...tool.chains, ...project.chains },
    locales: { ...tool.locales, ...project.locales },
  };
}
