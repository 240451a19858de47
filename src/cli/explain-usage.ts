// Command lines that commander would misread, said in their own words (cli stage): an unknown
// command (commander shows the general help and exits 0 when it is followed by --help), a date and
// a time given as two words (`--since 2026-11-20 10:05`: the time becomes a tree file), and a
// variadic option that took the tree file as one of its values (`--logs dir tree.yaml`).

import type { Command, Option } from 'commander';
import type { FtreeError } from '../model/diagnostic.js';
import { didYouMean } from '../model/did-you-mean.js';
import { usageError } from './parse-options.js';

/** Options whose value is a point in time. */
const TIME_OPTIONS = new Set(['--since', '--until', '--onset']);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIME_OF_DAY = /^\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;
const TREE_FILE = /\.(?:ya?ml|xml)$/i;

/** Before parsing: an unknown command, or a date and a time given as two words. `args`: argv without node and the script. */
export function checkCommandLine(program: Command, args: readonly string[]): FtreeError | undefined {
  const first = firstOperand(program, args);
  if (first !== undefined) {
    const names = program.commands.flatMap((c) => [c.name(), ...c.aliases()]);
    if (!names.includes(first.value) && first.value !== 'help') {
      const near = didYouMean(first.value, names);
      return usageError(`Unknown command "${first.value}"`, near ? `did you mean ftree ${near}? (ftree --help lists the commands)` : 'ftree --help lists the commands');
    }
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf('=');
    const [flag, value, next] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1), args[i + 1]] : [arg, args[i + 1], args[i + 2]];
    if (!TIME_OPTIONS.has(flag) || value === undefined || next === undefined) continue;
    if (DATE_ONLY.test(value) && TIME_OF_DAY.test(next)) {
      return usageError(
        `The date and the time of ${flag} ${value} ${next} are two words on the command line, so ${next} would be read as a tree file`,
        `quote them, ${flag} "${value} ${next}", or join them with T, ${flag} ${value}T${next}`,
      );
    }
  }
  return undefined;
}

/** After commander found a required argument missing: a variadic option that took the tree file. */
export function explainMissingArgument(program: Command, args: readonly string[]): FtreeError | undefined {
  const first = firstOperand(program, args);
  const command = first && program.commands.find((c) => c.name() === first.value || c.aliases().includes(first.value));
  if (!command || !first) return undefined;
  const variadic = command.options.filter((o: Option) => o.variadic);
  for (let i = first.index + 1; i < args.length; i++) {
    const option = variadic.find((o) => o.long === args[i] || o.short === args[i]);
    if (!option) continue;
    for (let j = i + 1; j < args.length && !args[j]!.startsWith('-'); j++) {
      if (TREE_FILE.test(args[j]!)) {
        const values = args.slice(i + 1, j).join(' ');
        return usageError(
          `The option ${option.long} took ${args[j]} as one of its paths, so no tree file was left: an option with several values takes every word up to the next option`,
          `give the tree first: ftree ${command.name()} ${args[j]} ${option.long} ${values || '…'}`.trimEnd(),
        );
      }
    }
  }
  return undefined;
}

/** The first word that is not a global option (the command), and where it is. */
function firstOperand(program: Command, args: readonly string[]): { value: string; index: number } | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return undefined;
    if (!a.startsWith('-')) return { value: a, index: i };
    const option = program.options.find((o) => o.long === a || o.short === a);
    // A global option that takes a value would skip it; ftree's global options take none.
    if (option && (option.required || option.optional)) i++;
  }
  return undefined;
}
