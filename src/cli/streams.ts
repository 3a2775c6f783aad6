/**
 * The process's stdout and stderr, asked for when the CLI first writes to one. Node makes each stream at its first use,
 * and for a pipe that loads its socket layer (~11 M instructions for both, ~1.3 ms): a quiet build writes neither.
 * bin/letter.js flushes, before it ends the process, only the streams the CLI used (`usedStreams`).
 */

import { EXIT } from '../diag/index.js';

let out: NodeJS.WriteStream | undefined;
let err: NodeJS.WriteStream | undefined;

export function stdout(): NodeJS.WriteStream {
  if (!out) {
    out = process.stdout;
    // `letter recipients | head` closes the pipe early: that is the reader's choice, not an error.
    out.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(EXIT.OK);
      throw e;
    });
  }
  return out;
}

export function stderr(): NodeJS.WriteStream {
  err ??= process.stderr;
  return err;
}

/** The streams the CLI has written to (or asked about) so far. */
export function usedStreams(): NodeJS.WriteStream[] {
  return [out, err].filter((s): s is NodeJS.WriteStream => s !== undefined);
}
