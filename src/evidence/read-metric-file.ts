// Reads one metrics file, recognising its format by content (evidence stage): Prometheus JSON,
// OpenMetrics / Prometheus text, or CSV (long or wide). An unreadable file is a usage error (exit 2).

import { gunzipSync } from 'node:zlib';
import { FtreeError } from '../model/diagnostic.js';
import { formatMiB, INPUT_LIMITS, InputFileError, readInputFile, type InputReader } from '../model/read-input-file.js';
import { parseMetricCsv, type ParsedMetrics } from './parse-metric-csv.js';
import { parseOpenMetrics } from './parse-openmetrics.js';
import { parsePrometheusJson } from './parse-prometheus-json.js';
import type { TimeZone } from './time-zone.js';

export type MetricFormat = 'prometheus-json' | 'openmetrics' | 'csv';

export interface MetricFile extends ParsedMetrics {
  readonly file: string;
  readonly format: MetricFormat;
}

/** Reads and parses `file` (through `read`, readInputFile by default). */
export async function readMetricFile(file: string, zone: TimeZone, read: InputReader = readInputFile): Promise<MetricFile> {
  let bytes: Buffer;
  try {
    bytes = await read(file, INPUT_LIMITS.metricBytes);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes, { maxOutputLength: INPUT_LIMITS.metricBytes });
  } catch (e) {
    if (e instanceof InputFileError) throw unreadable(file, e.message);
    const tooLarge = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw unreadable(file, tooLarge ? `gzip that inflates to over ${formatMiB(INPUT_LIMITS.metricBytes)}` : `not valid gzip (${(e as Error).message})`);
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw unreadable(file, `not valid JSON (${(e as Error).message})`);
    }
    const parsed = parsePrometheusJson(value);
    if (!parsed) throw unreadable(file, 'JSON, but not a Prometheus query result (no data.result)');
    return { file, format: 'prometheus-json', ...parsed };
  }
  if (looksLikeOpenMetrics(text)) return { file, format: 'openmetrics', ...parseOpenMetrics(text) };
  return { file, format: 'csv', ...parseMetricCsv(text, file, zone) };
}

/** The first sample line reads `name{labels} value [timestamp]`, with no comma outside the braces. */
function looksLikeOpenMetrics(text: string): boolean {
  for (const raw of text.split('\n', 200)) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('# TYPE') || line.startsWith('# HELP') || line === '# EOF') return true;
    if (line.startsWith('#')) continue;
    return /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})?\s+\S+(\s+\S+)?$/.test(line) && !line.replace(/\{.*\}/, '').includes(',');
  }
  return false;
}

function unreadable(file: string, why: string): FtreeError {
  return new FtreeError({ code: 'METRICS_UNREADABLE', severity: 'error', message: `Cannot read ${file}: ${why}` });
}
