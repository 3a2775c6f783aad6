/** The `letter` command: argv → options → the library API → exit status (0 written, 1 some failed, 2 bad input or usage). */

import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
// Each command loads only its own part of the library (`await import` of the module src/index.ts re-exports it from):
// in the bundle, a module's top level then runs only if a command uses it, so `letter build` does not initialise
// verification, watching, init or the recipient search (test/perf/bundle.test.ts).
import { EXIT, isLetterError, LetterError, problem } from '../diag/index.js';
import { TOOL_VERSION } from '../tool/index.js';
import type { BuildOptions, Format, RecipientMatch, Shard } from '../index.js';
import {
  counted,
  jsonCommand,
  jsonDiagnostic,
  printDiagnostics,
  printInternalError,
  printJson,
  printJsonFailure,
} from './report.js';
import { optionParsers, usageFromCommander } from './usage.js';
import { progressReporter } from './progress.js';
import { verifyText } from './verify-text.js';
import { stderr, stdout } from './streams.js';

export { usedStreams } from './streams.js';

export async function main(argv: readonly string[]): Promise<number> {
  let status: number = EXIT.OK;
  // With --json every outcome is one JSON object on stdout, commander's parse errors too; so they are not printed here.
  const json = jsonCommand(argv);
  // Values letter checks itself (formats, --jobs, --shard): a value refused here is kept as its diagnostic.
  const parse = optionParsers();
  const program = new Command('letter')
    .description(
      'Turn one structured letter into signed PDF and DOCX letters in Korean, English and Chinese.',
    )
    .version(TOOL_VERSION)
    .exitOverride()
    // Commander's parse errors are printed by the catch below, as letter's own usage diagnostics (values cut off).
    .configureOutput({
      writeOut: (s) => stdout().write(s),
      writeErr: (s) => stderr().write(s),
      outputError: () => undefined,
    });

  program
    .command('build')
    .description('build every recipient × language × format of a letter')
    .argument('[dir]', 'letter project folder', '.')
    .option(
      '-l, --lang <list>',
      'languages, comma-separated (default: letter.yaml languages)',
      parse.list('--lang', 'en,ko'),
    )
    .option('-f, --format <list>', 'formats: pdf,docx', parse.formats)
    .option('-t, --to <ids>', 'recipient ids instead of letter.yaml `to`', parse.list('--to', 'kr,th'))
    .option('-o, --out <dir>', 'output folder (default: DIR/dist)')
    .option('--sign', 'sign every document (needs --p12)')
    .option('--p12 <file>', 'PKCS#12 file with the signing key; password from LETTER_P12_PASSWORD')
    .option('--p12-password-file <file>', 'read the PKCS#12 password from this file')
    .option('--tsa <url>', 'time-stamp each signature at this RFC 3161 authority (PAdES/XAdES B-T)')
    .option(
      '--ltv <file>',
      "chain certificate, CRL or OCSP response for each PDF's DSS (PAdES B-LT, needs --tsa); repeatable",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--lta',
      'after the DSS, a document time-stamp from --tsa over each whole PDF (PAdES B-LTA, needs --ltv)',
    )
    .option('--pdfa', 'write PDF/A-2b')
    .option(
      '-j, --jobs <n>',
      'threads that render, this one included, each language on one (default on 2+ cores: 2 from 24 letters of unsigned PDFs or 300 letters, else 1)',
      parse.jobs,
    )
    .option('--shard <k/n>', 'build only the K-th of N parts of the job list', parse.shard)
    .option('--keep-going', 'skip documents whose own inputs are invalid; exit 1')
    .option('--strict', 'warnings fail too (exit 2, nothing written)')
    .option('--watch', 'rebuild when an input changes')
    .option('--json', 'print one JSON object on stdout')
    .option('--quiet', 'print nothing but errors')
    .action(async (dir: string, opts: BuildFlags) => {
      status = await runBuild(dir, opts);
    });

  program
    .command('check')
    .description('validate everything, write nothing')
    .argument('[dir]', 'letter project folder', '.')
    .option('--json', 'print one JSON object on stdout')
    .option('--strict', 'warnings fail too')
    .action(async (dir: string, opts: { json?: boolean; strict?: boolean }) => {
      const { check } = await import('../pipeline/index.js');
      const result = await check({ dir, strict: Boolean(opts.strict) });
      if (opts.json)
        printJson({
          ok: result.ok,
          // SPEC §8's --json object is {ok, outputs, errors}: check writes nothing, so its outputs are none.
          outputs: [],
          errors: result.errors.map(jsonDiagnostic),
          warnings: result.warnings.map(jsonDiagnostic),
        });
      else {
        printDiagnostics([...result.errors, ...result.warnings]);
        if (result.ok)
          stderr().write(
            `letter check: ${counted(result.documents, 'document')}, no errors${result.warnings.length ? `, ${counted(result.warnings.length, 'warning')}` : ''}\n`,
          );
      }
      status = result.exitCode;
    });

  program
    .command('init')
    .description('scaffold a letter project from the example letter')
    .argument('[dir]', 'folder to create', '.')
    .action(async (dir: string) => {
      const { init } = await import('../init/index.js');
      const made = init({ dir });
      stderr().write(
        `letter init: wrote ${made.files.length} files in ${made.dir}; build it with \`letter build ${dir}\`\n`,
      );
    });

  program
    .command('recipients')
    .description("search the directory and the project's recipients")
    .argument('[query]', 'id, country or office, in any language', '')
    .option('--lang <lang>', 'language of the titles shown', 'en')
    .option('--dir <dir>', 'letter project whose recipients.yaml is searched too', '.')
    .option('--stale', 'only entries whose holder data is older than 180 days or past its term')
    .option('--json', 'print JSON')
    .action(async (query: string, opts: { lang: string; dir: string; json?: boolean; stale?: boolean }) => {
      const { recipients, recipientsAdvice } = await import('../recipients/index.js');
      const found = recipients({
        query,
        lang: opts.lang,
        dir: opts.dir,
        ...(opts.stale ? { stale: true } : {}),
      });
      if (opts.json) printJson(found);
      else for (const r of found) stdout().write(recipientLine(r));
      if (found.length === 0 && query.trim() && !opts.stale) {
        // Nothing found is an answer, not an error in the input: exit 1, and say what is near.
        const advice = recipientsAdvice({ query, lang: opts.lang, dir: opts.dir });
        const near = advice.suggestions.map((m) => `${m.id} (${m.country ?? m.title})`).join(', ');
        stderr().write(
          `letter recipients: no entry matches '${query}'${advice.notListed ? `: ${advice.notListed} is not in the directory, which lists the UN member states, the Holy See, Palestine, the UN and the EU; define the recipient in recipients.yaml` : ''}${near ? `\n  did you mean: ${near}?` : ''}\n`,
        );
        status = 1;
      }
    });

  /** One entry per line, tab-separated: id, title, holder, the holder data's date, age and source, and any caveat. */
  function recipientLine(r: RecipientMatch): string {
    const dated = r.asOf
      ? `\t(as of ${r.asOf}${r.age !== undefined ? `, ${r.age} days` : ''}${r.until ? `, term until ${r.until}` : ''}${r.stale ? ', STALE' : ''}; ${r.source})`
      : '';
    return `${r.id}\t${r.title}${r.holder ? `\t${r.holder}` : ''}${dated}${r.caveat ? `\tnote: ${r.caveat}` : ''}\n`;
  }

  program
    .command('verify')
    .description('check signatures and hashes')
    .argument('[files...]', 'signed PDF or DOCX files')
    .option('--manifest <file>', 'recheck every file a manifest lists')
    .option(
      '--trust <file>',
      'PEM file of a CA (or signer) certificate to trust; repeatable',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--json', 'print JSON')
    .action(async (files: string[], opts: { manifest?: string; trust?: string[]; json?: boolean }) => {
      const { verify } = await import('../verify/index.js');
      if (!files.length && !opts.manifest)
        throw new LetterError(
          problem(
            'usage',
            'give files to verify, or --manifest FILE',
            {},
            'e.g. letter verify dist/cn/*.pdf, or letter verify --manifest dist/manifest.json',
          ),
        );
      const result = await verify({
        files,
        ...(opts.manifest ? { manifest: opts.manifest } : {}),
        ...(opts.trust ? { trust: opts.trust } : {}),
      });
      // SPEC §8's --json object is {ok, outputs, errors}: verify writes nothing, and a file that fails verification is
      // a report (its problems), not an error in the command line or the input; the keys are there as in a failure.
      if (opts.json) printJson({ ok: result.ok, outputs: [], reports: result.reports, errors: [] });
      else for (const r of result.reports) stdout().write(verifyText(r));
      status = result.ok ? EXIT.OK : EXIT.PARTIAL;
    });

  program
    .command('manifest')
    .description('work with build manifests')
    .command('merge')
    .description('join the manifests of shards into one')
    .argument('<files...>', 'manifest.json files')
    .option('-o, --out <file>', 'write here instead of stdout')
    .action(async (files: string[], opts: { out?: string }) => {
      const { mergeManifests, writeMergedManifest } = await import('../index.js');
      const merged = mergeManifests(files);
      if (opts.out) writeMergedManifest(opts.out, merged);
      else stdout().write(merged);
    });

  try {
    await program.parseAsync(argv as string[]);
    return status;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version')
        return EXIT.OK;
      const usage = usageFromCommander(e, program, argv, parse.rejected());
      if (json) printJsonFailure(json, [usage]);
      else printDiagnostics([usage]);
      return EXIT.BAD_INPUT;
    }
    if (isLetterError(e)) {
      if (json) printJsonFailure(json, e.diagnostics);
      else printDiagnostics(e.diagnostics);
      return EXIT.BAD_INPUT;
    }
    if (json) {
      const message = `internal error: ${e instanceof Error ? e.message : String(e)}`;
      printJsonFailure(json, [
        problem(
          'internal',
          message,
          {},
          `this is a bug in letter ${TOOL_VERSION}; please report it with the command you ran and the trace on stderr`,
        ),
      ]);
    }
    printInternalError(e, TOOL_VERSION);
    return EXIT.PARTIAL;
  }
}

