// Shared by scripts/bundle.mjs, which leaves these packages out of the CLI's bundle, and test/perf/bundle.test.ts,
// which checks that a PDF build never loads them.

/**
 * Packages the CLI's bundle leaves to Node's own require, from node_modules, when a command first needs them: signing
 * and verification (node-forge, @signpdf, xml-crypto and its XML libraries), the DOCX writer (docx) and watching
 * (chokidar). A PDF build never loads them, and the main bundle every run reads and decodes (its code cache does not
 * hold them either: it is warmed by PDF builds) is a third smaller. Each is a library of its own (no state shared with
 * the bundle's modules). The worker keeps them: its code cache, warmed by a DOCX run too, holds docx.
 */
export const LEFT_TO_NODE = [
  'docx',
  'node-forge',
  '@signpdf/signpdf',
  '@signpdf/utils',
  'xml-crypto',
  '@xmldom/xmldom',
  'xpath',
  'chokidar',
];
