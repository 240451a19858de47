// Expands the paths given on the command line into tree files (cli stage): folders are searched
// recursively for *.yaml and *.yml, skipping hidden folders and node_modules.

import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT, FtreeError, type Diagnostic } from '../model/diagnostic.js';

const TREE_FILE = /\.(ya?ml)$/i;

export async function collectTreeFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const problems: Diagnostic[] = [];
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      problems.push({ code: 'FILE_UNREADABLE', severity: 'error', message: `Cannot read ${p}: ${code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message}` });
      continue;
    }
    if (!info.isDirectory()) {
      files.push(p);
      continue;
    }
    const found = await walk(p);
    if (found.length === 0) {
      problems.push({ code: 'NO_TREE_FILES', severity: 'error', message: `No tree files (*.yaml, *.yml) in ${p}`, hint: 'name tree files directly, or a folder that holds them' });
    }
    files.push(...found);
  }
  if (problems.length > 0) throw new FtreeError(problems, EXIT.usage);
  return [...new Set(files)];
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(full)));
    else if (e.isFile() && TREE_FILE.test(e.name)) out.push(full);
  }
  return out;
}
