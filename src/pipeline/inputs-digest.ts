/** A digest of everything a build reads, for the manifest: two builds with the same digest make the same documents. */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { shippedCompactJson, type Project } from '../load/index.js';

export function inputsDigest(project: Project, toolVersion: string): string {
  const hash = createHash('sha256');
  const add = (label: string, value: string | Uint8Array) =>
    hash.update(`${label}\0`).update(value).update('\0');
  add('tool', toolVersion);
  add(
    'letter',
    JSON.stringify(project.letter, (key, value: unknown) =>
      key === 'signature' && typeof value === 'string' ? value.slice(project.dir.length) : value,
    ),
  );
  for (const [lang, file] of [...project.texts].sort()) add(`text:${lang}`, JSON.stringify(file.data));
  // The tool's files as shipped are not parsed for this: a letter parses only its languages' (load/locales.ts).
  for (const [lang, byNs] of [...project.toolStrings].sort())
    for (const [ns, file] of [...byNs].sort())
      add(`strings:${lang}:${ns}`, shippedCompactJson(file) ?? JSON.stringify(file.data));
  for (const [id, r] of [...project.recipients].sort())
    add(`recipient:${id}`, JSON.stringify({ ...r, where: undefined }));
  for (const [id, a] of [...project.addresses].sort())
    add(`address:${id}`, JSON.stringify({ ...a, where: undefined }));
  for (const [name, t] of [...project.templates].sort()) add(`template:${name}`, t.source);
  for (const [path, asset] of [...project.assets].sort())
    add(`asset:${path.slice(project.dir.length)}`, asset.bytes);
  // The project's own faces are inputs like its text; the tool's are covered by its version.
  for (const [id, face] of Object.entries(project.fonts?.faces ?? {}).sort()) {
    for (const [variant, file] of Object.entries(face.files).sort())
      add(`font:${id}:${variant}`, readFileSync(file));
  }
  if (project.fonts)
    add(
      'fonts',
      JSON.stringify({
        families: Object.entries(project.fonts.faces)
          .map(([id, f]) => [id, f.family])
          .sort(),
        chains: project.fonts.chains,
        locales: project.fonts.locales,
      }),
    );
  return hash.digest('hex');
}
