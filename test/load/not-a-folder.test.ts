/**
 * `locales` or `templates` as a file where the project's folder goes: an error naming it (exit 2), never an internal
 * error. Both were ENOTDIR with a stack trace, exit 1.
 */

import { describe, expect, it } from 'vitest';
import { CorpusProject } from '../corpus/project.js';
import { letterCli } from '../support/tools.js';

describe('a file where a project folder goes', () => {
  it.each([
    ['locales', 'one folder per language'],
    ['templates', '.hbs templates and partials'],
  ])('%s: one error naming it, exit 2, no trace', (name, holds) => {
    const p = new CorpusProject();
    if (name === 'locales') p.remove('locales');
    p.write(name, 'not a folder\n');
    const r = letterCli(['check', p.dir]);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).toContain(
      `${name}: '${name}' is a file, not a folder — ${name}/ is a folder of ${holds}`,
    );
  });
});
