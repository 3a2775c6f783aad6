/** A few helpers for the package parts this renderer writes as XML text itself (styles, settings, core properties). */

/** Escapes text for an XML attribute value or text node. */
export function esc(text: string): string {
  return text.replace(/[&<>"]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;',
  );
}

/** Attribute values; `undefined` leaves the attribute out, so callers can write optional attributes inline. */
export type Attrs = Readonly<Record<string, string | number | undefined>>;

/** `<name a="1">children</name>`, or `<name a="1"/>` without children. Attributes keep the order given. */
export function el(name: string, attrs: Attrs = {}, children: string | readonly string[] = ''): string {
  const attrText = Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => ` ${key}="${esc(String(value))}"`)
    .join('');
  // Children are already XML; text children must be passed through esc() by the caller.
  const inner = typeof children === 'string' ? children : children.join('');
  return inner === '' ? `<${name}${attrText}/>` : `<${name}${attrText}>${inner}</${name}>`;
}

/** The XML declaration every part starts with. */
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** WordprocessingML main namespace, for the parts written here. */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
