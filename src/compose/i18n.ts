/** i18next over the project's text and the tool's strings, one instance per project, created synchronously. */

import i18next, { type i18n as I18n } from 'i18next';
import type { Lang } from '../model/index.js';
import type { Project } from '../load/index.js';
import { TEXT_NS } from '../load/index.js';
import { escapeMarkdown } from './escape.js';

/** Translations for one project: `text(lang, key, vars)` for letter.json, `tool(lang, ns, key, vars)` for the tool's strings. */
export class Translations {
  private readonly i18n: I18n;

  constructor(project: Project) {
    const resources: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const [lang, file] of project.texts) resources[lang] = { [TEXT_NS]: { ...file.data } };
    for (const [lang, byNs] of project.toolStrings) {
      resources[lang] ??= {};
      for (const [ns, file] of byNs) resources[lang]![ns] = { ...file.data };
    }
    this.i18n = i18next.createInstance();
    void this.i18n.init({
      initAsync: false,
      resources,
      lng: project.letter.languages[0] ?? 'en',
      fallbackLng: false,
      ns: [TEXT_NS, ...new Set([...project.toolStrings.values()].flatMap((m) => [...m.keys()]))],
      defaultNS: TEXT_NS,
      returnNull: false,
      returnEmptyString: true,
      // Interpolated values are data (names, titles): escaped so Markdown prints them literally.
      interpolation: { escapeValue: true, escape: escapeMarkdown },
    });
  }

  has(lang: Lang, key: string, ns: string = TEXT_NS): boolean {
    return this.i18n.exists(key, { lng: lang, ns });
  }

  /** The project's text for a key (inline Markdown), with the context interpolated. */
  text(lang: Lang, key: string, vars: Record<string, unknown> = {}): string {
    return this.i18n.t(key, { lng: lang, ns: TEXT_NS, ...vars }) as string;
  }

  /** One of the tool's strings, or undefined when neither the tool nor the project has it. */
  tool(lang: Lang, ns: string, key: string, vars: Record<string, unknown> = {}): string | undefined {
    if (!this.i18n.exists(key, { lng: lang, ns })) return undefined;
    return this.i18n.t(key, { lng: lang, ns, ...vars, interpolation: { escapeValue: false } }) as string;
  }
}
