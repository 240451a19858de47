// Every metric query of a run against one Prometheus, under one deadline (evidence stage). A quick
// probe first: a server that refuses the connection or does not answer is reported once, within
// about 2 s, instead of once per query after retries. Then the queries, a few at a time; a query that
// fails alone (bad PromQL, a 5xx) is kept as its own failure, while the server going away or the
// deadline passing stops the rest and is reported once.

import { FtreeError, type Diagnostic } from '../model/diagnostic.js';
import { LIBRARY_OPTION_NAMES, type OptionNames } from '../model/option-names.js';
import { fetchFor, type FetchLike } from './fetch-with-extra-ca.js';
import { joinSeries, type MetricSeries } from './metric-series.js';
import { PrometheusQueryError, checkPrometheusUrl, prometheusRequest, queryPrometheusRange, redactUrl, type PrometheusOptions } from './query-prometheus-range.js';
import type { TimeRange } from './resolve-time-window.js';

/** The data source's deadline when none is given: every query together, the probe included. */
export const DEFAULT_PROMETHEUS_DEADLINE_MS = 30_000;
/** The probe's time limit (lower when the deadline is lower). */
export const PROBE_TIMEOUT_MS = 2_000;
const PROBE_PATH = 'api/v1/status/buildinfo';

export interface PrometheusSourceOptions extends PrometheusOptions {
  /** All queries together, the probe included (default 30 s). */
  readonly deadlineMs?: number;
  /** Queries run at once (default 4). */
  readonly concurrency?: number;
  /** Milliseconds now; for tests. */
  readonly now?: () => number;
  /** How messages name the options deadlineMs, stepSeconds and prometheus (default: those keys). */
  readonly optionNames?: OptionNames;
}

export type QueryOutcome = { readonly series: MetricSeries[] } | { readonly error: FtreeError };

export interface PrometheusSourceResult {
  /** By query text. */
  readonly outcomes: ReadonlyMap<string, QueryOutcome>;
  /** The one problem of the source as a whole (the deadline passed, the server went away), if any. */
  readonly problem?: Diagnostic;
}

/**
 * Asks each distinct query over `ranges` (merged per series). Throws one PROMETHEUS_FAILED error
 * (exit 3) when the probe finds the server unreachable or refusing the credentials.
 */
export async function queryPrometheusSource(queries: readonly string[], ranges: readonly TimeRange[], options: PrometheusSourceOptions): Promise<PrometheusSourceResult> {
  const names = options.optionNames ?? LIBRARY_OPTION_NAMES;
  checkPrometheusUrl(options.url, names);
  const now = options.now ?? Date.now;
  const started = now();
  const deadlineMs = options.deadlineMs ?? DEFAULT_PROMETHEUS_DEADLINE_MS;
  const deadline = started + deadlineMs;
  const distinct = [...new Set(queries)];
  if (distinct.length === 0) return { outcomes: new Map() };
  await probePrometheus(options, { limitMs: Math.min(PROBE_TIMEOUT_MS, deadlineMs), queries: distinct.length, optionNames: names });

  const stop = new AbortController();
  let downBecause: string | undefined;
  const outcomes = new Map<string, QueryOutcome>();
  const queue = [...distinct];
  const runOne = async (query: string): Promise<void> => {
    try {
      const parts = await Promise.all(ranges.map((r) => queryPrometheusRange(query, r, { ...options, deadline, signal: stop.signal })));
      outcomes.set(query, { series: joinSeries(parts.flat()).series });
    } catch (e) {
      if (!(e instanceof PrometheusQueryError)) throw e;
      outcomes.set(query, { error: e });
      // The server stopped taking connections: the queries still queued would fail alike.
      if (e instanceof PrometheusQueryError && e.problem === 'connection' && !downBecause) {
        downBecause = e.why;
        stop.abort();
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, distinct.length)) }, async () => {
    while (queue.length > 0 && !stop.signal.aborted && now() < deadline) await runOne(queue.shift()!);
  });
  await Promise.all(workers);

  const shown = redactUrl(options.url);
  const why = downBecause !== undefined ? 'the server stopped answering' : 'the deadline passed';
  for (const q of queue) outcomes.set(q, { error: new PrometheusQueryError('timeout', shown, q, `not run: ${why}`) });
  const unanswered = [...outcomes.values()].filter((o) => 'error' in o && o.error instanceof PrometheusQueryError && o.error.problem !== 'answer').length;
  let problem: Diagnostic | undefined;
  if (downBecause !== undefined) {
    problem = {
      code: 'PROMETHEUS_FAILED',
      severity: 'warning',
      message: `Prometheus at ${shown} stopped answering during the queries: ${downBecause}; ${count(unanswered, 'query')} of ${distinct.length} not answered`,
      hint: 'their signals are unknown; run again when the server is back',
    };
  } else if (unanswered > 0 && now() >= deadline - 50) {
    problem = {
      code: 'PROMETHEUS_FAILED',
      severity: 'warning',
      message: `Prometheus at ${shown} did not answer ${count(unanswered, 'query')} of ${distinct.length} within the deadline of ${seconds(deadlineMs)}`,
      hint: `their signals are unknown; a longer ${names.deadlineMs} waits longer, a shorter window or coarser ${names.stepSeconds} asks less`,
    };
  }
  return { outcomes, ...(problem ? { problem } : {}) };
}

