// Expands the paths given on the command line into tree files (cli stage): folders are searched
// recursively for *.yaml and *.yml, skipping hidden folders and node_modules.

import { stat } from 'node:fs/promises';
import { FtreeError, type Diagnostic } from '../model/diagnostic.js';
import { describeFsError, walkFolder } from '../evidence/walk-folder.js';

const TREE_FILE = /\.(ya?ml)$/i;

export async function collectTreeFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      problems.push(unreadable(p, describeFsError(e)));
      continue;
    }
    if (!info.isDirectory()) {
      files.push(p);
      continue;
    }
    const found = (await walkFolder(p, (dir, why) => new FtreeError([unreadable(dir, why)]), ['node_modules'])).filter((f) => TREE_FILE.test(f));
    if (found.length === 0) {
      problems.push({ code: 'NO_TREE_FILES', severity: 'error', message: `No tree files (*.yaml, *.yml) in ${p}`, hint: 'name tree files directly, or a folder that holds them' });
    }
    files.push(...found);
  }
  if (problems.length > 0) throw new FtreeError(problems);
  return [...new Set(files)];
}

function unreadable(path: string, why: string): Diagnostic {
  return { code: 'FILE_UNREADABLE', severity: 'error', message: `Cannot read ${path}: ${why}` };
}
