/**
 * A locale value that hard-codes a form of address (阁下, 陛下, 각하, 폐하, 성하, Excellency, Majesty, Holiness …) reads
 * right to one kind of office only; sent also to a king, the Pope or a president whose custom differs, it addresses them
 * wrongly (SPEC §4). Each such value is a warning naming the recipients it does not fit, the key and the placeholder.
 */

import { problem, shown, type Diagnostic } from '../diag/index.js';
import { Addressees, addressing, reachableKeys, type Addressing } from '../compose/index.js';
import { flatKeys, valueAt, type Project, type RecipientRef } from '../load/index.js';
import type { Lang } from '../model/index.js';
import { keyUses } from './locales.js';

type StyleName = 'excellency' | 'majesty' | 'highness' | 'holiness';

/**
 * A Korean honorific as a word of its own: after a space, a mark or a title (대통령각하), never inside a word, where the
 * same syllables are common (생각하는, 안전하게, 발전하는, 철폐하여, 작성하고).
 */
function koHonorific(word: string, after = ''): RegExp {
  return new RegExp(
    `(?:(?<![가-힣])|(?<=(?:대통령|국왕|여왕|황제|천황|왕세자|왕자|공주|교황|주석|위원장|총리|수상)))${word}${after}`,
    'u',
  );
}

/** The words by which a language's text addresses one style of office; a language not listed here is not checked. */
const STYLE_WORDS: Readonly<Record<string, readonly (readonly [RegExp, string, StyleName])[]>> = {
  en: [
    [/\bExcellency\b/i, 'Excellency', 'excellency'],
    [/\bMajesty\b/i, 'Majesty', 'majesty'],
    [/\bHighness\b/i, 'Highness', 'highness'],
    [/\bHoliness\b/i, 'Holiness', 'holiness'],
  ],
  ko: [
    [koHonorific('각하'), '각하', 'excellency'],
    [koHonorific('폐하'), '폐하', 'majesty'],
    // 전하다 (to convey) starts words too: 전하고자, 전하게, 전하는 말씀.
    [koHonorific('전하', '(?![고게며여기지다니면려던였는])'), '전하', 'highness'],
    [koHonorific('성하'), '성하', 'holiness'],
  ],
  zh: [
    [/阁下/, '阁下', 'excellency'],
    [/陛下/, '陛下', 'majesty'],
    [/殿下/, '殿下', 'highness'],
    [/圣座|冕下/, '圣座', 'holiness'],
  ],
};

/**
 * Whether a word of `style` addresses this recipient right: its office's style, and no custom against it (zh 阁下 to
 * a US president, ko 각하 to the ROK's).
 */
function fits(style: StyleName, who: Addressing, lang: Lang): boolean {
  if (who.addressee.style.toLowerCase() !== style) return false;
  if (style !== 'excellency') return true;
  if (lang === 'zh') return !who.customs.includes('no-excellency');
  if (lang === 'ko') return !who.customs.includes('no-gakha');
  return true;
}

/** Warnings for the languages being built and the recipients the letters go to. */
export function hardCodedFormWarnings(
  project: Project,
  refs: readonly RecipientRef[],
  langs: readonly Lang[],
  addressees: Addressees = new Addressees(project),
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const lang of langs) {
    const words = STYLE_WORDS[lang];
    const file = project.texts.get(lang);
    if (!words || !file) continue;
    const keys = flatKeys(file.data);
    const recipients = refs
      .map((ref) => ({ ref, who: addressing(project, ref, lang, addressees) }))
      .filter((r): r is { ref: RecipientRef; who: Addressing } => r.who !== undefined);
    // What a key reaches and which words its value has are the same for every recipient: found once per key.
    const reach = oncePerKey((chosen) =>
      reachableKeys(file.data, keys, chosen).filter((k) => k === chosen || !k.startsWith(`${chosen}_`)),
    );
    const wordsIn = oncePerKey((key) => {
      const text = (valueAt(file.data, key) ?? '').replace(/\{\{[^}]*\}\}/g, ' ');
      return words.filter(([pattern]) => pattern.test(text));
    });
    // key → word → the recipients whose letters read that value and whom the word does not fit.
    const unfit = new Map<string, Map<string, { style: StyleName; ids: Map<string, Addressing> }>>();
    for (const use of keyUses(project.letter)) {
      for (const { ref, who } of recipients) {
        const chosen =
          who.contexts.map((c) => `${use.key}_${c}`).find((k) => valueAt(file.data, k) !== undefined) ??
          use.key;
        for (const key of reach(chosen)) {
          for (const [, word, style] of wordsIn(key)) {
            if (fits(style, who, lang)) continue;
            const byWord =
              unfit.get(key) ?? new Map<string, { style: StyleName; ids: Map<string, Addressing> }>();
            const entry = byWord.get(word) ?? { style, ids: new Map<string, Addressing>() };
            entry.ids.set(ref.id, who);
            byWord.set(word, entry);
            unfit.set(key, byWord);
          }
        }
      }
    }
    for (const [key, byWord] of unfit) {
      for (const [word, { style, ids }] of byWord) {
        const named = [...ids].map(
          ([id, who]) => `'${id}' (${who.addressee.title}, ${who.addressee.honorific})`,
        );
        const example = [...ids.values()][0]!.addressee.honorific;
        out.push({
          ...problem(
            'hard-coded-form',
            `'${shown(key)}' in ${file.file} hard-codes '${word}' (${style}), which does not fit ${named.join(', ')}`,
            file.locate(key),
            `write {{recipient.honorific}} instead of '${word}' (it reads '${example}' to '${[...ids.keys()][0]}'), or give those recipients a variant '${shown(key)}_<style>' (${[...new Set([...ids.values()].map((w) => w.addressee.style.toLowerCase()))].join(', ')})`,
          ),
          severity: 'warning',
        });
      }
    }
  }
  return out;
}

/** `make` for each key, worked out the first time the key is asked for. */
function oncePerKey<T>(make: (key: string) => T): (key: string) => T {
  const known = new Map<string, T>();
  return (key) => {
    if (!known.has(key)) known.set(key, make(key));
    return known.get(key)!;
  };
}
