// Where the MEF models for tests live: the shared benchmark models (`../shared` next to the repo)
// and the MEF reader's own fixtures (src/parse/mef/fixtures/). A test helper, not shipped.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** benchmarks/mef/ of the shared folder, or undefined when the folder is absent. */
export function mefBenchmarksDir(): string | undefined {
  const dir = fileURLToPath(new URL('../../../shared/benchmarks/mef/', import.meta.url));
  return existsSync(dir) ? dir : undefined;
}

/** Fixtures of the MEF reader, beside the code. */
export function mefFixturesDir(): string {
  return fileURLToPath(new URL('../../src/parse/mef/fixtures/', import.meta.url));
}
