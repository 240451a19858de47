// `ftree completion`: its argument and help (cli stage); src/cli/completion.ts writes the script
// from the program's own commands and options.

import { Argument, type Command } from 'commander';
import { examplesHelp, type CommandContext } from '../command-context.js';

const HELP = examplesHelp([
  'ftree completion bash > ~/.local/share/bash-completion/completions/ftree',
  'ftree completion zsh > "${fpath[1]}/_ftree"',
  'ftree completion fish > ~/.config/fish/completions/ftree.fish',
]);

export function completionCommand(program: Command, { setExit }: CommandContext): Command {
  return program
    .command('completion')
    .description('print a shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
    .addHelpText('after', HELP)
    .action(async (shell: 'bash' | 'zsh' | 'fish') => {
      const { runCompletion } = await import('../completion.js');
      setExit(runCompletion(program, shell));
    });
}
