// The files under a folder named on the command line (evidence stage): recursive, hidden entries
// skipped, in name order at every level, so that runs over the same folder read the same sequence.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file under `dir`; `unreadable(path, error)` makes the error thrown for a folder that cannot
 * be listed; folders named in `skipped` are not entered (hidden ones never are).
 */
export async function walkFolder(dir: string, unreadable: (path: string, error: unknown) => Error, skipped: readonly string[] = []): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (e) {
      throw unreadable(folder, e);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(folder, e.name);
      if (e.isDirectory()) {
        if (!skipped.includes(e.name)) await walk(p);
      }
      else if (e.isFile()) files.push(p);
    }
  };
  await walk(dir);
  return files;
}
