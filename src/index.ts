/** letter's library API: the CLI is a thin shell over these functions; tests and other programs call them directly. */

import { readFileSync } from 'node:fs';
import { LetterError, problem, shown } from './diag/index.js';
import { mergeManifestTexts, writeNamedFile } from './write/index.js';

export {
  build,
  type BuildOptions,
  type BuildResult,
  type Output,
  type ProgressEvent,
} from './pipeline/index.js';
export { check, type CheckOptions, type CheckResult } from './pipeline/index.js';
export { TOOL_VERSION } from './tool/index.js';
export { init, type InitResult } from './init/index.js';
export { verify, type VerifyResult, type FileReport } from './verify/index.js';
export { recipients, recipientsAdvice, type NoMatchAdvice, type RecipientMatch } from './recipients/index.js';
export { parseShard, planJobs, type Job, type Shard } from './plan/index.js';
export { FORMATS, loadProject, type Format, type Project } from './load/index.js';
export { Composer } from './compose/index.js';
export {
  EXIT,
  LetterError,
  choiceHint,
  didYouMean,
  shown,
  unknownChoice,
  exitStatusFor,
  exitStatusOf,
  formatDiagnostic,
  isLetterError,
  problem,
  type Diagnostic,
  type Code,
} from './diag/index.js';
export { watch, type WatchEvent, type WatchHandle, type WatchOptions } from './watch/index.js';
export type { LetterDoc, Block, Inline, Section } from './model/index.js';
export type { Manifest, ManifestFile } from './write/index.js';

/** Joins shard manifests (files on disk) into one manifest's JSON text. */
export function mergeManifests(files: readonly string[]): string {
  return mergeManifestTexts(files.map((file) => ({ file, text: readManifestText(file) })));
}

/** Writes the merged manifest to `file` (`-o`): complete under its name or not at all. */
export function writeMergedManifest(file: string, text: string): void {
  writeNamedFile(file, text);
}

function readManifestText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new LetterError(
      problem(
        'usage',
        `manifest '${shown(file)}' ${why}`,
        { file, value: file },
        'give the manifest.json files of the shards of one build',
      ),
    );
  }
}
