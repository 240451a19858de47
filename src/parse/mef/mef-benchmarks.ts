// Where the shared MEF benchmark models live, for tests (parse stage): `../shared` next to the repo.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** benchmarks/mef/ of the shared folder, or undefined when the folder is absent. */
export function mefBenchmarksDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../../../shared/benchmarks/mef/', import.meta.url));
  return existsSync(dir) ? dir : undefined;
}

/** Fixtures of the MEF reader, beside the code. */
export function mefFixturesDir(): string {
  return fileURLToPath(new URL('./fixtures/', import.meta.url));
}
