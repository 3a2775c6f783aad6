/**
 * The speed work changes no byte: the bundled CLI (dist/bundle, with its code cache) writes what the tsc output writes,
 * the bundled worker pool what the main thread writes, and a document drawn after others in one process (pdfkit's
 * shaping and glyph work shared across documents) what it is when drawn first. Not timed: BENCHMARKS.md has the times.
 */

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli, documentHashes, FIXTURE, ROOT } from '../batch/helpers.js';
import { pdfText, tempDir } from '../support/tools.js';
import { LEFT_TO_NODE } from '../../scripts/left-to-node.mjs';
import { UNOPTIMISED } from '../../src/pipeline/engine.js';

const EXAMPLE = join(ROOT, 'examples', 'open-letter-2023');
const BUNDLE = join(ROOT, 'dist', 'bundle', 'letter.cjs');

function built(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Record<string, string> {
  const out = tempDir('letter-perf-');
  const r = buildCli(dir, out, ['--quiet', ...args], env);
  expect(r.status, r.stderr).toBe(0);
  return documentHashes(out);
}

describe('the bundled CLI', () => {
  it('is built by npm run build, with a code cache V8 accepts', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    expect(existsSync(join(ROOT, 'dist', 'bundle', 'render-worker.js'))).toBe(true);
    const { loadBundle } = createRequire(import.meta.url)('../../bin/code-cache.cjs') as {
      loadBundle(file: string): { exports: { main?: unknown }; cached: boolean };
    };
    const loaded = loadBundle(BUNDLE);
    expect(typeof loaded.exports.main).toBe('function');
    expect(loaded.cached).toBe(true);
  });

  it("has the worker's code caches for both engines: TurboFan on, and off as a build of unsigned PDFs runs", () => {
    const worker = join(ROOT, 'dist', 'bundle', 'worker.cjs');
    const loader = join(ROOT, 'bin', 'code-cache.cjs');
    const accepted = (flags: string[], variant?: string) => {
      const r = spawnSync(
        process.execPath,
        [
          ...flags,
          '-e',
          `const { cached } = require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(worker)}, ${JSON.stringify(variant)});
           process.stdout.write(String(cached));`,
        ],
        { encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    expect(accepted([])).toBe('true');
    const unoptimised = UNOPTIMISED.split(' ');
    expect(accepted(unoptimised, 'no-turbofan')).toBe('true');
    // Each is made under its own flags: the other engine's is rejected.
    expect(accepted(unoptimised)).toBe('false');
  });

  it('is ASCII only, as the code cache loader reads it (latin1)', () => {
    for (const name of ['letter.cjs', 'worker.cjs']) {
      const bytes = readFileSync(join(ROOT, 'dist', 'bundle', name));
      expect(
        bytes.findIndex((byte) => byte > 0x7f),
        name,
      ).toBe(-1);
    }
  });

  it('writes the same bytes as the unbundled modules, in this thread and on the worker pool', () => {
    const unbundled = built(EXAMPLE, ['-j', '1'], { LETTER_NO_BUNDLE: '1' });
    expect(Object.keys(unbundled)).toHaveLength(6);
    expect(built(EXAMPLE, ['-j', '1'])).toEqual(unbundled);
    // Six documents on two threads: the bundled worker renders them.
    expect(built(EXAMPLE, ['-j', '2'])).toEqual(unbundled);
  });

  it('reads named character references (`&eacute;`) as the unbundled Markdown parser does: its entity table is required on first use', () => {
    const dir = tempDir('letter-perf-');
    cpSync(EXAMPLE, dir, { recursive: true });
    const template = readFileSync(join(ROOT, 'templates', 'open-letter.hbs'), 'utf8');
    writeFileSync(
      join(dir, 'letter.hbs'),
      template.replace('{{title}}\n', '{{title}} caf&eacute; &amp; &copy;\n'),
    );
    const yaml = readFileSync(join(dir, 'letter.yaml'), 'utf8');
    writeFileSync(join(dir, 'letter.yaml'), yaml.replace('template: open-letter', 'template: ./letter.hbs'));
    const args = ['-j', '1', '--lang', 'en', '--format', 'pdf'];
    const unbundled = built(dir, args, { LETTER_NO_BUNDLE: '1' });
    expect(Object.keys(unbundled)).toHaveLength(1);
    const out = tempDir('letter-perf-');
    const bundled = buildCli(dir, out, ['--quiet', ...args]);
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(documentHashes(out)).toEqual(unbundled);
    const pdf = join(out, 'cn', 'open-letter-2023.en.pdf');
    const text = pdfText(pdf);
    expect(text.replace(/\s+/g, ' ')).toContain('café & ©');
  });
});

/**
 * Runs the bundled CLI in a fresh process for each argument list in turn and returns, after each, which of those
 * packages Node's require has loaded (require.cache, where the bundle's require puts them).
 */
function packagesLoadedAfter(runs: readonly (readonly string[])[]): string[][] {
  const script = `
    const { loadBundle } = require(${JSON.stringify(join(ROOT, 'bin', 'code-cache.cjs'))});
    const { exports } = loadBundle(${JSON.stringify(BUNDLE)});
    const names = ${JSON.stringify(LEFT_TO_NODE)};
    const loaded = () => names.filter((name) =>
      Object.keys(require.cache).some((file) => file.split(require('node:path').sep).join('/').includes('/node_modules/' + name + '/')));
    (async () => {
      const seen = [];
      for (const args of ${JSON.stringify(runs)}) {
        const status = await exports.main(['node', 'letter', ...args]);
        if (status !== 0) throw new Error('letter ' + args.join(' ') + ' exited ' + status);
        seen.push(loaded());
      }
      process.stdout.write(JSON.stringify(seen));
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as string[][];
}

describe('what a build loads', () => {
  interface Meta {
    inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
    outputs: Record<string, { inputs: Record<string, unknown> }>;
  }
  const meta = (): Meta =>
    JSON.parse(readFileSync(join(ROOT, 'dist', 'bundle', 'letter.meta.json'), 'utf8')) as Meta;

  /** The bundle's modules a module brings in by static import or require, itself included: what runs its top level. */
  function initialisedWith(entry: string): Set<string> {
    const { inputs } = meta();
    const found = new Set<string>([entry]);
    const queue = [entry];
    for (let module = queue.shift(); module !== undefined; module = queue.shift())
      for (const i of inputs[module]?.imports ?? [])
        if (!i.external && i.kind !== 'dynamic-import' && !found.has(i.path)) {
          found.add(i.path);
          queue.push(i.path);
        }
    return found;
  }

  it('leaves signing, verification, DOCX, watching, init and the recipient search behind import() or out of the bundle', () => {
    const inputs = Object.keys(meta().inputs);
    expect(inputs).toContain('dist/render/docx/index.js');
    for (const name of LEFT_TO_NODE)
      expect(inputs.filter((file) => file.includes(`node_modules/${name}/`))).toEqual([]);
    // What the CLI initialises when it starts, and what `build` initialises before it renders anything.
    for (const entry of ['dist/cli/main.js', 'dist/pipeline/index.js']) {
      const initialised = [...initialisedWith(entry)];
      expect(initialised.length).toBeGreaterThan(entry.includes('cli') ? 5 : 50);
      expect(
        initialised.filter((file) => /^dist\/(render\/docx|sign|verify|watch|init|recipients)\//.test(file)),
        entry,
      ).toEqual([]);
    }
    expect(initialisedWith('dist/pipeline/index.js')).toContain('dist/load/index.js');
  });

  it('holds only the parts of jsonc-parser letter calls: not its formatter and editor, whose tables took ~1 ms at every start', () => {
    const bundled = Object.keys(meta().outputs['dist/bundle/letter.cjs']!.inputs).filter((file) =>
      file.includes('/jsonc-parser/'),
    );
    expect(bundled.map((file) => file.replace(/.*\/esm\//, ''))).toEqual([
      'impl/scanner.js',
      'impl/parser.js',
      'main.js',
    ]);
  });

  it('a PDF build loads none of the packages left out of the bundle; a DOCX build loads docx, then', () => {
    const out = tempDir('letter-lazy-');
    const build = ['build', EXAMPLE, '--out', out, '--quiet', '--lang', 'zh', '-j', '1'];
    const [afterPdf, afterDocx] = packagesLoadedAfter([
      [...build, '--format', 'pdf'],
      [...build, '--format', 'docx'],
    ]);
    expect(afterPdf).toEqual([]);
    expect(afterDocx).toEqual(['docx']);
  });
});

describe("Handlebars' compiler", () => {
  /**
   * Builds `project` with the bundled CLI in a fresh process and says whether Handlebars' compiler was set up: its full
   * entry (handlebars/lib/index.js, parser and code generator) registers require() handlers for .hbs files when it
   * loads, which the runtime alone does not.
   */
  function compilerSetUpBuilding(project: string): boolean {
    const out = tempDir('letter-hbs-');
    const script = `
      const { exports } = require(${JSON.stringify(join(ROOT, 'bin', 'code-cache.cjs'))}).loadBundle(${JSON.stringify(BUNDLE)});
      exports.main(['node', 'letter', 'build', ${JSON.stringify(project)}, '--out', ${JSON.stringify(out)}, '--quiet',
        '--lang', 'zh', '--format', 'pdf']).then((status) => {
        if (status !== 0) throw new Error('exit status ' + status);
        process.stdout.write(JSON.stringify(require.extensions['.hbs'] !== undefined));
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as boolean;
  }

  it("is not set up by a build on the tool's own templates (they run precompiled); a project's own template sets it up", () => {
    expect(compilerSetUpBuilding(EXAMPLE)).toBe(false);
    const project = tempDir('letter-own-template-');
    cpSync(EXAMPLE, project, { recursive: true });
    mkdirSync(join(project, 'templates', 'partials'), { recursive: true });
    const closing = readFileSync(join(ROOT, 'templates', 'partials', 'closing.zh.hbs'), 'utf8');
    writeFileSync(join(project, 'templates', 'partials', 'closing.zh.hbs'), `${closing}\n`);
    expect(compilerSetUpBuilding(project)).toBe(true);
  });
});

describe("Node's own modules", () => {
  // Each is compiled at its first require and each of its functions at its first call (Node's code cache holds their
  // top levels only): a one-letter build loaded these for a timestamp (perf_hooks, through the global `performance`)
  // and for reading glyph outlines ahead (fs/promises, with readline and the directory watchers), and net for a stdout
  // it never wrote to.
  it('a one-letter PDF build loads none that it does not use', () => {
    const out = tempDir('letter-builtins-');
    const script = `
      const before = new Set(process.moduleLoadList);
      const { exports } = require(${JSON.stringify(join(ROOT, 'bin', 'code-cache.cjs'))}).loadBundle(${JSON.stringify(BUNDLE)});
      exports.main(['node', 'letter', 'build', ${JSON.stringify(EXAMPLE)}, '--out', ${JSON.stringify(out)}, '--quiet',
        '--lang', 'zh', '--format', 'pdf']).then((status) => {
        if (status !== 0) throw new Error('exit status ' + status);
        const loaded = JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m)));
        process.stdout.write(loaded);
      });`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const loaded = (JSON.parse(r.stdout) as string[]).map((m) => m.replace(/^NativeModule /, ''));
    // What it does use, so that the list below is read from the right place.
    expect(loaded).toEqual(expect.arrayContaining(['zlib', 'crypto', 'v8']));
    for (const unused of [
      'perf_hooks',
      'fs/promises',
      'internal/readline/interface',
      'worker_threads',
      'child_process',
      // stdout and stderr, made at their first use (a pipe's loads net): a quiet build writes neither.
      'net',
    ])
      expect(loaded, unused).not.toContain(unused);
  });
});

describe("Node's own modules, from a script file", () => {
  // Each of Node's modules is compiled (from Node's own code cache) and run at its first require. `module` (with
  // its ES module loader and source maps) is for createRequire, `os` for the core count of a build of many letters,
  // internal/fs/rimraf for rmSync (the previous manifest is unlinked). From a file: `node -e` loads `module` itself.
  it('a one-letter PDF build, twice into one folder, loads none of module, os and rimraf', () => {
    const dir = tempDir('letter-module-');
    const out = join(dir, 'out');
    const script = join(dir, 'build.cjs');
    writeFileSync(
      script,
      `const before = new Set(process.moduleLoadList);
      const { exports: cli } = require(${JSON.stringify(join(ROOT, 'bin', 'code-cache.cjs'))}).loadBundle(${JSON.stringify(BUNDLE)});
      const build = () => cli.main(['node', 'letter', 'build', ${JSON.stringify(EXAMPLE)}, '--out', ${JSON.stringify(out)},
        '--quiet', '--lang', 'zh', '--format', 'pdf']);
      build().then(build).then((status) => {
        if (status !== 0) throw new Error('exit status ' + status);
        process.stdout.write(JSON.stringify(process.moduleLoadList.filter((m) => !before.has(m))));
      });`,
    );
    const r = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const loaded = (JSON.parse(r.stdout) as string[]).map((m) => m.replace(/^NativeModule /, ''));
    expect(loaded).toContain('crypto');
    expect(existsSync(join(out, 'manifest.json'))).toBe(true);
    for (const unused of [
      'module',
      'internal/modules/esm/loader',
      'internal/source_map/source_map',
      'os',
      'internal/fs/rimraf',
    ])
      expect(loaded, unused).not.toContain(unused);
  });
});

describe('work shared across the documents of one process', () => {
  it('leaves every document as it is when drawn alone', () => {
    const alone = built(FIXTURE, ['-j', '1', '--to', 'fr', '--format', 'pdf']);
    // Germany's and Japan's letters first: their lines and glyphs fill the shared caches before France's are drawn.
    const after = built(FIXTURE, ['-j', '1', '--to', 'de,jp,fr', '--format', 'pdf']);
    expect(Object.keys(alone)).toHaveLength(3);
    for (const [file, hash] of Object.entries(alone)) expect(after[file], file).toBe(hash);
  });
});
