/**
 * A rebuild under --watch keeps the previous manifest's entries for documents it did not rebuild; a manifest.json in
 * the output folder that no build wrote (another tool's, an edited one) is not a previous build's. It was read as one:
 * 'files' not a list, or no 'tool', stopped the rebuild with an internal error, and an entry naming a file outside
 * the output folder was carried into the new manifest.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/index.js';
import { TOOL_VERSION } from '../../src/tool/index.js';
import { EXAMPLE_DIR } from '../support/example.js';
import { tempDir } from '../support/tools.js';

describe('a manifest.json in the output folder that no build wrote', () => {
  it.each([
    [
      'files that are no list',
      {
        tool: { name: 'letter', version: TOOL_VERSION },
        slug: 'open-letter-2023',
        inputs: 'x',
        files: 'x',
        problems: [],
      },
    ],
    ['no tool', { slug: 'open-letter-2023', inputs: 'x', files: [], problems: [] }],
    [
      'an entry outside the output folder',
      {
        tool: { name: 'letter', version: TOOL_VERSION },
        slug: 'open-letter-2023',
        inputs: 'x',
        files: [
          {
            file: '../../../etc/passwd',
            format: 'pdf',
            sha256: '0'.repeat(64),
            bytes: 1,
            pages: 1,
            signed: false,
          },
        ],
        problems: [],
      },
    ],
  ])('with %s is not carried over: the rebuild writes its own', async (_, foreign) => {
    const out = tempDir('letter-previous-manifest-');
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(foreign));
    const result = await build({
      dir: EXAMPLE_DIR,
      out,
      langs: ['en'],
      formats: ['pdf'],
      carryOverManifest: true,
    });
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      files: { file: string }[];
    };
    expect(manifest.files.map((f) => f.file)).toEqual(['cn/open-letter-2023.en.pdf']);
  });
});
