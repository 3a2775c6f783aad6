/**
 * Usage errors as data. Option values letter checks itself are parsed by commander argParsers that keep the rejected
 * value's diagnostic; commander's own parse errors become diagnostics from their `code` and the command's declared
 * options and arguments, never from commander's text (which would quote `--p12-password=…` values whole).
 */

import { type Command, type CommanderError, InvalidArgumentError } from 'commander';
import { didYouMean, problem, shown, unknownChoice, type Diagnostic } from '../diag/index.js';
import { FORMATS, type Format } from '../load/index.js';
import { parseShard, type Shard } from '../plan/index.js';

const split = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The argParsers of options whose values letter checks, and the diagnostic of the value last rejected. */
export function optionParsers() {
  let rejected: Diagnostic | undefined;
  const reject = (d: Diagnostic): never => {
    rejected = d;
    throw new InvalidArgumentError(d.message);
  };
  return {
    rejected: (): Diagnostic | undefined => rejected,
    /** A comma-separated list that must name something: `--to ""` would otherwise build nothing and exit 0. */
    list(option: string, example: string): (value: string) => string[] {
      return (value) => {
        const items = split(value);
        if (!items.length) reject(emptyList(option, value, example));
        return items;
      };
    },
    formats(value: string): Format[] {
      const formats = split(value);
      if (!formats.length) reject(emptyList('--format', value, FORMATS.join(',')));
      for (const f of formats)
        if (!(FORMATS as readonly string[]).includes(f))
          reject(unknownChoice('usage', 'format', f, FORMATS, { option: '--format' }));
      return formats as Format[];
    },
    jobs(value: string): number {
      const jobs = Number(value);
      if (value.trim() === '' || !Number.isInteger(jobs) || jobs < 1)
        reject(
          problem(
            'usage',
            `--jobs '${shown(value)}' is not a positive whole number`,
            { value },
            'e.g. -j 2; leave it out for the default',
          ),
        );
      return jobs;
    },
    shard(value: string): Shard {
      return (
        parseShard(value) ??
        reject(
          problem(
            'usage',
            `--shard '${shown(value)}' is not K/N with 1 ≤ K ≤ N`,
            { value },
            'e.g. --shard 2/3',
          ),
        )
      );
    },
  };
}

function emptyList(option: string, value: string, example: string): Diagnostic {
  return problem(
    'usage',
    `${option} '${shown(value)}' names nothing`,
    { value },
    `give ${option} ${example}, or leave ${option} out for letter.yaml's choice`,
  );
}

/**
 * Commander's parse error as a usage diagnostic. `argv` is the whole process argv; `rejected` is what our own
 * argParsers refused (commander reports it only as text). A value given to an unknown option is never shown.
 */
export function usageFromCommander(
  error: CommanderError,
  program: Command,
  argv: readonly string[],
  rejected: Diagnostic | undefined,
): Diagnostic {
  const { command, rest } = activeCommand(program, argv.slice(2));
  const help = `see \`${commandPath(command)} --help\` for the arguments and options`;
  switch (error.code) {
    case 'commander.invalidArgument':
      if (rejected) return rejected;
      break;
    case 'commander.unknownOption':
      return unknownOption(command, rest, help);
    case 'commander.help': {
      // No command given (`letter`, `letter manifest`): commander has printed the help; say what is missing.
      const names = command.commands.map((c) => c.name()).filter((n) => n !== 'help');
      return problem(
        'usage',
        `${commandPath(command)} needs a command`,
        {},
        `the commands are ${names.join(', ')}; e.g. \`${commandPath(command)} ${names[0]} --help\``,
      );
    }
    case 'commander.unknownCommand': {
      const name = rest.find((a) => !a.startsWith('-')) ?? '';
      const names = command.commands.map((c) => c.name());
      const guess = didYouMean(name, names);
      return problem(
        'usage',
        `unknown command '${shown(name)}'`,
        { value: name },
        guess ? `did you mean '${guess}'?` : `the commands are ${names.join(', ')}`,
      );
    }
    case 'commander.optionMissingArgument': {
      // Commander stops at an option that takes a value when nothing follows it: the last argument.
      const last = rest[rest.length - 1];
      const option = command.options.find((o) => o.long === last || o.short === last);
      if (option)
        return problem(
          'usage',
          `${option.long ?? option.short} needs a value`,
          {},
          `give it as ${option.flags}`,
        );
      break;
    }
    case 'commander.missingArgument': {
      const needed = command.registeredArguments.filter((a) => a.required).map((a) => a.name());
      return problem(
        'usage',
        `${commandPath(command)} needs ${needed.map((n) => `<${n}>`).join(' ')}`,
        {},
        help,
      );
    }
    case 'commander.excessArguments': {
      const accepted = command.registeredArguments.length;
      return problem(
        'usage',
        `${commandPath(command)} takes ${accepted === 1 ? 'one argument' : `${accepted} arguments`}, given more`,
        {},
        `${help}; quote a path that has spaces`,
      );
    }
  }
  // A code letter has no option or argument for (none arises today): commander's text names only our own flags.
  return problem(
    'usage',
    `${commandPath(command)}: the command line is not understood (${error.code})`,
    {},
    help,
  );
}

/** The unknown option as the user typed it, without a value (`--token=…`, `-p…`); a password option gets advice. */
function unknownOption(command: Command, rest: string[], help: string): Diagnostic {
  const { unknown } = command.parseOptions([...rest]);
  const typed = unknown.find((a) => a.startsWith('-')) ?? '';
  const flag = typed.startsWith('--') ? typed.replace(/=.*/s, '') : typed.slice(0, 2);
  const shownFlag = `${flag}${flag.length < typed.length ? '…' : ''}`;
  const quoted = typed.startsWith('--') && flag !== typed ? `${flag}=…` : shownFlag;
  if (/pass/i.test(flag))
    return problem(
      'usage',
      `unknown option '${shown(quoted)}': a password is never taken on the command line`,
      {},
      'a password in argv shows in the process list, shell history and CI logs: set LETTER_P12_PASSWORD, or give --p12-password-file FILE',
    );
  const guess = didYouMean(
    flag,
    command.options.flatMap((o) => (o.long ? [o.long] : [])),
  );
  return problem('usage', `unknown option '${shown(quoted)}'`, {}, guess ? `did you mean '${guess}'?` : help);
}

/** The subcommand the arguments name (`build`, `manifest merge`), and the arguments after its name. */
function activeCommand(program: Command, args: string[]): { command: Command; rest: string[] } {
  let command = program;
  let rest = args;
  for (;;) {
    const sub = command.commands.find((c) => c.name() === rest[0] || c.aliases().includes(rest[0] ?? ''));
    if (!sub) return { command, rest };
    command = sub;
    rest = rest.slice(1);
  }
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
