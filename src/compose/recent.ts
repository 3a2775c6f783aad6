/** A table bounded by use: what a batch's letters read again stays, what one letter read alone goes first. */

/** Most recently used last; the oldest goes when the table is full. */
export class Recent<K, V> {
  private readonly table = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const value = this.table.get(key);
    if (value !== undefined) this.remember(key, value);
    return value;
  }

  remember(key: K, value: V): void {
    this.table.delete(key);
    this.table.set(key, value);
    if (this.table.size > this.limit) this.table.delete(this.table.keys().next().value!);
  }
}
