/**
 * V8's optimising compiler (TurboFan) for the build at hand. A batch of unsigned PDFs spends about a third of its CPU
 * in TurboFan compiling short-lived functions that then run a few dozen times, and a second render thread compiles the
 * same functions again in its own isolate, so two threads lost to one. With TurboFan off for such a build (2 cores,
 * interleaved runs, BENCHMARKS.md): W2 (60 PDFs) on two threads 0.84x the wall time of one thread with it on, W3's
 * 1,170 PDFs 0.95x, one letter the same wall time for 0.92x the CPU. A DOCX needs it (docx's and fflate's deflate are
 * JavaScript loops: 1,170 documents with DOCX took 2.3x the CPU without it), and so does signing (node-forge's
 * arithmetic): any such build keeps it.
 *
 * WebAssembly's TurboFan goes off with it (--liftoff-only): harfbuzz's shaping tiers up from Liftoff on V8's worker
 * threads, which on two cores took the CPU the build's own threads and garbage collection wanted. One zh letter
 * (20 interleaved pairs): CPU 0.56 -> 0.48 s, wall 0.46 -> 0.44 s (best 0.43 -> 0.38), peak 92 -> 79 MiB; W2 1.41 ->
 * 1.39 s; 1,170 PDFs 7.0 -> 6.7 s. V8 keeps the tier a module was compiled with, and shares one compiled module
 * among instances of the same bytes.
 *
 * The flags belong to the process (every isolate in it), so a build turns them off only when its caller asks (the CLI
 * does, `tuneEngine`), and turns them back on when the last such build ends.
 */

import { setFlagsFromString } from 'node:v8';
import type { Format } from '../load/index.js';

/** What a build's documents need of the engine. */
export interface EngineNeeds {
  readonly formats: Iterable<Format>;
  readonly signed: boolean;
}

/** Whether a build of these documents runs faster without the optimising compiler: unsigned PDFs only. */
export function unoptimisedPays(needs: EngineNeeds): boolean {
  if (needs.signed) return false;
  let any = false;
  for (const format of needs.formats) {
    if (format !== 'pdf') return false;
    any = true;
  }
  return any;
}

/** V8 options on Node's command line that already say how to optimise: a tuning would overrule the user's choice. */
const CHOSEN_ON_THE_COMMAND_LINE =
  /^--(no-)?(turbofan|opt|jitless|maglev|max-opt|always-turbofan|liftoff|liftoff-only|wasm-tier-up|wasm-dynamic-tiering)\b/;

/** Both optimising compilers: JavaScript's, and WebAssembly's (harfbuzz's shaping tiers up from Liftoff to it). */
export const UNOPTIMISED = '--no-turbofan --liftoff-only';
// --liftoff-only also turns WebAssembly's tier-up off, and V8 does not undo that when it is turned off again: named
// here, or the flags differ from a plain start's and V8 rejects every code cache written after such a build.
const OPTIMISED = '--turbofan --no-liftoff-only --wasm-tier-up --wasm-dynamic-tiering';

type SetFlags = (flags: string) => void;

let holders = 0;

/** One build's hold on the engine: `settle` once its documents are known, `release` when it ends. */
export class EngineTuning {
  private held = false;

  constructor(
    /** BuildOptions.tuneEngine: whether this build may set the process's V8 flags. */
    private readonly allowed: boolean,
    private readonly setFlags: SetFlags = setFlagsFromString,
    private readonly execArgv: readonly string[] = process.execArgv,
  ) {}

  /** Turns TurboFan off when the build pays for it and may; returns whether the optimising compiler stays on. */
  settle(needs: EngineNeeds): boolean {
    if (this.held) return false;
    if (!this.allowed || !unoptimisedPays(needs)) return true;
    if (this.execArgv.some((arg) => CHOSEN_ON_THE_COMMAND_LINE.test(arg))) return true;
    if (holders++ === 0) this.setFlags(UNOPTIMISED);
    this.held = true;
    return false;
  }

  /** Gives the build's hold back: the last one turns TurboFan on again (a code cache written then matches a plain start). */
  release(): void {
    if (!this.held) return;
    this.held = false;
    if (--holders === 0) this.setFlags(OPTIMISED);
  }
}
