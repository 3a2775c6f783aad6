/** One broken recipient in the batch: without --keep-going exit 2 and nothing written; with it exit 1 and the rest written. */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tools.js';
import { ALL_FILES, buildCli, copyFixture, filesUnder, readManifest, SLUG } from './helpers.js';

interface JsonDiagnostic {
  code: string;
  message: string;
  file: string | null;
  line: number | null;
}
interface JsonReport {
  ok: boolean;
  outputs: { file: string; recipient: string }[];
  errors: JsonDiagnostic[];
  problems: { file: string; recipient: string; status: string; errors: JsonDiagnostic[] }[];
}

/** The fixture with one recipients.csv row changed (row 1 is the header). */
function withRecipientRow(id: string, row: string, header = 'id,office'): string {
  const dir = copyFixture();
  const csv = join(dir, 'recipients.csv');
  const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
  const width = header.split(',').length;
  const rows = lines
    .slice(1)
    .map((line) => (line.startsWith(`${id},`) ? row : line + ','.repeat(width - line.split(',').length)));
  writeFileSync(csv, [header, ...rows].join('\n') + '\n');
  return dir;
}

// Thailand's king with a crown emoji in his name: no font covers U+1F451, in any language.
const crowned = withRecipientRow('th', 'th,th,Vajiralongkorn \u{1F451}', 'id,office,name');
// Germany delivered via an address that recipients.csv does not define.
const misrouted = withRecipientRow('de', 'de,de,nowhere', 'id,office,via');
const keptGoing = tempDir('letter-batch-keep-going-');
let kept: ReturnType<typeof buildCli>;

beforeAll(() => {
  kept = buildCli(crowned, keptGoing, ['--keep-going', '--json']);
});

describe('a batch with one broken recipient', () => {
  it('without --keep-going: exit 2, and nothing is written — no document, no manifest, no folder', () => {
    const out = join(tempDir('letter-batch-stopped-'), 'out');
    const r = buildCli(crowned, out, ['--json']);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.ok).toBe(false);
    expect(report.outputs).toEqual([]);
    expect(report.errors.map((e) => e.code)).toContain('uncovered-character');
    expect(report.errors.map((e) => e.message).join('\n')).toContain('U+1F451');
    expect(existsSync(out)).toBe(false);
  });

  it('an unknown delivery address is reported at its recipients.csv row, and nothing is written', () => {
    const out = join(tempDir('letter-batch-misrouted-'), 'out');
    const r = buildCli(misrouted, out, ['--json']);
    expect(r.status).toBe(2);
    const [error] = (JSON.parse(r.stdout) as JsonReport).errors;
    expect(error).toMatchObject({ code: 'unknown-address', file: 'recipients.csv', line: 3 });
    expect(error!.message).toContain("'nowhere'");
    expect(existsSync(out)).toBe(false);
  });

  it('with --keep-going: exit 1, the 66 documents of the other 11 recipients written, and the manifest', () => {
    expect(kept.status, kept.stderr).toBe(1);
    const good = ALL_FILES.filter((f) => !f.startsWith('th/'));
    expect(good).toHaveLength(66);
    expect(filesUnder(keptGoing)).toEqual([...good, 'manifest.json'].sort());
    const manifest = readManifest(keptGoing);
    expect(manifest.files.map((f) => f.file)).toEqual(good);
    expect(manifest.problems.map((p) => [p.file, p.recipient, p.status])).toEqual(
      ['en', 'ko', 'zh'].flatMap((lang) =>
        ['docx', 'pdf'].map((format) => [`th/${SLUG}.${lang}.${format}`, 'th', 'skipped']),
      ),
    );
    expect(manifest.problems[0]!.errors[0]!.code).toBe('uncovered-character');
  });

  it('with --keep-going: the JSON report names the skipped recipient, its documents and why', () => {
    const report = JSON.parse(kept.stdout) as JsonReport;
    expect(report.ok).toBe(false);
    expect(report.outputs).toHaveLength(66);
    expect(report.outputs.some((o) => o.recipient === 'th')).toBe(false);
    expect(new Set(report.problems.map((p) => p.recipient))).toEqual(new Set(['th']));
    expect(report.problems).toHaveLength(6);
    for (const p of report.problems) {
      expect(p.status).toBe('skipped');
      expect(p.errors.map((e) => e.message).join('\n')).toContain('U+1F451');
    }
    // Each problem once in `errors`, though it stops both formats of a letter.
    const messages = report.errors.map((e) => e.message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('with --keep-going, an unknown delivery address skips only that recipient', () => {
    const out = tempDir('letter-batch-misrouted-kept-');
    const r = buildCli(misrouted, out, ['--keep-going', '--json', '-l', 'en', '-f', 'pdf']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.outputs).toHaveLength(11);
    expect(report.problems.map((p) => [p.file, p.status])).toEqual([[`de/${SLUG}.en.pdf`, 'skipped']]);
    expect(report.problems[0]!.errors[0]).toMatchObject({
      code: 'unknown-address',
      file: 'recipients.csv',
      line: 3,
    });
    expect(existsSync(join(out, 'de'))).toBe(false);
  });
});
