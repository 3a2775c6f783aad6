/** Where a template's syntax error is, read from Handlebars' own error, with Handlebars left as it ships. */

import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { checkTemplates } from '../../src/load/template-check.js';
import { parseStop } from '../../src/load/template-parse-error.js';
import { locationAt } from '../../src/load/text.js';

function stopOf(text: string): { line: number; column: number; atEnd: boolean } | undefined {
  try {
    Handlebars.parse(text);
  } catch (e) {
    const stop = parseStop((e as Error).message, text);
    if (!stop) return undefined;
    const { line, column } = locationAt(text, stop.offset);
    return { line, column, atEnd: stop.atEnd };
  }
  throw new Error(`parsed: ${text}`);
}

describe("a template's parse error", () => {
  it('is placed at the token the parser could not take, across lines and past its 20-character window', () => {
    expect(stopOf(':::salutation\n{{recipient.salutation}\n:::\n')).toEqual({
      line: 2,
      column: 23,
      atEnd: false,
    });
    expect(stopOf('ab {{foo bar=}} c')).toEqual({ line: 1, column: 14, atEnd: false });
    expect(stopOf('line1\nline2 {{ }}\n')).toEqual({ line: 2, column: 10, atEnd: false });
    expect(stopOf(`${'a'.repeat(36)}\n${'b'.repeat(13)} {{a}} {{b}} {{/c}}`)).toEqual({
      line: 2,
      column: 27,
      atEnd: false,
    });
    expect(stopOf('x {{> }}')).toEqual({ line: 1, column: 7, atEnd: false });
  });

  it('knows a block left open (the parser ran out of text)', () => {
    expect(stopOf('{{#if a}}\nx\n')?.atEnd).toBe(true);
  });

  it('reads nothing from a message of another shape', () => {
    expect(parseStop("each doesn't match if - 1:3", '{{#each x}}{{/if}}')).toBeUndefined();
  });

  it("leaves Handlebars' parser as it ships: its parse errors stay plain Errors", () => {
    expect(typeof checkTemplates).toBe('function');
    try {
      Handlebars.parse('{{a');
      expect.unreachable();
    } catch (e) {
      expect(Object.keys(e as object)).not.toContain('hash');
    }
  });
});
