// The files under a folder named on the command line (evidence stage): recursive, hidden entries
// skipped, in name order at every level, so that runs over the same folder read the same sequence.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Every file under `dir`; `unreadable(path, why)` makes the error thrown for a folder that cannot
 * be listed (`why` as `describeFsError` puts it); folders named in `skipped` are not entered
 * (hidden ones never are).
 */
export async function walkFolder(dir: string, unreadable: (path: string, why: string) => Error, skipped: readonly string[] = []): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (e) {
      throw unreadable(folder, describeFsError(e));
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

/** Why a path named on the command line cannot be read, in words. */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
}
