/** Whether poppler's tools are installed; under CI they must be, so tests never skip there. */

import { execFileSync } from 'node:child_process';

export function hasPoppler(): boolean {
  if (process.env['CI']) return true;
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
