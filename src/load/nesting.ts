/**
 * `$t(key)` nesting, checked before i18next ever expands it: a cycle (i18next cuts it silently, so the letter reads
 * "Start A B end") and an expansion bomb (26 levels of `$t(k)$t(k)` in a 1 KB file expand 67 million times) are errors
 * at the key, like YAML's alias limit.
 */

import { problem, shown, type Diagnostic } from '../diag/index.js';
import { flatKeys, valueAt } from './placeholders.js';
import type { LocaleFile } from './types.js';

/** `$t()` expansions one value may make in all (a letter needs a handful; each is a lookup and a copy). */
export const MAX_NESTED_EXPANSIONS = 1000;
/** Characters one value may expand to through `$t()`: a letter's longest paragraph is a few thousand. */
export const MAX_EXPANDED_CHARACTERS = 1_000_000;

/** A key a value nests with `$t(ns:key, {options})`; `ns` only when the reference names one. */
export interface NestedKey {
  readonly key: string;
  readonly ns?: string;
}

// i18next's own nesting pattern (Interpolator.resetRegExp): `$t(key)`, `$t(key, {"count": 2})`, quotes and one level of parentheses.
const NESTING = /\$t\(((?:[^()"']|"[^"]*"|'[^']*'|\((?:[^()"']|"[^"]*"|'[^']*')*\))*?)\)/g;

/** The keys a raw value nests with `$t(...)`, as i18next reads them (options and formatters cut off). */
export function nestedKeys(value: string): NestedKey[] {
  // Most values nest nothing: the pattern (compiled at its first use, in two tiers) only runs where it can match.
  if (!value.includes('$t(')) return [];
  return [...value.matchAll(NESTING)].map((m) => {
    const inner = m[1]!;
    const key = (/\{.*\}/s.test(inner) ? inner.split(/,\s*\{/)[0]! : inner.split(',')[0]!).trim();
    return splitNamespace(key);
  });
}

export function splitNamespace(qualified: string): NestedKey {
  const at = qualified.indexOf(':');
  return at > 0 ? { ns: qualified.slice(0, at), key: qualified.slice(at + 1) } : { key: qualified };
}

/** Cycles and oversize expansions among the keys of each file (`$t()` within its own namespace). */
export function nestingErrors(files: readonly LocaleFile[]): Diagnostic[] {
  return files.flatMap((file) => fileNestingErrors(file));
}

function fileNestingErrors(file: LocaleFile): Diagnostic[] {
  const keys = flatKeys(file.data);
  const values = new Map(keys.map((k) => [k, valueAt(file.data, k) ?? '']));
  if (![...values.values()].some((v) => v.includes('$t('))) return [];
  // `$t(g)` reaches `g` and its plural and context forms (`g_one`, `g_male`): indexed once, by every prefix before a `_`.
  const forms = new Map<string, string[]>();
  for (const k of keys) {
    for (let at = k.indexOf('_'); at > 0; at = k.indexOf('_', at + 1)) {
      const base = k.slice(0, at);
      const list = forms.get(base);
      if (list) list.push(k);
      else forms.set(base, [k]);
    }
  }
  const edges = new Map<string, string[][]>();
  for (const [k, v] of values) {
    const refs = nestedKeys(v).filter((r) => r.ns === undefined || r.ns === file.ns);
    edges.set(
      k,
      refs.map((r) => [...(values.has(r.key) ? [r.key] : []), ...(forms.get(r.key) ?? [])]),
    );
  }

  // Depth-first, without recursion (a chain of 60,000 keys must not overflow the stack): post-order sizes, and the
  // path on the stack names a cycle's keys.
  const state = new Map<string, 'open' | { count: number; chars: number }>();
  const out: Diagnostic[] = [];
  for (const root of keys) {
    if (state.has(root)) continue;
    const stack: { key: string; next: number }[] = [{ key: root, next: 0 }];
    state.set(root, 'open');
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const targets = edges.get(top.key)!.flat();
      if (top.next < targets.length) {
        const target = targets[top.next++]!;
        const seen = state.get(target);
        if (seen === 'open') {
          const cycle = [...stack.slice(stack.findIndex((f) => f.key === target)).map((f) => f.key), target];
          out.push(
            problem(
              'schema',
              `$t() nesting goes round in a circle: ${cycle.map((k) => `'${shown(k)}'`).join(' → ')} in ${file.file}`,
              file.locate(target),
              'i18next would cut the circle and drop text without a word: remove one of the $t() references',
            ),
          );
          return out;
        }
        if (seen === undefined) {
          state.set(target, 'open');
          stack.push({ key: target, next: 0 });
        }
        continue;
      }
      stack.pop();
      // Each $t() expands to the largest of the forms it may pick.
      let count = 1;
      let chars = values.get(top.key)!.length;
      for (const choice of edges.get(top.key)!) {
        const sizes = choice
          .map((k) => state.get(k))
          .filter((s): s is { count: number; chars: number } => typeof s === 'object');
        count += Math.max(0, ...sizes.map((s) => s.count));
        chars += Math.max(0, ...sizes.map((s) => s.chars));
      }
      state.set(top.key, { count, chars });
      if (count > MAX_NESTED_EXPANSIONS || chars > MAX_EXPANDED_CHARACTERS) {
        const what =
          count > MAX_NESTED_EXPANSIONS
            ? `${count > 1e15 ? 'more than 10^15' : count} $t() expansions, more than the ${MAX_NESTED_EXPANSIONS} allowed`
            : `${chars} characters, more than the ${MAX_EXPANDED_CHARACTERS} allowed`;
        out.push(
          problem(
            'input-too-large',
            `'${shown(top.key)}' in ${file.file} expands to ${what}`,
            file.locate(top.key),
            'nest fewer $t() references (the same key nested twice per level doubles at each level)',
          ),
        );
        return out;
      }
    }
  }
  return out;
}
