/**
 * Symbolic-link DAGs and cycles inside the folders the loader walks: each real folder is listed once and the names
 * found are bounded, so a 25-level DAG (2^25 paths if followed naively) finishes at once, correct or refused.
 */

import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLetterError, type Diagnostic } from '../../src/diag/index.js';
import { loadProject, type Project } from '../../src/load/index.js';
import { MAX_FOLDER_FILES } from '../../src/load/walk.js';
import { TOOL_DIR } from '../../src/tool/index.js';
import { watch, type WatchEvent } from '../../src/watch/index.js';
import { CorpusProject } from '../corpus/project.js';

function load(p: CorpusProject): Project | Diagnostic[] {
  try {
    return loadProject({ dir: p.dir, toolDir: TOOL_DIR });
  } catch (e) {
    if (isLetterError(e)) return [...e.diagnostics];
    throw e;
  }
}

/** `levels` folders under `root`, each holding two links (`a`, `b`) to the next: 2^levels paths to the last one. */
function dag(root: string, levels: number): string {
  for (let i = 0; i < levels; i++) mkdirSync(join(root, `d${i}`), { recursive: true });
  for (let i = 0; i + 1 < levels; i++)
    for (const name of ['a', 'b']) symlinkSync(`../d${i + 1}`, join(root, `d${i}`, name));
  return join(root, `d${levels - 1}`);
}

describe('a symbolic-link DAG inside templates/', () => {
  it('25 levels without templates in them: loads, each real folder listed once', () => {
    const p = new CorpusProject();
    dag(p.path('templates/dag'), 25);
    const project = load(p);
    expect(Array.isArray(project)).toBe(false);
    expect([...(project as Project).templates.keys()].filter((n) => n.startsWith('dag/'))).toEqual([]);
  });

  it('25 levels with a template at the bottom (2^24 names): exit-2 refusal naming the folder and the limit', () => {
    const p = new CorpusProject();
    p.write(`templates/dag/d24/x.hbs`, 'x\n');
    dag(p.path('templates/dag'), 25);
    const d = load(p) as Diagnostic[];
    expect(Array.isArray(d)).toBe(true);
    expect(d[0]).toMatchObject({ code: 'input-too-large', file: 'templates' });
    expect(d[0]!.message).toContain(`more than ${MAX_FOLDER_FILES.toLocaleString('en')}`);
  });

  it('a small DAG loads each name once and the real files once (a shared partial under two names still works)', () => {
    const p = new CorpusProject();
    p.write(`templates/dag/d2/x.hbs`, 'x\n');
    dag(p.path('templates/dag'), 3);
    const project = load(p) as Project;
    expect([...project.templates.keys()].filter((n) => n.startsWith('dag/')).sort()).toEqual([
      'dag/d0/a/a/x',
      'dag/d0/a/b/x',
      'dag/d0/b/a/x',
      'dag/d0/b/b/x',
      'dag/d1/a/x',
      'dag/d1/b/x',
      'dag/d2/x',
    ]);
  });

  it('a cycle of links (each folder links to the next, the last to the first) ends', () => {
    const p = new CorpusProject();
    const root = p.path('templates/ring');
    dag(root, 25);
    symlinkSync('../d0', join(root, 'd24', 'back'));
    p.write('templates/ring/d3/y.hbs', 'y\n');
    const result = load(p);
    // Either the names (bounded) or a refusal; never a hang.
    if (Array.isArray(result)) expect(result[0]!.code).toBe('input-too-large');
    else expect((result as Project).templates.size).toBeLessThan(MAX_FOLDER_FILES + 100);
  });
});

describe('other folders the loader reads', () => {
  it('locales/ with more language files than the limit is refused, not read file by file without end', () => {
    const p = new CorpusProject();
    for (let i = 0; i <= MAX_FOLDER_FILES; i++) p.write(`locales/en/n${i}.json`, '{}\n');
    const d = load(p) as Diagnostic[];
    expect(Array.isArray(d)).toBe(true);
    expect(d[0]).toMatchObject({ code: 'input-too-large', file: 'locales' });
  });
});

describe('watch over a project with a link DAG', () => {
  it('the watcher does not follow the links: it is ready and the first build done at once', async () => {
    const p = new CorpusProject();
    dag(p.path('templates/dag'), 25);
    const events: WatchEvent[] = [];
    const handle = watch({
      dir: p.dir,
      out: join(p.dir, 'dist'),
      formats: ['pdf'],
      langs: ['en'],
      onEvent: (e) => events.push(e),
    });
    try {
      await handle.idle();
      expect(events.map((e) => e.kind)).toContain('built');
    } finally {
      await handle.close();
    }
  });
});
