/** Images a letter uses (handwritten signatures): read once, checked to be a well-formed PNG or JPEG of sane size before use. */

import { readFileSync, statSync } from 'node:fs';
import { LetterError, problem, type Diagnostic } from '../diag/index.js';
import { inspectImage, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './image.js';
import type { Asset, LetterSpec, Locate } from './types.js';

export { imageInfo, inspectImage, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, type ImageInfo } from './image.js';

/** Signature images above this size are refused: a scanned signature is tens of kilobytes. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

/** Reads every signature image of the letter; a corrupt, foreign or oversize file is an error at its letter.yaml line. */
export function loadAssets(letter: LetterSpec, locate: Locate): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  const problems: Diagnostic[] = [];
  letter.signatories.forEach((s, i) => {
    if (!s.signature || assets.has(s.signature)) return;
    const where = locate(['signatories', i, 'signature']);
    if (statSync(s.signature).size > MAX_IMAGE_BYTES) {
      problems.push(
        problem(
          'bad-image',
          `signature image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB`,
          where,
          'scale it down; 600×200 pixels is plenty',
        ),
      );
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(s.signature));
    } catch (e) {
      problems.push(
        problem(
          'missing-file',
          `cannot read the signature image: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          where,
          'check the file permissions',
        ),
      );
      return;
    }
    const inspected = inspectImage(bytes);
    if ('problem' in inspected) {
      problems.push(
        problem(
          'bad-image',
          `signature image ${inspected.problem}`,
          where,
          `export the signature again as PNG or JPEG, at most ${MAX_IMAGE_SIDE} pixels on each side and ${MAX_IMAGE_PIXELS / 1_000_000} million in all (600×200 is plenty)`,
        ),
      );
    } else assets.set(s.signature, { bytes, ...inspected.info });
  });
  if (problems.length) throw new LetterError(problems);
  return assets;
}
