/** Things kept per face of a document (a FontRef's face and variant), looked up by the FontRef that names it. */

import type { FontRef } from '../../typeset/index.js';

/** A face's key: its name and variant (FontRef objects that name one face are often distinct objects). */
export function keyOf(ref: FontRef): string {
  return `${ref.face}/${ref.variant}`;
}

/**
 * Values by face, in the order added, with the one asked for last at hand: runs and items in a row nearly always
 * name one face, most often by the same FontRef object (the items of a line share theirs).
 */
export class ByFace<T> {
  private readonly byKey = new Map<string, T>();
  private lastRef: FontRef | undefined;
  private lastValue: T | undefined;

  get(ref: FontRef): T | undefined {
    if (ref === this.lastRef) return this.lastValue;
    const value = this.byKey.get(keyOf(ref));
    if (value !== undefined) {
      this.lastRef = ref;
      this.lastValue = value;
    }
    return value;
  }

  /** Adds the value of a face not added yet; gives it back. */
  add(ref: FontRef, value: T): T {
    this.byKey.set(keyOf(ref), value);
    this.lastRef = ref;
    this.lastValue = value;
    return value;
  }

  values(): IterableIterator<T> {
    return this.byKey.values();
  }
}
