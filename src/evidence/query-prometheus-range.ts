// A small Prometheus HTTP API client (evidence stage): GET /api/v1/query_range with a time limit and
// a deadline, retries with backoff for failures that may pass (network, timeout, 429, 5xx), a cap on
// the answer's size (decompressed), and errors that name the server and the query. Credentials come
// from the caller, and never appear in messages.

import { FtreeError } from '../model/diagnostic.js';
import { LIBRARY_OPTION_NAMES, type OptionNames } from '../model/option-names.js';
import type { MetricSeries } from './metric-series.js';
import { seriesFromResult } from './parse-prometheus-json.js';
import { fetchFor, type FetchAnswer, type FetchLike } from './fetch-with-extra-ca.js';
import { checkQueryResult } from './check-query-result.js';
import { readAnswerCapped, AnswerTooLarge } from './read-answer-capped.js';
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
  /** Per attempt, in ms (default 30 s); an attempt never runs past `deadline` either. */
  readonly timeoutMs?: number;
  /** Epoch ms after which no attempt starts and every attempt is cut (the data source's deadline). */
  readonly deadline?: number;
  /** Once aborted, no further attempt starts (another query found the server gone); the current one ends as it will. */
  readonly signal?: AbortSignal;
  /** Largest answer read, decompressed (default 32 MiB). */
  readonly maxBytes?: number;
  /** Attempts per query, the first included (default 3). */
  readonly attempts?: number;
  /** Wait before the second attempt, doubled after each (default 500 ms). */
  readonly backoffMs?: number;
  /** Resolution in seconds; default: the range / 10,000, at least 15 s (Prometheus allows 11,000 points). */
  readonly stepSeconds?: number;
  /** Default: `fetch`, or for https with NODE_EXTRA_CA_CERTS a GET trusting that file too. */
  readonly fetch?: typeof fetch | FetchLike;
  /** How messages name the caller's options (default: their library keys). */
  readonly optionNames?: OptionNames;
}

export const MAX_POINTS = 11_000;
export const DEFAULT_MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/** What went wrong: no connection, no answer in time, or an answer that failed the query. */
export type PrometheusProblem = 'connection' | 'timeout' | 'answer';

/** A failed query, with the kind of problem (a server that is down fails every query alike). */
export class PrometheusQueryError extends FtreeError {
  constructor(
    readonly problem: PrometheusProblem,
    url: string,
    query: string,
    /** What went wrong, without the server and the query. */
    readonly why: string,
  ) {
    super({ code: 'PROMETHEUS_FAILED', severity: 'error', message: `Prometheus at ${url} failed the query ${query}: ${why}` });
  }
}
const MIN_STEP_SECONDS = 15;

/** The step for a range: under Prometheus' 11,000 points per series, at least 15 s unless asked. */
export function chooseStepSeconds(startMs: number, endMs: number, wanted?: number): number {
  const seconds = Math.max(1, (endMs - startMs) / 1000);
  const floor = Math.ceil(seconds / (MAX_POINTS - 1000));
  return Math.max(floor, wanted ?? MIN_STEP_SECONDS);
}

/** Refuses a URL that is not http(s) before any query runs (a usage error, exit 2); the hint names the option by `names`. */
export function checkPrometheusUrl(url: string, names: OptionNames = LIBRARY_OPTION_NAMES): void {
  let u: URL | undefined;
  try {
    u = new URL(url);
  } catch {
    u = undefined;
  }
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) {
    throw new FtreeError({ code: 'USAGE', severity: 'error', message: `The Prometheus URL is not an http(s) URL: ${redactUrl(url)}`, hint: `for example ${names.prometheus} http://127.0.0.1:9090` });
  }
}

/**
 * The server's base URL without user info, and the request headers: bearer token, else basic auth
 * from the options or from `user:password@` in the URL.
 */
export function prometheusRequest(options: Pick<PrometheusOptions, 'url' | 'auth'>): { base: URL; headers: Record<string, string> } {
  const base = new URL(options.url.endsWith('/') ? options.url : `${options.url}/`);
  const headers: Record<string, string> = { accept: 'application/json' };
  const user = options.auth?.user ?? (base.username ? decodeURIComponent(base.username) : undefined);
  const password = options.auth?.password ?? (base.password ? decodeURIComponent(base.password) : '');
  if (options.auth?.token) headers['authorization'] = `Bearer ${options.auth.token}`;
  else if (user) headers['authorization'] = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  base.username = '';
  base.password = '';
  return { base, headers };
}

