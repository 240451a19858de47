// A small Prometheus HTTP API client (evidence stage): GET /api/v1/query_range with a timeout,
// retries with backoff for failures that may pass (network, timeout, 429, 5xx), and errors that name
// the server and the query. Credentials come from the caller, and never appear in messages.

import { EXIT, FtreeError } from '../model/diagnostic.js';
import type { MetricSeries } from './metric-series.js';
import { seriesFromResult } from './parse-prometheus-json.js';
import { fetchFor, type FetchAnswer, type FetchLike } from './fetch-with-extra-ca.js';
import { redactUrl } from '../model/redact-credentials.js';

/** The URL as it may be shown (one redaction for every output: src/model/redact-credentials.ts). */
export { redactUrl };

export interface PrometheusAuth {
  readonly token?: string;
  readonly user?: string;
  readonly password?: string;
}

export interface PrometheusOptions {
  readonly url: string;
  readonly auth?: PrometheusAuth;
  /** Per attempt, in ms (default 30 s). */
  readonly timeoutMs?: number;
  /** Attempts per query, the first included (default 3). */
  readonly attempts?: number;
  /** Wait before the second attempt, doubled after each (default 500 ms). */
  readonly backoffMs?: number;
  /** Resolution in seconds; default: the range / 10,000, at least 15 s (Prometheus allows 11,000 points). */
  readonly stepSeconds?: number;
  /** Default: `fetch`, or for https with NODE_EXTRA_CA_CERTS a GET trusting that file too. */
  readonly fetch?: typeof fetch | FetchLike;
}

export const MAX_POINTS = 11_000;
const MIN_STEP_SECONDS = 15;

/** The step for a range: under Prometheus' 11,000 points per series, at least 15 s unless asked. */
export function chooseStepSeconds(startMs: number, endMs: number, wanted?: number): number {
  const seconds = Math.max(1, (endMs - startMs) / 1000);
  const floor = Math.ceil(seconds / (MAX_POINTS - 1000));
  return Math.max(floor, wanted ?? MIN_STEP_SECONDS);
}

/** Refuses a URL that is not http(s) before any query runs (a usage error, exit 2). */
export function checkPrometheusUrl(url: string): void {
  let u: URL | undefined;
  try {
    u = new URL(url);
  } catch {
    u = undefined;
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) {
    throw new FtreeError({ code: 'USAGE', severity: 'error', message: `The Prometheus URL is not an http(s) URL: ${redactUrl(url)}`, hint: 'for example --prometheus http://127.0.0.1:9090' }, EXIT.usage);
  }
}

export async function queryPrometheusRange(query: string, range: { start: number; end: number }, options: PrometheusOptions): Promise<MetricSeries[]> {
  const shown = redactUrl(options.url);
  checkPrometheusUrl(options.url);
  const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  const headers: Record<string, string> = { accept: 'application/json' };
  const user = options.auth?.user ?? (base.username ? decodeURIComponent(base.username) : undefined);
  const password = options.auth?.password ?? (base.password ? decodeURIComponent(base.password) : '');
  if (options.auth?.token) headers['authorization'] = `Bearer ${options.auth.token}`;
  else if (user) headers['authorization'] = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  base.username = '';
  base.password = '';
  const step = chooseStepSeconds(range.start, range.end, options.stepSeconds);
  const url = new URL('api/v1/query_range', base);
  url.searchParams.set('query', query);
  url.searchParams.set('start', (range.start / 1000).toFixed(3));
  url.searchParams.set('end', (range.end / 1000).toFixed(3));
  url.searchParams.set('step', `${step}s`);
  let doFetch: FetchLike;
  try {
    doFetch = (options.fetch as FetchLike | undefined) ?? fetchFor(url);
  } catch (e) {
    throw failure(shown, query, (e as Error).message);
  }
  const attempts = Math.max(1, options.attempts ?? 3);
  const timeoutMs = options.timeoutMs ?? 30_000;
  let wait = options.backoffMs ?? 500;
  let lastProblem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) {
      await new Promise((r) => setTimeout(r, wait));
      wait *= 2;
    }
    let response: FetchAnswer;
    let body: string;
    try {
      response = await doFetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
      body = await response.text();
    } catch (e) {
      const err = e as Error;
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      lastProblem = err.name === 'TimeoutError' || err.name === 'AbortError' ? `no answer within ${timeoutMs / 1000} s` : `cannot connect (${cause?.code ?? cause?.message ?? err.message})`;
      continue;
    }
    const retryable = response.status === 429 || response.status >= 500;
    let parsed: { status?: string; error?: string; errorType?: string; data?: { resultType?: string; result?: unknown } } | undefined;
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      parsed = undefined;
    }
    if (parsed?.status === 'error') {
      lastProblem = `${parsed.errorType ?? 'error'}: ${parsed.error ?? 'no detail'}`;
      if (retryable) continue;
      throw failure(shown, query, lastProblem);
    }
    if (!response.ok) {
      lastProblem = `HTTP ${response.status} ${response.statusText}`.trim();
      if (retryable) continue;
      throw failure(shown, query, lastProblem);
    }
    if (!parsed || typeof parsed !== 'object') throw failure(shown, query, `the answer is not JSON (${snippet(body)})`);
    const result = parsed.data?.result;
    if (parsed.status !== 'success' || !Array.isArray(result)) throw failure(shown, query, 'the answer is not a query result (no data.result)');
    return seriesFromResult(result as never, query);
  }
  throw failure(shown, query, `${lastProblem} (${attempts} attempt${attempts > 1 ? 's' : ''})`);
}

function snippet(body: string): string {
  const t = body.trim().replace(/\s+/g, ' ');
  return t.length > 60 ? `${t.slice(0, 60)}…` : t === '' ? 'empty body' : t;
}

function failure(url: string, query: string, why: string): FtreeError {
  return new FtreeError({ code: 'PROMETHEUS_FAILED', severity: 'error', message: `Prometheus at ${url} failed the query ${query}: ${why}` }, EXIT.dataSource);
}
