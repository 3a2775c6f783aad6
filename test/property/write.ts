/** Writing a generated project to a temp folder; JSON with its extra keys flattened in, YAML through the yaml package. */

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { ProjectData } from './arbitraries.js';

export function writeProject(project: ProjectData): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'letter-prop-')), 'project');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'letter.yaml'),
    'raw' in project.letter ? project.letter.raw : stringify(project.letter.data),
  );
  for (const [lang, file] of Object.entries(project.locales)) {
    mkdirSync(join(dir, 'locales', lang), { recursive: true });
    let text: string;
    if ('raw' in file) text = file.raw;
    else {
      const { extra, ...keys } = file.data as { extra: Record<string, unknown> } & Record<string, unknown>;
      text = JSON.stringify({ ...extra, ...keys }, null, 2);
    }
    writeFileSync(join(dir, 'locales', lang, 'letter.json'), text);
  }
  if (project.recipients) writeFileSync(join(dir, 'recipients.yaml'), stringify(project.recipients));
  return dir;
}
