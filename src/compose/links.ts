/**
 * Link targets a letter may carry: https:, http: and mailto: only. A PDF URI action or a DOCX hyperlink opens what it
 * names on a click: `javascript:` and `data:` run or show content the letter's author chose, `file:` opens the
 * reader's own files, and a UNC path (`\\host\share`) makes Windows send the reader's credentials to that host.
 */

import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';

const ALLOWED = /^(https?:\/\/[^/\\\s]|mailto:[^\\\s])/i;
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTER = /[\s\\\u0000-\u001f\u007f]/;

/** Why a link target is refused, or undefined when a letter may carry it. */
export function refusedLink(url: string): string | undefined {
  if (!ALLOWED.test(url) || UNSAFE_CHARACTER.test(url)) {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
    if (url.startsWith('\\\\') || url.startsWith('//'))
      return "a network path (UNC), which makes Windows send the reader's credentials to that host";
    if (scheme && !['http', 'https', 'mailto'].includes(scheme))
      return `a ${scheme}: link, which could run code or open the reader's files on a click`;
    if (!scheme)
      return 'a link without https:, http: or mailto:, which a reader resolves against where the file lies';
    return 'a link with a space, a backslash or a control character in it';
  }
  return undefined;
}

// Only values that could hold a link are parsed: `[text](url)`, `<scheme:…>`, `[ref]: url`.
const MAY_LINK = /\]\(|<[A-Za-z][A-Za-z0-9+.-]*:|\]:|<\\\\/;

/** The link targets of an inline Markdown value (inline links, autolinks, reference definitions). */
export function linkTargets(value: string): string[] {
  if (!MAY_LINK.test(value)) return [];
  const found: string[] = [];
  const walk = (node: Nodes): void => {
    if (node.type === 'link' || node.type === 'definition') found.push(node.url);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(fromMarkdown(value));
  return found;
}
