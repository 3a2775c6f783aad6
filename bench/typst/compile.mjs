#!/usr/bin/env node
// One whole process of Typst's npm node compiler: `node compile.mjs OUT_DIR A.typ [B.typ …]` compiles every source to
// OUT_DIR/<name>.pdf with one compiler (fonts parsed once), as a batch tool built on it would.

import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const FONTS = join(import.meta.dirname, '..', '..', 'fonts');
const [out, ...sources] = process.argv.slice(2);
const compiler = NodeCompiler.create({
  workspace: join(import.meta.dirname),
  fontArgs: [{ fontPaths: [FONTS] }],
});
for (const source of sources) {
  const pdf = compiler.pdf({ mainFileContent: readFileSync(source, 'utf8') });
  writeFileSync(join(out, basename(source).replace(/\.typ$/, '.pdf')), pdf);
}