interface BuildFlags {
  lang?: string[];
  format?: Format[];
  to?: string[];
  out?: string;
  sign?: boolean;
  p12?: string;
  p12PasswordFile?: string;
  tsa?: string;
  ltv?: string[];
  lta?: boolean;
  pdfa?: boolean;
  jobs?: number;
  shard?: Shard;
  keepGoing?: boolean;
  strict?: boolean;
  watch?: boolean;
  json?: boolean;
  quiet?: boolean;
}

async function runBuild(dir: string, flags: BuildFlags): Promise<number> {
  const { build } = await import('../pipeline/index.js');
  const usage = (message: string, hint?: string) => {
    throw new LetterError(problem('usage', message, {}, hint));
  };
  let sign: { p12: string; password: string } | undefined;
  if (flags.sign || flags.p12) {
    if (!flags.p12)
      usage(
        '--sign needs --p12 FILE',
        'give the PKCS#12 file with the signing key: --sign --p12 FILE (password in LETTER_P12_PASSWORD)',
      );
    const password =
      flags.p12PasswordFile !== undefined
        ? readPasswordFile(flags.p12PasswordFile)
        : process.env['LETTER_P12_PASSWORD'];
    if (password === undefined)
      usage('no password for the PKCS#12 file', 'set LETTER_P12_PASSWORD or give --p12-password-file FILE');
    sign = { p12: flags.p12!, password: password! };
  }
  if (flags.ltv && !sign)
    usage(
      '--ltv adds validation data to signatures, so it needs --sign --p12 FILE and --tsa URL',
      'add --sign --p12 FILE --tsa URL, or leave --ltv out',
    );
  if (flags.lta && !flags.ltv)
    usage(
      "--lta time-stamps a PDF's long-term validation data, so it needs --ltv (and --sign, --tsa)",
      'add --ltv FILE (the CA certificate, a CRL or an OCSP response), or leave --lta out',
    );
  if (flags.tsa !== undefined && !sign)
    usage(
      '--tsa time-stamps signatures, so it needs --sign --p12 FILE',
      'add --sign --p12 FILE, or leave --tsa out',
    );
  const options = {
    dir,
    ...(flags.out ? { out: flags.out } : {}),
    ...(flags.lang ? { langs: flags.lang } : {}),
    ...(flags.format ? { formats: flags.format } : {}),
    ...(flags.to ? { to: flags.to } : {}),
    ...(flags.shard ? { shard: flags.shard } : {}),
    ...(flags.jobs ? { jobs: flags.jobs } : {}),
    ...(sign ? { sign } : {}),
    ...(flags.tsa !== undefined ? { tsa: flags.tsa } : {}),
    ...(flags.ltv ? { ltv: flags.ltv } : {}),
    ...(flags.lta ? { lta: true } : {}),
    ...(flags.pdfa ? { pdfa: true } : {}),
    keepGoing: Boolean(flags.keepGoing),
    ...(flags.strict ? { strict: true } : {}),
  };
  if (flags.watch) return runWatch(options, flags);
  const progress = await progressReporter(Boolean(flags.quiet));
  // Ctrl-C stops the workers and leaves only whole files behind (exit 130); a second Ctrl-C kills at once.
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.once('SIGINT', onSigint);
  const result = await build({
    ...options,
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    signal: interrupt.signal,
    // This process runs nothing but the build: it may set V8's flags for it (pipeline/engine.ts).
    tuneEngine: true,
  }).finally(() => process.off('SIGINT', onSigint));
  progress.stop();
  if (flags.json) {
    printJson({
      ok: result.ok,
      outputs: result.outputs.map(({ path, ...o }) => ({ ...o, path })),
      errors: result.errors.map(jsonDiagnostic),
      warnings: result.warnings.map(jsonDiagnostic),
      problems: result.problems.map((p) => ({ ...p, errors: p.errors.map(jsonDiagnostic) })),
      ...(result.manifest ? { manifest: result.manifest } : {}),
    });
  } else {
    printDiagnostics(result.errors);
    if (!flags.quiet) printDiagnostics(result.warnings);
    for (const p of result.problems) stderr().write(`letter: ${p.status} ${p.file}\n`);
    if (!flags.quiet && result.outputs.length)
      stderr().write(
        `letter: wrote ${counted(result.outputs.length, 'document')}${result.manifest ? ` and ${result.manifest}` : ''}\n`,
      );
    // A shard may hold none of a short job list (--shard 3/5 of two documents): said, so a CI log does not read as a
    // build that printed nothing.
    else if (!flags.quiet && result.ok && flags.shard && result.manifest)
      stderr().write(
        `letter: shard ${flags.shard.k}/${flags.shard.n} holds none of the documents; wrote ${result.manifest} (empty) for manifest merge\n`,
      );
  }
  return result.exitCode;
}

