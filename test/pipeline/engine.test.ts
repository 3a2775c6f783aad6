/**
 * V8's optimising compiler is turned off for a build of unsigned PDFs when the caller allows it (the CLI does), kept for
 * anything with a DOCX or a signature, left alone when Node's command line already chose, and turned on again when the
 * build ends. The last part runs real builds in a child Node with `--allow-natives-syntax` and asks V8 whether a hot
 * function can be optimised by TurboFan while the build runs (its onProgress) and after it.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EngineTuning, unoptimisedPays } from '../../src/pipeline/engine.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('which builds run without TurboFan', () => {
  it('unsigned PDFs only', () => {
    expect(unoptimisedPays({ formats: ['pdf'], signed: false })).toBe(true);
    expect(unoptimisedPays({ formats: ['pdf', 'pdf'], signed: false })).toBe(true);
    expect(unoptimisedPays({ formats: ['pdf', 'docx'], signed: false })).toBe(false);
    expect(unoptimisedPays({ formats: ['docx'], signed: false })).toBe(false);
    expect(unoptimisedPays({ formats: ['pdf'], signed: true })).toBe(false);
    expect(unoptimisedPays({ formats: [], signed: false })).toBe(false);
  });
});

describe('EngineTuning', () => {
  const recorder = () => {
    const calls: string[] = [];
    return { calls, set: (flags: string) => void calls.push(flags) };
  };

  it('turns TurboFan off for a build of PDFs and on again when it ends', () => {
    const { calls, set } = recorder();
    const engine = new EngineTuning(true, set, []);
    expect(engine.settle({ formats: ['pdf'], signed: false })).toBe(false);
    expect(calls).toEqual(['--no-turbofan']);
    engine.release();
    engine.release();
    expect(calls).toEqual(['--no-turbofan', '--turbofan']);
  });

  it('keeps it for DOCX, signatures, a caller that did not allow it, and a command line that chose', () => {
    const { calls, set } = recorder();
    for (const [allowed, argv, needs] of [
      [true, [], { formats: ['pdf', 'docx'], signed: false }],
      [true, [], { formats: ['pdf'], signed: true }],
      [false, [], { formats: ['pdf'], signed: false }],
      [true, ['--no-turbofan'], { formats: ['pdf'], signed: false }],
      [true, ['--max-old-space-size=100', '--jitless'], { formats: ['pdf'], signed: false }],
    ] as const) {
      const engine = new EngineTuning(allowed, set, argv);
      expect(engine.settle({ ...needs, formats: [...needs.formats] })).toBe(true);
      engine.release();
    }
    expect(calls).toEqual([]);
  });

  it('turns it on again only when the last of overlapping builds ends', () => {
    const { calls, set } = recorder();
    const a = new EngineTuning(true, set, []);
    const b = new EngineTuning(true, set, []);
    a.settle({ formats: ['pdf'], signed: false });
    b.settle({ formats: ['pdf'], signed: false });
    a.release();
    expect(calls).toEqual(['--no-turbofan']);
    b.release();
    expect(calls).toEqual(['--no-turbofan', '--turbofan']);
  });
});

describe('a real build', () => {
  const out = mkdtempSync(join(tmpdir(), 'letter-engine-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  /** Whether V8 could TurboFan-compile a fresh hot function during the build (its first progress event) and after it. */
  function optimisable(formats: string[], tuneEngine: boolean): { during: boolean; after: boolean } {
    const script = `
      const { build } = await import(${JSON.stringify(join(ROOT, 'dist', 'pipeline', 'index.js'))});
      let serial = 0;
      const optimisable = () => {
        const f = new Function('x', 'return x * ' + ++serial + ' + 1;');
        %PrepareFunctionForOptimization(f);
        f(1); f(2);
        %OptimizeFunctionOnNextCall(f);
        f(3);
        return (%GetOptimizationStatus(f) & 64) !== 0; // TurboFanned
      };
      let during;
      const result = await build({
        dir: ${JSON.stringify(join(ROOT, 'examples', 'open-letter-2023'))},
        out: ${JSON.stringify(join(out, `${formats.join('-')}-${tuneEngine}`))},
        langs: ['en'],
        formats: ${JSON.stringify(formats)},
        tuneEngine: ${tuneEngine},
        onProgress: () => { during ??= optimisable(); },
      });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      console.log(JSON.stringify({ during, after: optimisable() }));
    `;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout) as { during: boolean; after: boolean };
  }

  it('runs a PDF build without TurboFan when allowed, and turns it on again after', () => {
    expect(optimisable(['pdf'], true)).toEqual({ during: false, after: true });
  });

  it('keeps TurboFan for a build with a DOCX, and for a caller that did not allow tuning', () => {
    expect(optimisable(['pdf', 'docx'], true)).toEqual({ during: true, after: true });
    expect(optimisable(['pdf'], false)).toEqual({ during: true, after: true });
  });
});