export async function queryPrometheusRange(query: string, range: { start: number; end: number }, options: PrometheusOptions): Promise<MetricSeries[]> {
  const shown = redactUrl(options.url);
  checkPrometheusUrl(options.url, options.optionNames);
  const { base, headers } = prometheusRequest(options);
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
    throw failure('connection', shown, query, (e as Error).message);
  }
  const attempts = Math.max(1, options.attempts ?? 3);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_ANSWER_BYTES;
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  let wait = options.backoffMs ?? 500;
  let lastProblem = '';
  let kind: PrometheusProblem = 'answer';
  let tried = 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) {
      // No retry that the deadline would cut before it could answer.
      if (Date.now() + wait >= deadline || options.signal?.aborted) break;
      await new Promise((r) => setTimeout(r, wait));
      wait *= 2;
    }
    const limit = Math.min(timeoutMs, deadline - Date.now());
    if (limit <= 0 || options.signal?.aborted) break;
    tried++;
    let response: FetchAnswer;
    let body: string;
    const signal = AbortSignal.timeout(limit);
    try {
      response = await doFetch(url, { headers, signal, maxBytes });
      body = await readAnswerCapped(response, maxBytes);
    } catch (e) {
      if (e instanceof AnswerTooLarge) throw failure('answer', shown, query, `the answer is larger than ${formatMiB(maxBytes)}: narrow the query (an aggregation such as sum or max) or the window`);
      const err = e as Error;
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        kind = 'timeout';
        lastProblem = limit < timeoutMs ? `no answer before the deadline (${formatSeconds(limit)} left)` : `no answer within ${formatSeconds(timeoutMs)}`;
      } else {
        kind = 'connection';
        lastProblem = `cannot connect (${cause?.code ?? cause?.message ?? err.message})`;
      }
      continue;
    }
    kind = 'answer';
    const retryable = response.status === 429 || response.status >= 500;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    const p = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { status?: unknown; error?: unknown; errorType?: unknown; data?: unknown }) : undefined;
    if (p?.status === 'error') {
      lastProblem = `${typeof p.errorType === 'string' ? p.errorType : 'error'}: ${typeof p.error === 'string' ? p.error : 'no detail'}`;
      if (retryable) continue;
      throw failure('answer', shown, query, lastProblem);
    }
    if (!response.ok) {
      lastProblem = `HTTP ${response.status} ${response.statusText}`.trim();
      if (retryable) continue;
      throw failure('answer', shown, query, lastProblem);
    }
    if (parsed === undefined) throw failure('answer', shown, query, `the answer is not JSON (${snippet(body)})`);
    const data = p?.data && typeof p.data === 'object' ? (p.data as { result?: unknown }) : undefined;
    const result = data?.result;
    if (p?.status !== 'success' || !Array.isArray(result)) throw failure('answer', shown, query, 'the answer is not a query result (no data.result)');
    const wrong = checkQueryResult(result);
    if (wrong) throw failure('answer', shown, query, `the answer is not a query result (${wrong})`);
    return seriesFromResult(result as never, query);
  }
  if (tried === 0) throw failure('timeout', shown, query, options.signal?.aborted ? 'not run: the server stopped answering' : 'not run: the deadline passed');
  throw failure(kind, shown, query, `${lastProblem} (${tried} attempt${tried > 1 ? 's' : ''})`);
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 1000 ? 2 : 1))} s`;
}

function formatMiB(bytes: number): string {
  return `${Number((bytes / 1024 / 1024).toFixed(1))} MiB`;
}

function snippet(body: string): string {
  const t = body.trim().replace(/\s+/g, ' ');
  return t.length > 60 ? `${t.slice(0, 60)}…` : t === '' ? 'empty body' : t;
}

function failure(kind: PrometheusProblem, url: string, query: string, why: string): PrometheusQueryError {
  return new PrometheusQueryError(kind, url, query, why);
}
