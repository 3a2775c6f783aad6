/** The tool's own version and folder (templates/, locales/, fonts/ sit beside dist/ and src/). */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const TOOL_DIR = join(import.meta.dirname, '..', '..');

export const TOOL_VERSION: string = (
  JSON.parse(readFileSync(join(TOOL_DIR, 'package.json'), 'utf8')) as { version: string }
).version;
