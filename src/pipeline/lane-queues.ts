/**
 * The letters waiting for each thread of a batch. A thread takes its own in batch order; one whose own have run out
 * takes from the end of the queue with the most work left, in a language it has drawn already. Never in another: W2 and
 * a 120-letter batch measured a thread that took up the other thread's languages paying their first costs and a second
 * isolate's optimising compiler for them (1.5–2× the background CPU), more than the letters it took saved.
 */

import type { Lang } from '../model/index.js';
import { letterCost } from './schedule.js';

export interface QueuedLetter {
  readonly key: string;
  readonly lang: Lang;
  /** Its documents (their count weighs the letter). */
  readonly jobs: readonly unknown[];
}

export class LaneQueues<T extends QueuedLetter> {
  private readonly queues: T[][];
  /** The languages each lane has drawn: their first costs are paid there. */
  private readonly drawn: Set<Lang>[];

  /**
   * `plan`: the letter keys each lane starts with; a letter in no lane's list is this thread's (lane 0). `begun`: letters
   * a lane has already started (by key): not queued, and their language counts as drawn on that lane.
   */
  constructor(
    plan: readonly (readonly string[])[],
    letters: readonly T[],
    begun: ReadonlyMap<string, unknown>,
  ) {
    const byKey = new Map(letters.map((l) => [l.key, l]));
    const placed = new Set<string>(begun.keys());
    this.drawn = plan.map(
      (keys) => new Set(keys.filter((k) => begun.has(k)).map((k) => byKey.get(k)?.lang ?? '')),
    );
    this.queues = plan.map((keys) =>
      keys.flatMap((key) => {
        const letter = byKey.get(key);
        if (!letter || placed.has(key)) return [];
        placed.add(key);
        return [letter];
      }),
    );
    if (this.queues.length === 0) [this.queues, this.drawn] = [[[]], [new Set()]];
    const rest = letters.filter((l) => !placed.has(l.key));
    if (rest.length) {
      const position = new Map(letters.map((l, i) => [l.key, i]));
      this.queues[0] = [...this.queues[0]!, ...rest].sort(
        (a, b) => position.get(a.key)! - position.get(b.key)!,
      );
    }
  }

  /** The next letter for this lane, or undefined when there is none it should take. */
  take(lane: number): T | undefined {
    const letter = this.queues[lane]?.shift() ?? this.steal(lane);
    if (letter) this.drawn[lane]!.add(letter.lang);
    return letter;
  }

  private steal(lane: number): T | undefined {
    const drawn = this.drawn[lane]!;
    let victim: T[] | undefined;
    let at = -1;
    let most = 0;
    this.queues.forEach((queue, i) => {
      if (i === lane) return;
      const left = queue.reduce((sum, l) => sum + (drawn.has(l.lang) ? cost(l) : 0), 0);
      if (left > most) [victim, most] = [queue, left];
    });
    if (!victim) return undefined;
    const queue: T[] = victim;
    for (at = queue.length - 1; at >= 0 && !drawn.has(queue[at]!.lang); at--);
    return at >= 0 ? queue.splice(at, 1)[0] : undefined;
  }
}

function cost(letter: QueuedLetter): number {
  return letterCost({ lang: letter.lang, documents: letter.jobs.length });
}
