/**
 * The lint rule against imports that skip a folder's index (biome.json, `npm run lint` in `npm test`): held against
 * probe files in a scratch copy of the configuration, so the rule is known to catch what it is for and to leave
 * a folder's own subfolders alone.
 */

import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tools.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIOME = join(ROOT, 'node_modules', '.bin', 'biome');

function lint(files: Record<string, string>): { status: number | null; output: string } {
  const dir = tempDir('letter-lint-');
  copyFileSync(join(ROOT, 'biome.json'), join(dir, 'biome.json'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const r = spawnSync(BIOME, ['lint', '--vcs-enabled=false', '--max-diagnostics=none'], {
    cwd: dir,
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('imports that skip a folder index', () => {
  it.each([
    [
      'src/plan/probe.ts',
      "import { RECIPIENT_ID } from '../load/paths.js';\nexport const x = RECIPIENT_ID;\n",
    ],
    [
      'src/typeset/break/probe.ts',
      "import { parseYaml } from '../../load/source.js';\nexport const x = parseYaml;\n",
    ],
    ['src/pipeline/probe.ts', "export const x = () => import('../sign/stamp.js');\n"],
  ])('are errors: %s', (path, text) => {
    const r = lint({ [path]: text });
    expect(r.status, r.output).not.toBe(0);
    expect(r.output).toContain('lint/style/noRestrictedImports');
  });

  it('leave index imports, imports of subfolder indexes and a folder’s own subfolders alone', () => {
    const r = lint({
      'src/plan/probe.ts':
        "import { loadProject } from '../load/index.js';\nimport { renderPdf } from '../render/pdf/index.js';\nexport const x = [loadProject, renderPdf];\n",
      'src/typeset/paginate/probe.ts':
        "import { breakLines } from '../break/lines.js';\nimport { shown } from '../../diag/index.js';\nexport const x = [breakLines, shown];\n",
    });
    expect(r.status, r.output).toBe(0);
  });
});

interface Override {
  includes?: string[];
  linter?: { enabled?: boolean; rules?: { style?: string | Record<string, unknown> } };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [relative(ROOT, join(dir, entry.name)).split('\\').join('/')]
        : [],
  );
}

/** A Biome glob of the form the rule uses (`src/*\/*.ts`): `*` stands for one path segment. */
const byDepth = (glob: string, file: string) =>
  new RegExp(`^${glob.replace(/\./g, '\\.').replace(/\*/g, '[^/]+')}$`).test(file);

describe('biome.json', () => {
  const config = parse(readFileSync(join(ROOT, 'biome.json'), 'utf8')) as {
    files?: { includes?: string[] };
    overrides?: Override[];
  };
  const overrides = config.overrides ?? [];
  const ruleOf = (o: Override) => {
    const style = o.linter?.rules?.style;
    return typeof style === 'object' ? style['noRestrictedImports'] : undefined;
  };

  it('exempts no file from the index-import rule: no override turns it, its group or the linter off', () => {
    const exempting = overrides
      .filter((o) => {
        const style = o.linter?.rules?.style;
        const rule = ruleOf(o);
        return (
          o.linter?.enabled === false ||
          (typeof style === 'string' && style !== 'error' && style !== 'on') ||
          (rule !== undefined && (typeof rule !== 'object' || (rule as { level?: string }).level !== 'error'))
        );
      })
      .map((o) => o.includes);
    expect(exempting).toEqual([]);
    expect(config.files?.includes?.filter((glob) => glob.startsWith('!src')) ?? []).toEqual([]);
  });

  it('applies the rule to every source file in a folder of src/, by depth, never by a list of files', () => {
    const globs = overrides.filter((o) => ruleOf(o) !== undefined).flatMap((o) => o.includes ?? []);
    expect(globs.filter((glob) => !/^src(\/\*)+\.ts$/.test(glob))).toEqual([]);
    const files = sourceFiles(join(ROOT, 'src')).filter((f) => f.split('/').length > 2);
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => !globs.some((glob) => byDepth(glob, f)))).toEqual([]);
  });
});
