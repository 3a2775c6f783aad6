/**
 * V8's optimising compiler is turned off for a build of unsigned PDFs when the caller allows it (the CLI does), kept for
 * anything with a DOCX or a signature, left alone when Node's command line already chose, and turned on again when the
 * build ends. The last part runs real builds in a child Node with `--allow-natives-syntax` and asks V8 whether a hot
 * function can be optimised by TurboFan, and whether a hot WebAssembly function tiers up, while the build runs (its
 * onProgress) and after it; and whether a code cache written after it is one a plain start accepts.
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

const OFF = '--no-turbofan --liftoff-only';
const ON = '--turbofan --no-liftoff-only --wasm-tier-up --wasm-dynamic-tiering';

describe('EngineTuning', () => {
  const recorder = () => {
    const calls: string[] = [];
    return { calls, set: (flags: string) => void calls.push(flags) };
  };

  it('turns TurboFan off for a build of PDFs and on again when it ends', () => {
    const { calls, set } = recorder();
    const engine = new EngineTuning(true, set, []);
    expect(engine.settle({ formats: ['pdf'], signed: false })).toBe(false);
    expect(calls).toEqual([OFF]);
    engine.release();
    engine.release();
    expect(calls).toEqual([OFF, ON]);
  });

  it('keeps it for DOCX, signatures, a caller that did not allow it, and a command line that chose', () => {
    const { calls, set } = recorder();
    for (const [allowed, argv, needs] of [
      [true, [], { formats: ['pdf', 'docx'], signed: false }],
      [true, [], { formats: ['pdf'], signed: true }],
      [false, [], { formats: ['pdf'], signed: false }],
      [true, ['--no-turbofan'], { formats: ['pdf'], signed: false }],
      [true, ['--max-old-space-size=100', '--jitless'], { formats: ['pdf'], signed: false }],
      [true, ['--no-wasm-tier-up'], { formats: ['pdf'], signed: false }],
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
    expect(calls).toEqual([OFF]);
    b.release();
    expect(calls).toEqual([OFF, ON]);
  });
});

describe('a real build', () => {
  const out = mkdtempSync(join(tmpdir(), 'letter-engine-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  interface Engine {
    /** Whether a fresh hot JavaScript function could be TurboFan-compiled. */
    readonly js: boolean;
    /** Whether a hot WebAssembly function tiered up from Liftoff to TurboFan. */
    readonly wasm: boolean;
  }

  /**
   * What V8 would optimise during the build (its first progress event) and after it, and whether a code cache written
   * after it is accepted by a plain Node start (the flags restored exactly as they were).
   */
  function engineOf(
    formats: string[],
    tuneEngine: boolean,
  ): { during: Engine; after: Engine; cacheAccepted: boolean } {
    const cache = join(out, `${formats.join('-')}-${tuneEngine}.cache`);
    const script = `
      const { build } = await import(${JSON.stringify(join(ROOT, 'dist', 'pipeline', 'index.js'))});
      const { writeFileSync } = await import('node:fs');
      const vm = await import('node:vm');
      let serial = 0;
      const js = () => {
        const f = new Function('x', 'return x * ' + ++serial + ' + 1;');
        %PrepareFunctionForOptimization(f);
        f(1); f(2);
        %OptimizeFunctionOnNextCall(f);
        f(3);
        return (%GetOptimizationStatus(f) & 64) !== 0; // TurboFanned
      };
      // (func (param i32) (result i32)): a loop adding \`step\` that many times, hot enough to tier up at once.
      const loop = (step) => new Uint8Array([0,97,115,109,1,0,0,0, 1,6,1,0x60,1,0x7f,1,0x7f, 3,2,1,0, 7,7,1,3,0x72,0x75,0x6e,0,0,
        0x0a,0x23,0x01,0x21, 0x01,0x01,0x7f, 0x02,0x40,0x03,0x40,0x20,0x00,0x45,0x0d,0x01,0x20,0x01,0x41,0x03,0x6a,0x21,
        0x01,0x20,0x00,0x41,0x01,0x6b,0x21,0x00,0x0c,0x00,0x0b,0x0b,0x20,0x01,0x0b]).map((b, i) => (i === 48 ? step : b));
      // A module compiled and made hot now; whether it went up to TurboFan is read once its compile has had time. Each
      // is new (V8 shares one compiled module among instances of the same bytes, and so its tier).
      const hotWasm = (step) => {
        const run = new WebAssembly.Instance(new WebAssembly.Module(loop(step))).exports.run;
        if (run(10) !== 10 * step) throw new Error('the loop module is wrong');
        for (let i = 0; i < 20; i++) run(100000);
        return run;
      };
      // Its compile runs on V8's threads: waited for up to 3 s (a busy machine), so a function that never tiers up
      // costs the test that long.
      const tieredUp = async (run) => {
        for (let waited = 0; waited < 3000 && !%IsTurboFanFunction(run); waited += 25)
          await new Promise((resolve) => setTimeout(resolve, 25));
        return %IsTurboFanFunction(run);
      };
      let during;
      const result = await build({
        dir: ${JSON.stringify(join(ROOT, 'examples', 'open-letter-2023'))},
        out: ${JSON.stringify(join(out, `${formats.join('-')}-${tuneEngine}`))},
        langs: ['en'],
        formats: ${JSON.stringify(formats)},
        tuneEngine: ${tuneEngine},
        onProgress: () => { during ??= { js: js(), run: hotWasm(3) }; },
      });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      writeFileSync(${JSON.stringify(cache)}, new vm.Script('function f() { return 1; }', { filename: 'f.js' }).createCachedData());
      console.log(JSON.stringify({
        during: { js: during.js, wasm: await tieredUp(during.run) },
        after: { js: js(), wasm: await tieredUp(hotWasm(5)) },
      }));
    `;
    const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    // The child's own flag (--allow-natives-syntax) is part of what a cache is checked against.
    const plain = spawnSync(
      process.execPath,
      [
        '--allow-natives-syntax',
        '-e',
        `const vm = require('node:vm');
         const script = new vm.Script('function f() { return 1; }', { filename: 'f.js', cachedData: require('node:fs').readFileSync(${JSON.stringify(cache)}) });
         process.stdout.write(String(!script.cachedDataRejected));`,
      ],
      { encoding: 'utf8' },
    );
    expect(plain.stderr).toBe('');
    return {
      ...(JSON.parse(r.stdout) as { during: Engine; after: Engine }),
      cacheAccepted: plain.stdout === 'true',
    };
  }

  const optimised = { js: true, wasm: true };

  it('runs a PDF build without either TurboFan when allowed, and turns both on again after, as a plain start has them', () => {
    expect(engineOf(['pdf'], true)).toEqual({
      during: { js: false, wasm: false },
      after: optimised,
      cacheAccepted: true,
    });
  });

  it('keeps both for a build with a DOCX, and for a caller that did not allow tuning', () => {
    const untouched = { during: optimised, after: optimised, cacheAccepted: true };
    expect(engineOf(['pdf', 'docx'], true)).toEqual(untouched);
    expect(engineOf(['pdf'], false)).toEqual(untouched);
  });
});
