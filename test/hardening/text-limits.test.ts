/** $t() cycles and expansion bombs, link targets, and key locations in big files: bounded, positioned, linear. */

import { describe, expect, it } from 'vitest';
import { nestingErrors, MAX_NESTED_EXPANSIONS } from '../../src/load/nesting.js';
import { linkTargets, refusedLink } from '../../src/compose/links.js';
import { parseJson } from '../../src/load/source.js';
import type { LocaleFile } from '../../src/load/index.js';

function localeFile(data: Record<string, string>): LocaleFile {
  const text = JSON.stringify(data, null, 2);
  const { locate } = parseJson(text, 'locales/en/letter.json');
  return { lang: 'en', ns: 'letter', file: 'locales/en/letter.json', data, locate };
}

describe('$t() nesting', () => {
  it('a cycle is an error naming its keys, at a key of the cycle', () => {
    const [d] = nestingErrors([localeFile({ intro: 'Start $t(a) end', a: 'A $t(b)', b: 'B $t(a)' })]);
    expect(d!.message).toMatch(/'a' → 'b' → 'a'/);
    expect(d).toMatchObject({ file: 'locales/en/letter.json', line: 3, column: 3 });
  });

  it('a 26-level bomb in a 1 KB file fails fast at the first key past the limit', () => {
    const data: Record<string, string> = { intro: '$t(k26)', k0: 'x' };
    for (let i = 1; i <= 26; i++) data[`k${i}`] = `$t(k${i - 1})$t(k${i - 1})`;
    const started = performance.now();
    const [d] = nestingErrors([localeFile(data)]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(d!.code).toBe('input-too-large');
    expect(d!.message).toMatch(
      new RegExp(`'k9' .* expands to 1023 \\$t\\(\\) expansions, more than the ${MAX_NESTED_EXPANSIONS}`),
    );
  });

  it('plural forms count, ordinary nesting passes, and 60,000 chained keys do not overflow the stack', () => {
    expect(
      nestingErrors([localeFile({ a: 'x $t(g, {"count": 2})', g_one: 'one $t(a)', g_other: 'many' })])[0]!
        .message,
    ).toMatch(/'a' → 'g_one' → 'a'/);
    expect(nestingErrors([localeFile({ a: '$t(b) and $t(b)', b: '$t(c)', c: 'c' })])).toEqual([]);
    const chain: Record<string, string> = { k0: 'end' };
    for (let i = 1; i < 60_000; i++) chain[`k${i}`] = `$t(k${i - 1})`;
    expect(nestingErrors([localeFile(chain)])[0]!.message).toMatch(/expands to 1001 \$t\(\) expansions/);
  });
});

describe('link targets', () => {
  it('only https:, http: and mailto: are carried', () => {
    for (const ok of ['https://example.org/a?b=c', 'http://example.org', 'mailto:a@example.org'])
      expect(refusedLink(ok), ok).toBeUndefined();
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      '\\\\host\\share',
      '//host/share',
      'relative/page.html',
      'vbscript:x',
      'https://host\\share',
      'java\tscript:x',
    ]) {
      expect(refusedLink(bad), bad).toBeDefined();
    }
  });

  it('finds inline links, autolinks and definitions in a value', () => {
    expect(linkTargets('See [a](javascript:alert(1)), <file:///etc/passwd> and [r].\n\n[r]: data:x')).toEqual(
      ['javascript:alert(1)', 'file:///etc/passwd', 'data:x'],
    );
    expect(linkTargets('no link here')).toEqual([]);
  });
});

describe('locating keys in a big locale file is linear', () => {
  it('60,000 keys are located in well under a second each way', () => {
    const data: Record<string, string> = {};
    for (let i = 0; i < 60_000; i++) data[`unused${i}`] = 'x';
    const { locate } = parseJson(JSON.stringify(data, null, 2), 'letter.json');
    const started = performance.now();
    for (let i = 0; i < 60_000; i++) locate(`unused${i}`);
    expect(locate('unused59999')).toEqual({ file: 'letter.json', line: 60_001, column: 3 });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
