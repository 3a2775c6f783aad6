import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLetterError } from '../../src/diag/index.js';
import { loadTemplates, shippedTemplateProblems } from '../../src/load/templates.js';
import { tempDir } from '../support/tools.js';

const ROOT = join(import.meta.dirname, '..', '..');
const locate = () => ({ file: 'letter.yaml', line: 1, column: 1 });

/** A copy of the tool's templates whose body partial calls a partial that does not exist. */
function brokenTool(): string {
  const tool = tempDir('letter-shipped-templates-');
  cpSync(join(ROOT, 'templates'), join(tool, 'templates'), { recursive: true });
  const body = join(tool, 'templates', 'partials', 'body.hbs');
  writeFileSync(body, `${readFileSync(body, 'utf8')}{{> no-such-part}}\n`);
  return tool;
}

function problemsOf(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (e) {
    if (!isLetterError(e)) throw e;
    return e.diagnostics.map((d) => `${d.file}: ${d.message}`);
  }
}

describe("the tool's own templates", () => {
  it('have no problem for any language (npm run build fails on one)', () => {
    expect(shippedTemplateProblems(ROOT)).toEqual([]);
  });

  it('a problem in one is a build problem, located in its file', () => {
    const problems = shippedTemplateProblems(brokenTool());
    expect(problems.map((d) => `${d.file}: ${d.message}`)).toEqual([
      "templates/partials/body.hbs: unknown partial 'no-such-part'",
    ]);
  });

  it('are not checked again at run time; a project file that replaces one is', () => {
    const tool = brokenTool();
    const project = tempDir('letter-project-');
    expect(problemsOf(() => loadTemplates(tool, project, 'open-letter', locate, ['zh']))).toEqual([]);
    mkdirSync(join(project, 'templates'));
    writeFileSync(join(project, 'templates', 'body.hbs'), '{{> also-missing}}\n');
    expect(problemsOf(() => loadTemplates(tool, project, 'open-letter', locate, ['zh']))).toEqual([
      "templates/body.hbs: unknown partial 'also-missing'",
    ]);
  });
});
