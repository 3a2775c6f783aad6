/**
 * The layout README's "How it is built" describes, held against the code: the CLI goes through the library's index
 * only, renderers know nothing of loading or composing, typesetting knows nothing of pdfkit, and no file imports
 * itself back through another.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Every module a file names in an import or export (static or dynamic), as written. Type-only imports are left out:
 * they vanish when compiled, so a type shared both ways is no cycle at run time.
 */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/^\s*(?:import|export)\s+type\b[^;]*;/gm, '');
  const found = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?\bfrom\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ];
  return found.map((m) => m[1]!);
}

const files = sources(SRC);
const rel = (file: string) => relative(SRC, file).split('\\').join('/');
const targetOf = (file: string, spec: string) => rel(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));

/**
 * The imports `from` a file (its path below src/) that `forbidden` refuses, as "file → specifier"; `forbidden` sees the
 * specifier as written and, for a relative one, the file it names (below src/), else undefined.
 */
function offending(
  from: (path: string) => boolean,
  forbidden: (spec: string, target: string | undefined, path: string) => boolean,
): string[] {
  return files
    .filter((f) => from(rel(f)))
    .flatMap((f) =>
      specifiers(f)
        .filter((s) => forbidden(s, s.startsWith('.') ? targetOf(f, s) : undefined, rel(f)))
        .map((s) => `${rel(f)} → ${s}`),
    );
}

const STAGES = ['load', 'plan', 'compose', 'typeset', 'render', 'sign', 'write'];
const stageOf = (path: string) => STAGES.indexOf(path.split('/')[0]!);

describe('import rules', () => {
  it('the CLI imports the library only through src/index.ts and the modules it re-exports (one part at a time)', () => {
    const index = join(SRC, 'index.ts');
    const api = new Set(['index.ts', ...specifiers(index).map((s) => targetOf(index, s))]);
    expect(api.size).toBeGreaterThan(8);
    expect(
      offending(
        (path) => path.startsWith('cli/'),
        (spec, target) => spec.startsWith('..') && !api.has(target!),
      ),
    ).toEqual([]);
  });

  it('renderers never import loading, composing, i18next or Handlebars', () => {
    expect(
      offending(
        (path) => path.startsWith('render/'),
        (spec, target) =>
          spec === 'i18next' ||
          spec === 'handlebars' ||
          (target !== undefined && /^(load|compose|check|pipeline)\//.test(target)),
      ),
    ).toEqual([]);
  });

  it('typesetting never imports pdfkit or a renderer', () => {
    expect(
      offending(
        (path) => path.startsWith('typeset/'),
        (spec, target) => spec === 'pdfkit' || !!target?.startsWith('render/'),
      ),
    ).toEqual([]);
  });

  it('signing never imports verification (verify/ reads the formats sign/ writes, not the other way)', () => {
    expect(
      offending(
        (path) => path.startsWith('sign/'),
        (_spec, target) => !!target?.startsWith('verify/'),
      ),
    ).toEqual([]);
  });

  it('no stage imports a later one (load → plan → compose → typeset → render → sign → write), index re-exports included', () => {
    expect(
      offending(
        (path) => stageOf(path) >= 0,
        (_spec, target, path) => target !== undefined && stageOf(target) > stageOf(path),
      ),
    ).toEqual([]);
  });

  it('has no import cycles between files', () => {
    const edges = new Map(
      files.map((f) => [
        rel(f),
        specifiers(f)
          .filter((s) => s.startsWith('.'))
          .map((s) => targetOf(f, s)),
      ]),
    );
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of edges.get(file) ?? []) {
        if (!edges.has(next)) continue;
        if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of edges.keys()) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('sees the imports it checks (the rules above cannot pass on an empty reading)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(specifiers(join(SRC, 'index.ts')).length).toBeGreaterThan(5);
    expect(specifiers(join(SRC, 'cli', 'main.ts'))).toContain('../pipeline/index.js');
  });
});
