// Paths shared by the tests: the repository root, the built CLI, the fixtures and ../shared.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(REPO_ROOT, 'bin', 'ftree.js');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');
export const SHARED = join(REPO_ROOT, '..', 'shared');
export const HAS_SHARED = existsSync(join(SHARED, 'benchmarks'));