/**
 * One GET of the build information, which any Prometheus answers at once: no answer (refused, no
 * route, no reply within the limit) or HTTP 401/403 is the whole source's failure. Any other answer,
 * even a 404 from a proxy that does not pass that path on, counts as reachable.
 */
export async function probePrometheus(options: PrometheusOptions, context: { limitMs: number; queries: number; optionNames?: OptionNames }): Promise<void> {
  const hint = unreachableHint(context.optionNames ?? LIBRARY_OPTION_NAMES);
  const shown = redactUrl(options.url);
  const { base, headers } = prometheusRequest(options);
  const url = new URL(PROBE_PATH, base);
  const tried = `GET ${redactUrl(url.toString())}`;
  const none = context.queries === 1 ? 'the query did not run' : `none of the ${count(context.queries, 'query')} ran`;
  let doFetch: FetchLike;
  try {
    doFetch = (options.fetch as FetchLike | undefined) ?? fetchFor(url);
  } catch (e) {
    throw sourceError(`Prometheus at ${shown} cannot be queried: ${(e as Error).message}`, undefined);
  }
  const started = Date.now();
  let problem = '';
  // A refused connection is tried once more after a short pause (a server restarting); a silent one is not.
  for (let attempt = 1; attempt <= 2; attempt++) {
    try {
      const answer = await doFetch(url, { headers, signal: AbortSignal.timeout(context.limitMs), maxBytes: 1024 * 1024 });
      await answer.body?.cancel().catch(() => undefined);
      if (answer.status === 401 || answer.status === 403) {
        throw sourceError(`Prometheus at ${shown} refused the credentials: HTTP ${answer.status} to ${tried}; ${none}`, 'set FTREE_PROMETHEUS_TOKEN, or FTREE_PROMETHEUS_USER and FTREE_PROMETHEUS_PASSWORD');
      }
      return;
    } catch (e) {
      if (e instanceof FtreeError) throw e;
      const err = e as Error;
      if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        throw sourceError(`Prometheus at ${shown} does not answer: no answer within ${seconds(context.limitMs)} to ${tried}; ${none}`, hint);
      }
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      problem = cause?.code ?? cause?.message ?? err.message;
      // undici's fetch refuses the ports of the Fetch standard's "bad port" list (9, 25, 6000, …).
      if (problem === 'bad port') problem = `port ${url.port} is on the list of ports that fetch refuses`;
      if (attempt === 1 && cause?.code === 'ECONNREFUSED') await new Promise((r) => setTimeout(r, 250));
      else break;
    }
  }
  const ms = Date.now() - started;
  const elapsed = ms < 1000 ? `${ms} ms` : seconds(ms);
  throw sourceError(`Prometheus at ${shown} cannot be reached: cannot connect (${problem}) for ${tried}, in ${elapsed}; ${none}`, hint);
}

function unreachableHint(names: OptionNames): string {
  return `check the URL and that Prometheus is up (its /-/ready page); ${names.deadlineMs} sets the time allowed for all queries (default 30s)`;
}

function sourceError(message: string, hint: string | undefined): FtreeError {
  return new FtreeError({ code: 'PROMETHEUS_FAILED', severity: 'error', message, ...(hint ? { hint } : {}) });
}

function count(n: number, word: string): string {
  return `${n} ${n === 1 ? word : word === 'query' ? 'queries' : `${word}s`}`;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 10_000 ? 1 : 0))} s`;
}

