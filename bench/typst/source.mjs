// A composed letter (letter's document model, LetterDoc) as Typst markup: the same text, fonts and page as our PDF
// (A4, 72 pt margins, Noto Serif SC/KR/Latin, the same sizes, leading and part spacing as src/typeset/style.ts), so
// that the benchmark compares two typesetters on one letter. The text comes from the project's locale JSON through
// our composer, so it stays in sync with examples/ and the batch project.

const FAMILIES = {
  zh: ['Noto Serif SC', 'Noto Serif', 'Noto Serif KR'],
  ko: ['Noto Serif KR', 'Noto Serif SC', 'Noto Serif'],
  en: ['Noto Serif', 'Noto Serif SC', 'Noto Serif KR'],
};
const CJK = (lang) => /^(zh|ja|ko)\b/.test(lang);

// The part styles of src/typeset/style.ts: size scale, bold, space above in multiples of the body size.
const PARTS = {
  letterhead: [1, true, 0],
  title: [1.4, true, 0],
  subtitle: [1.12, true, 0.4],
  reference: [1, false, 1.2],
  date: [1, false, 1.2],
  recipient: [1, false, 1.2],
  delivery: [1, false, 0.6],
  salutation: [1, false, 1.4],
  body: [1, false, 0.8],
  close: [1, false, 1.2],
  signatures: [1, false, 1.6],
  enclosures: [0.9, false, 1.6],
  cc: [0.9, false, 0.8],
};

/** Typst markup text with every character that means something in markup escaped. */
function escape(text) {
  return text.replace(/[\\#*_`$<>@=\-+/\[\]~"'.:]/g, (c) => `\\${c}`).replace(/\n/g, ' \\\n');
}

function inlines(list) {
  return list
    .map((inline) => {
      switch (inline.type) {
        case 'text':
          return escape(inline.value);
        case 'break':
          return ' \\\n';
        case 'strong':
          return `#strong[${inlines(inline.children)}]`;
        case 'emphasis':
          return `#emph[${inlines(inline.children)}]`;
        case 'link':
          return `#link("${inline.url.replace(/["\\]/g, '\\$&')}")[${inlines(inline.children)}]`;
        default:
          return '';
      }
    })
    .join('');
}

function block(b, indent) {
  switch (b.type) {
    case 'paragraph':
      return `#par(first-line-indent: (amount: ${indent}em, all: true))[${inlines(b.inlines)}]`;
    case 'heading':
      return `#block(text(weight: "bold")[${inlines(b.inlines)}])`;
    case 'quote':
      return `#block(above: 1.15em, below: 1.15em, inset: (x: 2em), text(size: 0.95em)[${b.blocks.map((x) => block(x, 0)).join('\n')}])`;
    case 'list':
      return b.items.map((item) => `- ${item.map((x) => block(x, 0)).join(' ')}`).join('\n');
    case 'pagebreak':
      return '#pagebreak()';
    case 'signature':
      return [
        `#block(breakable: false, above: 1.4em)[#strong[${inlines(b.org)}]`,
        b.person ? ` \\\n${inlines(b.person)}` : '',
        b.title ? ` \\\n${inlines(b.title)}` : '',
        b.email ? ` \\\n${escape(b.email)}` : '',
        ']',
      ].join('');
    default:
      return '';
  }
}

const ALIGN = { start: 'left', center: 'center', end: 'right', justify: 'left' };

/** The Typst source of one composed letter. */
export function typstSource(doc) {
  const size = CJK(doc.lang) ? 10.5 : 11;
  const leading = CJK(doc.lang) ? 1.55 : 1.35;
  const [page, pages] = ['#context counter(page).display()', '#context counter(page).final().first()'];
  const footer = escape(doc.pageLabel)
    .replace(/\\\{page\\\}|\{page\}/, page)
    .replace(/\\\{pages\\\}|\{pages\}/, pages);
  const out = [
    `#set document(title: "${doc.meta.title.replace(/["\\]/g, '\\$&')}", author: "${doc.meta.author.replace(/["\\]/g, '\\$&')}", date: none)`,
    `#set page(paper: "a4", margin: 72pt, footer: align(center, text(size: ${(size * 0.82).toFixed(2)}pt)[${footer}]))`,
    `#set text(font: (${FAMILIES[doc.lang].map((f) => `"${f}"`).join(', ')}), size: ${size}pt, lang: "${doc.lang}")`,
    // A line box of exactly 1 em, so that leading is what src/typeset adds between lines.
    `#set text(top-edge: 0.88em, bottom-edge: -0.12em)`,
    `#set par(leading: ${((leading - 1) * size).toFixed(2)}pt, spacing: ${((leading - 1 + 0.6) * size).toFixed(2)}pt, justify: true)`,
    '#set block(spacing: 0pt)',
    '#set strong(delta: 300)',
  ];
  for (const section of doc.sections) {
    const [scale, bold, gap] = PARTS[section.part];
    const body = section.blocks.map((b) => block(b, section.firstLineIndent)).join('\n');
    const weight = bold ? ', weight: "bold"' : '';
    const above = ((gap + leading - 1) * size).toFixed(2);
    out.push(
      `#block(above: ${above}pt, breakable: ${!section.keepTogether}, width: 100%, align(${ALIGN[section.align]}, text(size: ${(scale * size).toFixed(2)}pt${weight})[${body}]))`,
    );
  }
  return `${out.join('\n')}\n`;
}
