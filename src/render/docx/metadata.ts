/** docProps/core.xml: title, author, subject, keywords, language and dates from the model, never from the clock. */

import type { LetterDoc } from '../../model/index.js';
import { el, esc, XML_HEAD } from './xml.js';

/** W3CDTF without milliseconds, as Word writes it. */
export function w3cdtf(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The core properties part; docx would stamp `new Date()` here, so the packer replaces its version with this one. */
export function coreXml(doc: LetterDoc): string {
  const { meta } = doc;
  const when = w3cdtf(meta.created);
  return `${XML_HEAD}${el(
    'cp:coreProperties',
    {
      'xmlns:cp': 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      'xmlns:dcterms': 'http://purl.org/dc/terms/',
      'xmlns:dcmitype': 'http://purl.org/dc/dcmitype/',
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    },
    [
      el('dc:title', {}, esc(meta.title)),
      meta.subject ? el('dc:subject', {}, esc(meta.subject)) : '',
      el('dc:creator', {}, esc(meta.author)),
      meta.keywords.length > 0 ? el('cp:keywords', {}, esc(meta.keywords.join(', '))) : '',
      el('dc:language', {}, esc(doc.locale)),
      el('cp:lastModifiedBy', {}, esc(meta.author)),
      el('cp:revision', {}, '1'),
      el('dcterms:created', { 'xsi:type': 'dcterms:W3CDTF' }, when),
      el('dcterms:modified', { 'xsi:type': 'dcterms:W3CDTF' }, when),
    ],
  )}`;
}
