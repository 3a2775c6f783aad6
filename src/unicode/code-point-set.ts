/**
 * A set of code points read from ranges (sets.ts), tested by binary search: what a Unicode property escape in a regular
 * expression tells, without V8 parsing and compiling that expression at its first use (~0.1–0.5 ms each, at every start).
 */
export class CodePointSet {
  /** Inclusive ranges, first and last code point of each, rising; decoded at the first test. */
  private ranges: Uint32Array | undefined;
  /** Membership of the ASCII code points, the commonest by far in a Latin letter. */
  private readonly ascii = new Uint8Array(128);

  constructor(private readonly encoded: string) {}

  /** Whether the code point `cp` is in the set. */
  has(cp: number): boolean {
    const ranges = this.ranges ?? this.decode();
    if (cp < 128) return this.ascii[cp] === 1;
    let lo = 0;
    let hi = ranges.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ranges[2 * mid + 1]! < cp) lo = mid + 1;
      else hi = mid;
    }
    return lo < ranges.length >> 1 && ranges[2 * lo]! <= cp;
  }

  /** The first code point of `text` in the set (as `/[…]/u.exec(text)?.[0]`, as a number), else undefined. */
  firstIn(text: string): number | undefined {
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (this.has(cp)) return cp;
      if (cp > 0xffff) i++;
    }
    return undefined;
  }

  /** Whether any code point of `text` is in the set (as `/[…]/u.test(text)`). */
  someIn(text: string): boolean {
    return this.firstIn(text) !== undefined;
  }

  /** Whether every code point of `text` is in the set; true for an empty string. */
  everyIn(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (!this.has(cp)) return false;
      if (cp > 0xffff) i++;
    }
    return true;
  }

  /** `text` without the code points of the set (as `text.replace(/[…]/gu, '')`). */
  removeFrom(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      const wide = cp > 0xffff;
      if (!this.has(cp)) out += wide ? text.slice(i, i + 2) : text[i];
      if (wide) i++;
    }
    return out;
  }

  private decode(): Uint32Array {
    const parts = this.encoded.split(' ');
    const ranges = new Uint32Array(parts.length);
    let next = 0;
    for (let i = 0; i < parts.length; i += 2) {
      const first = next + Number.parseInt(parts[i]!, 36);
      const last = first + Number.parseInt(parts[i + 1]!, 36);
      ranges[i] = first;
      ranges[i + 1] = last;
      for (let cp = first; cp <= last && cp < 128; cp++) this.ascii[cp] = 1;
      next = last + 1;
    }
    this.ranges = ranges;
    return ranges;
  }
}
