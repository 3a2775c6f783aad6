/** A table bounded by use: what a batch's letters read again stays, what one letter read alone goes first. */

interface Entry<V> {
  readonly value: V;
  /** Read since it was last passed over for eviction. */
  used: boolean;
}

/**
 * A bounded table that evicts the oldest entry not read since it was last passed over (the "second chance" clock): an
 * entry every letter reads stays however many recipient-specific entries pass through. A read only marks the entry,
 * so the table is not reordered at every hit (a Map delete and set for each of a letter's thousand reads).
 */
export class Recent<K, V> {
  private readonly table = new Map<K, Entry<V>>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const entry = this.table.get(key);
    if (entry === undefined) return undefined;
    entry.used = true;
    return entry.value;
  }

  remember(key: K, value: V): void {
    this.table.delete(key);
    this.table.set(key, { value, used: false });
    while (this.table.size > this.limit) {
      const [oldest, entry] = this.table.entries().next().value!;
      this.table.delete(oldest);
      if (entry.used && oldest !== key) this.table.set(oldest, { value: entry.value, used: false });
    }
  }
}
