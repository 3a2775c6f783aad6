/** Whether the PDF checkers these tests call are installed: poppler's pdftotext and pdfinfo, and qpdf. */

import { toolAvailable } from '../support/tools.js';

/** True when they are all there; under CI a missing one is a failure (test/support/tools.ts), never a skip. */
export function hasPoppler(): boolean {
  return ['pdftotext', 'pdfinfo', 'qpdf'].every((tool) => toolAvailable(tool));
}
