// `ftree version`: the version of ftree, Node and the platform (cli stage).

import type { Command } from 'commander';
import { EXIT } from '../error-table.js';
import { VERSION } from '../../version.js';
import type { CommandContext } from '../command-context.js';

export function versionCommand(program: Command, { setExit }: CommandContext): Command {
  return program
    .command('version')
    .description('print the version of ftree, and of Node and the platform it runs on')
    .action(() => {
      process.stdout.write(`ftree ${VERSION}\nnode ${process.version} (${process.platform} ${process.arch})\n`);
      setExit(EXIT.ok);
    });
}
