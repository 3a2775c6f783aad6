/** Composing one letter: i18next text and forms of address into a Handlebars template, its Markdown into the document model. */

import type { FontBook } from '../fonts/index.js';
import { LetterError, uniqueDiagnostics, type Diagnostic } from '../diag/index.js';
import { FORM_FIELDS, type Project, type RecipientRef } from '../load/index.js';
import { localize, localizeStrict, type LetterDoc, type Lang } from '../model/index.js';
import type { Job } from '../plan/index.js';
import { ccRecipients, type CcList } from './cc.js';
import { letterContext, plainText, addresseeContexts } from './context.js';
import { lookupOffice } from '../directory/index.js';
import type { Addressee } from '../directory/index.js';
import { TemplateSet } from './handlebars.js';
import { Translations } from './i18n.js';
import { parseLetterMarkdown } from './markdown.js';
import { MarkdownMemo } from './markdown-memo.js';
import { Addressees } from './addressees.js';
import { resolveRecipient, type ResolvedRecipient } from './recipient.js';
import { TextReader } from './sources.js';
import { projectForms } from './own-forms.js';
import { TextMemo } from './text-memo.js';

export { resolveRecipient } from './recipient.js';
export { Addressees } from './addressees.js';
// What the checks (src/check) read a project's text with, so they judge it as composing does.
export { inlineText } from './inline.js';
export { LABELS } from './context.js';
export { reachableKeys, Translations } from './i18n.js';
export { TextReader } from './sources.js';
export { TextMemo } from './text-memo.js';

/** How the letters address one recipient in one language (for checks): its forms, customs and the text contexts it reads. */
export interface Addressing {
  readonly addressee: Addressee;
  readonly customs: readonly string[];
  /** i18next contexts, most specific first, as compose tries them for each key. */
  readonly contexts: readonly string[];
}

/**
 * The recipient's forms in `lang`, or undefined when its own inputs are wrong (compose reports that). `addressees`:
 * the project's forms worked out so far (a build's composer has them all).
 */
export function addressing(
  project: Project,
  ref: RecipientRef,
  lang: Lang,
  addressees: Addressees = new Addressees(project),
): Addressing | undefined {
  try {
    const recipient = resolveRecipient(project, ref);
    const addressee = addressees.for(recipient, lang, project.letter.register);
    const office = recipient.officeId !== undefined ? lookupOffice(recipient.officeId) : undefined;
    return {
      addressee,
      customs: office?.customs ?? [],
      contexts: addresseeContexts(addressee),
    };
  } catch (e) {
    if (e instanceof LetterError) return undefined;
    throw e;
  }
}

export interface ComposerOptions {
  readonly project: Project;
  readonly fonts: FontBook;
  /** The instant written into the documents (SOURCE_DATE_EPOCH, else the letter's date). */
  readonly created: Date;
}

/** Composes letters of one project; templates and translations are prepared once and reused for every document. */
export class Composer {
  /** The project's text and the tool's strings (check reads the text with the same, before the letters are composed). */
  readonly translations: Translations;
  private readonly templates: TemplateSet;
  private readonly recipients = new Map<string, ResolvedRecipient>();
  /** The `cc` recipients per language: they depend on the project and language only. */
  private readonly cc = new Map<Lang, CcList>();
  private readonly found: Diagnostic[] = [];
  /** The Markdown pieces the letters share (all but the recipient's lines), parsed once for the batch. */
  readonly markdown = new MarkdownMemo();
  /** The text the letters share (each key's value for the same variables), read once for the batch. */
  readonly texts = new TextMemo();
  /** Each recipient's forms of address, worked out once for composing and checking. */
  readonly addressees: Addressees;

  constructor(private readonly opts: ComposerOptions) {
    this.translations = new Translations(opts.project);
    this.templates = new TemplateSet(opts.project.templates, opts.project.letter.template);
    this.addressees = new Addressees(opts.project);
  }

  /** The document for one job; every problem in its inputs (missing key, uncovered character, unknown id) at once. */
  compose(job: Pick<Job, 'recipient' | 'lang'>): LetterDoc {
    const { project, fonts } = this.opts;
    const lang = job.lang;
    const recipient = this.resolve(job.recipient);
    const locale = fonts.locale(lang);
    const reader = new TextReader(project, this.translations, fonts, lang, this.texts);
    checkNames(project, recipient, reader);
    const addressee = this.addressees.for(recipient, lang, project.letter.register);
    const cc = this.ccList(lang);
    reader.problems.push(...cc.problems);
    const { context, signatures, title } = letterContext({
      project,
      translations: this.translations,
      reader,
      recipient,
      addressee,
      locale,
      ccRecipients: cc.recipients,
      recipientClose: projectForms(recipient, lang).close !== undefined,
    });
    if (reader.problems.length) throw new LetterError(reader.problems);
    const markdown = this.templates.forLang(lang)(context);
    const main = project.templates.get(project.letter.template)!;
    const sections = parseLetterMarkdown(markdown, { file: main.file, signatures }, this.markdown);
    const author = project.letter.signatories.map((s) => localize(s.org, lang) ?? '').join('; ');
    return {
      lang,
      locale,
      paper: project.letter.paper,
      meta: {
        title,
        ...(context.subtitle ? { subject: plainText(context.subtitle.toString()) } : {}),
        author,
        keywords: [addressee.title, project.letter.slug].filter(Boolean),
        created: this.opts.created,
      },
      pageLabel: context.labels['page'] ?? '{page} / {pages}',
      ...(context.labels['signed_by'] ? { signedByLabel: context.labels['signed_by'] } : {}),
      sections,
    };
  }

  /** Warnings found while composing so far (each letter adds its own), each once. */
  warnings(): Diagnostic[] {
    return uniqueDiagnostics(this.found);
  }

  private resolve(ref: RecipientRef): ResolvedRecipient {
    let resolved = this.recipients.get(ref.id);
    if (!resolved) {
      resolved = resolveRecipient(this.opts.project, ref);
      this.recipients.set(ref.id, resolved);
    }
    return resolved;
  }

  private ccList(lang: Lang): CcList {
    let cc = this.cc.get(lang);
    if (!cc) {
      cc = ccRecipients(this.opts.project, lang);
      this.cc.set(lang, cc);
    }
    return cc;
  }
}

/** Names and forms come from letter.yaml or the recipients file: checked where they are written, so an uncovered character names its line. */
function checkNames(project: Project, recipient: ResolvedRecipient, reader: TextReader): void {
  const lang = reader.lang;
  const { ref, own } = recipient;
  // Names never cross scripts, nor do forms of address (localizeStrict): each is checked in the language it is given for.
  for (const field of ['name', 'family', ...FORM_FIELDS] as const) {
    const fromLetter = localizeStrict(ref[field], lang);
    if (fromLetter !== undefined && ref.path.length)
      reader.value(fromLetter, `to[${String(ref.path[1])}].${field}`, () =>
        project.locateLetter([...ref.path, field]),
      );
    const fromFile = localizeStrict(own?.[field], lang);
    if (own && fromFile !== undefined) reader.value(fromFile, `recipients.${own.id}.${field}`, own.where);
  }
}
