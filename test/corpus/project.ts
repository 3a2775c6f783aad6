/** The corpus's working copy: the stable base project copied to a fresh temp folder, with small edits that must apply. */

import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { png } from '../support/png.js';

export const BASE = join(import.meta.dirname, 'base');

/** A letter project in a temp folder that a case may break. */
export class CorpusProject {
  readonly dir: string;

  constructor() {
    this.dir = join(mkdtempSync(join(tmpdir(), 'letter-corpus-')), 'project');
    cpSync(BASE, this.dir, { recursive: true });
    rmSync(join(this.dir, 'README.md'));
    this.write('assets/signature.png', png(60, 20));
  }

  path(rel: string): string {
    return join(this.dir, rel);
  }

  read(rel: string): string {
    return readFileSync(this.path(rel), 'utf8');
  }

  /** Replaces text that must be there: an edit that silently matched nothing would test nothing. */
  edit(rel: string, from: string | RegExp, to: string): void {
    const text = this.read(rel);
    const next = text.replace(from, to);
    if (next === text) throw new Error(`corpus edit did not apply: ${String(from)} in ${rel}`);
    writeFileSync(this.path(rel), next);
  }

  write(rel: string, content: string | Uint8Array): void {
    mkdirSync(dirname(this.path(rel)), { recursive: true });
    writeFileSync(this.path(rel), content);
  }

  remove(rel: string): void {
    rmSync(this.path(rel), { recursive: true });
  }

  /** Writes a file beside the project folder, outside it; returns its absolute path. */
  writeOutside(rel: string, content: string | Uint8Array): string {
    const file = join(this.dir, '..', 'outside', rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    return file;
  }

  /** Makes `rel` (replacing what is there) a symbolic link to `target`, an absolute path or one relative to the link. */
  link(rel: string, target: string): void {
    rmSync(this.path(rel), { recursive: true, force: true });
    mkdirSync(dirname(this.path(rel)), { recursive: true });
    symlinkSync(target, this.path(rel));
  }
}
