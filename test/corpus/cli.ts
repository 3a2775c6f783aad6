/** The built CLI run asynchronously, so the corpus's cases can run side by side (`letterCli` blocks the worker). */

import { execFile } from 'node:child_process';
import { join } from 'node:path';

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'letter.js');

export function letterAsync(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}
