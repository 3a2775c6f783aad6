/** Build progress on stderr: a bar on a terminal, one line per finished document otherwise, nothing when quiet. */

import type { ProgressEvent } from '../index.js';
import { stderr } from './streams.js';

export async function progressReporter(
  quiet: boolean,
): Promise<{ onProgress?: (e: ProgressEvent) => void; stop: () => void }> {
  if (quiet) return { stop: () => undefined };
  if (!stderr().isTTY) {
    return {
      onProgress: (e) => stderr().write(`[${e.done}/${e.total}] ${e.status} ${e.file}\n`),
      stop: () => undefined,
    };
  }
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar(
    {
      stream: stderr(),
      format: 'letter {bar} {value}/{total} {file}',
      hideCursor: true,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (e) => {
      if (!started) {
        bar.start(e.total, 0, { file: '' });
        started = true;
      }
      bar.update(e.done, { file: e.file });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
