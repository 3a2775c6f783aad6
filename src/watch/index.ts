/** `letter build --watch`: build once, then rebuild the documents a changed input affects, until closed. */

import { resolve, sep } from 'node:path';
import { watch as watchFiles } from 'chokidar';
import { build, type BuildOptions, type BuildResult } from '../pipeline/index.js';
import { formatDiagnostic } from '../diag/index.js';
import type { Lang } from '../model/index.js';
import { affectedBy, isInput } from './affected.js';

/** What happened in one round: a build (first, or after changes) or a crash of the builder itself. */
export type WatchEvent =
  | {
      readonly kind: 'built';
      /** Changed paths relative to the project folder; empty for the first build. */
      readonly changed: readonly string[];
      /** The languages rebuilt, when the change touched only some languages' locale files. */
      readonly langs?: readonly Lang[];
      readonly result: BuildResult;
      /** Errors and warnings as `letter check` prints them (`file:line:col: message — hint`). */
      readonly report: readonly string[];
    }
  | { readonly kind: 'crashed'; readonly changed: readonly string[]; readonly error: Error };

/** Options of `watch`: those of `build`, and where events go. */
export interface WatchOptions extends BuildOptions {
  readonly onEvent?: (event: WatchEvent) => void;
  /** Quiet time after the last change before rebuilding, in ms (editors write a file in several steps). */
  readonly debounceMs?: number;
}

/** A running watch. */
export interface WatchHandle {
  /** Resolves once no build is running or waiting: after the first build, and after each round of changes. */
  idle(): Promise<void>;
  /** Stop watching; a build under way finishes, nothing more starts. */
  close(): Promise<void>;
}

/**
 * Build, then watch the project folder (recursively, the output folder ignored) and rebuild after each burst of
 * changes. A broken edit writes nothing (`build` writes nothing on bad input), so the last good files stay; its
 * diagnostics come back in the event. Changes made during a build are collected and rebuilt right after it.
 */
export function watch(options: WatchOptions): WatchHandle {
  const { onEvent, debounceMs = 100, ...buildOptions } = options;
  const projectDir = resolve(options.dir);
  const outDir = resolve(options.out ?? resolve(projectDir, 'dist'));
  const pending = new Set<string>();
  const builtLangs = new Set<Lang>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let closed = false;
  let waiters: (() => void)[] = [];

  const settle = (): void => {
    if (busy || timer || pending.size) return;
    const done = waiters;
    waiters = [];
    for (const resolveIdle of done) resolveIdle();
  };

  // `known`: the first round tells no one it is watching before the watcher knows the folder, or an edit made on
  // reading "watching for changes" would go unseen.
  const round = async (changed: readonly string[], known?: Promise<void>): Promise<void> => {
    const affected = changed.length ? affectedBy(changed, builtLangs) : { kind: 'all' as const };
    if (affected.kind === 'none') return;
    const langs = affected.kind === 'langs' ? affected.langs : undefined;
    try {
      const result = await build({ ...buildOptions, ...(langs ? { langs, carryOverManifest: true } : {}) });
      if (!langs && result.outputs.length) {
        builtLangs.clear();
        for (const output of result.outputs) builtLangs.add(output.lang);
      }
      const report = [...result.errors, ...result.warnings].map(formatDiagnostic);
      await known;
      onEvent?.({ kind: 'built', changed, ...(langs ? { langs } : {}), result, report });
    } catch (e) {
      onEvent?.({ kind: 'crashed', changed, error: e instanceof Error ? e : new Error(String(e)) });
    }
  };

  const start = (): void => {
    timer = undefined;
    if (closed || busy || pending.size === 0) return settle();
    const changed = [...pending].sort();
    pending.clear();
    busy = true;
    running = round(changed).finally(() => {
      busy = false;
      // Changes that arrived during the build: rebuild for them now (their debounce already ran out or will).
      if (pending.size && !timer && !closed) start();
      else settle();
    });
  };

  const onChange = (path: string): void => {
    if (closed) return;
    if (!isInput(path, { projectDir, outDir })) return;
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(start, debounceMs);
  };

  // chokidar, not fs.watch: Node's recursive watcher on Linux follows the inode it first saw, so after one atomic save
  // (an editor writes a temporary file and renames it over the original) every later edit of that file went unseen.
  const inOut = (path: string): boolean => {
    const absolute = resolve(projectDir, path);
    return absolute === outDir || absolute.startsWith(outDir + sep);
  };
  // Links are not followed: every input lives inside the project (a link leading out is refused), so its real files are
  // watched where they are, and a DAG of links (2^levels paths) costs nothing.
  const watcher = watchFiles('.', {
    cwd: projectDir,
    ignoreInitial: true,
    atomic: true,
    ignored: inOut,
    followSymlinks: false,
  });
  watcher.on('all', (_event, path) => onChange(path.split(sep).join('/')));
  watcher.on('error', (error) =>
    onEvent?.({
      kind: 'crashed',
      changed: [],
      error: error instanceof Error ? error : new Error(String(error)),
    }),
  );
  const ready = new Promise<void>((resolveReady) => watcher.once('ready', () => resolveReady()));

  busy = true;
  // Changes count from the moment the watcher knows the folder: the first round ends only when both are done.
  running = Promise.all([round([], ready), ready])
    .then(() => undefined)
    .finally(() => {
      busy = false;
      if (pending.size && !timer) start();
      else settle();
    });

  return {
    idle: () =>
      new Promise<void>((resolveIdle) => {
        waiters.push(resolveIdle);
        settle();
      }),
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending.clear();
      await watcher.close();
      await running;
      settle();
    },
  };
}