/** `--watch`: build, then rebuild on every change until Ctrl-C; each round prints like `letter check` (or one JSON line). */
async function runWatch(options: BuildOptions, flags: BuildFlags): Promise<number> {
  const { watch } = await import('../watch/index.js');
  const handle = watch({
    ...options,
    onEvent: (event) => {
      if (event.kind === 'crashed') return printInternalError(event.error, TOOL_VERSION);
      const { result } = event;
      if (flags.json) {
        stdout().write(
          `${JSON.stringify({ ok: result.ok, changed: event.changed, outputs: result.outputs.map((o) => o.file), errors: result.errors.map(jsonDiagnostic) })}\n`,
        );
        return;
      }
      for (const line of event.report) stderr().write(`${line}\n`);
      const what = event.changed.length ? `${event.changed.join(', ')} changed: ` : '';
      if (!flags.quiet || !result.ok) {
        stderr().write(
          `letter: ${what}${result.ok ? `wrote ${counted(result.outputs.length, 'document')}` : 'kept the last good files'}; watching for changes (Ctrl-C to stop)\n`,
        );
      }
    },
  });
  await new Promise<void>((resolveStop) => process.once('SIGINT', () => resolveStop()));
  await handle.close();
  return EXIT.OK;
}

/** The password file's text; the path is never echoed: a password typed where the path goes would reach the log. */
function readPasswordFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (code ?? 'unreadable');
    throw new LetterError(
      problem(
        'usage',
        `cannot read the file given to --p12-password-file (${why}; the path is not shown, in case it is a password)`,
        {},
        '--p12-password-file takes the path of a file holding the password, not the password',
      ),
    );
  }
}
