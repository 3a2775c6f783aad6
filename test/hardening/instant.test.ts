/** SOURCE_DATE_EPOCH: a usage error (exit 2) unless it is a whole number of seconds up to the end of year 9999. */

import { describe, expect, it } from 'vitest';
import { buildInstant, MAX_EPOCH_SECONDS } from '../../src/tool/clock.js';
import { isLetterError } from '../../src/diag/index.js';

function refusal(epoch: string): string {
  try {
    buildInstant('2023-12-10', { SOURCE_DATE_EPOCH: epoch });
  } catch (e) {
    if (isLetterError(e)) return `${e.diagnostics[0]!.code}: ${e.diagnostics[0]!.message}`;
    throw e;
  }
  return 'accepted';
}

describe('SOURCE_DATE_EPOCH', () => {
  it('accepts 0 and the last second of 9999', () => {
    expect(buildInstant('2023-12-10', { SOURCE_DATE_EPOCH: '0' }).toISOString()).toBe(
      '1970-01-01T00:00:00.000Z',
    );
    expect(buildInstant('2023-12-10', { SOURCE_DATE_EPOCH: String(MAX_EPOCH_SECONDS) }).toISOString()).toBe(
      '9999-12-31T23:59:59.000Z',
    );
  });

  it('refuses a year past 9999, a negative number and garbage as usage errors', () => {
    expect(refusal(String(MAX_EPOCH_SECONDS + 1))).toMatch(/^usage: .*after the year 9999/);
    expect(refusal('300000000000')).toMatch(/^usage: /);
    expect(refusal('-5')).toMatch(/^usage: /);
    expect(refusal('1.5e9')).toMatch(/^usage: /);
    expect(refusal('abc')).toMatch(/^usage: /);
  });
});
