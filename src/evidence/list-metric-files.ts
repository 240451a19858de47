// Metric files named on the command line (evidence stage): files as given (their format is read
// from their content), and folders searched recursively for the extensions metric exports carry.

import { stat } from 'node:fs/promises';
import { FtreeError } from '../model/diagnostic.js';
import { walkFolder } from './walk-folder.js';

/** Extensions read from a folder, each also gzipped (`.csv.gz`); a file named directly may have any name. */
export const METRIC_EXTENSIONS = ['.csv', '.json', '.prom', '.om', '.openmetrics'] as const;

/** Expands folders into their metric files; a folder that cannot be listed, or holds none, is a usage error (exit 2). */
export async function listMetricFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    // A path that cannot be stat'ed is left to readMetricFile, which says why.
    const info = await stat(path).catch(() => undefined);
    if (!info?.isDirectory()) {
      out.push(path);
      continue;
    }
    const files = (await walkFolder(path, unreadable)).filter(isMetricFile);
    if (files.length === 0) {
      throw new FtreeError(
        {
          code: 'METRICS_UNREADABLE',
          severity: 'error',
          message: `Cannot read ${path}: the folder holds no metric file`,
          hint: `a folder is searched for ${METRIC_EXTENSIONS.map((x) => `*${x}`).join(', ')} (gzipped too); name other files directly`,
        }
      );
    }
    out.push(...files);
  }
  return out;
}

function isMetricFile(path: string): boolean {
  const name = path.toLowerCase().replace(/\.gz$/, '');
  return METRIC_EXTENSIONS.some((x) => name.endsWith(x));
}

function unreadable(path: string, why: string): FtreeError {
  return new FtreeError({ code: 'METRICS_UNREADABLE', severity: 'error', message: `Cannot read ${path}: ${why}` });
}
