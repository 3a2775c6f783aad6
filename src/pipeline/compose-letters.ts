/** Composing every (recipient, language) of a job list once, in the main thread, before anything renders. */

import { isLetterError, type Diagnostic } from '../diag/index.js';
import type { Composer } from '../compose/index.js';
import type { LetterDoc } from '../model/index.js';
import type { Job } from '../plan/index.js';

/** The letters of a job list: composed, or refused with the diagnostics of their own inputs. */
export interface ComposedLetters {
  /** By `letterKey(job)`. */
  readonly docs: ReadonlyMap<string, LetterDoc>;
  readonly rejected: ReadonlyMap<string, readonly Diagnostic[]>;
  /** What composing found worth a warning (a hard-coded form of address), each once. */
  readonly warnings: readonly Diagnostic[];
}

/** Both formats of a (recipient, language) draw the same letter, so it is composed once. */
export function letterKey(job: Pick<Job, 'recipient' | 'lang'>): string {
  return `${job.recipient.id}\0${job.lang}`;
}

/** Told of each letter as it is composed, with the first job that asked for it. */
export type OnComposed = (job: Job, doc: LetterDoc) => void;

/** Composes each distinct letter of the jobs; a LetterError rejects only its own letter, any other error is a bug. */
export function composeLetters(
  jobs: readonly Job[],
  composer: Composer,
  onComposed?: OnComposed,
): ComposedLetters {
  const docs = new Map<string, LetterDoc>();
  const rejected = new Map<string, readonly Diagnostic[]>();
  for (const job of jobs) {
    const key = letterKey(job);
    if (docs.has(key) || rejected.has(key)) continue;
    let doc: LetterDoc;
    try {
      doc = composer.compose(job);
    } catch (e) {
      if (!isLetterError(e)) throw e;
      rejected.set(key, e.diagnostics);
      continue;
    }
    docs.set(key, doc);
    onComposed?.(job, doc);
  }
  return { docs, rejected, warnings: composer.warnings() };
}
