// One streaming pass over every log source (evidence stage): each line gets its time (or its
// predecessor's), lines in the window or the baseline are read in full, prefiltered by literal,
// matched against the tree's log signals, and fed to the template miner. Memory stays constant.

import { FtreeError } from '../model/diagnostic.js';
import { InputFileError } from '../model/read-input-file.js';
import type { CompiledLogSignal } from './compile-log-signal.js';
import { LiteralPrefilter } from './literal-prefilter.js';
import type { LogSource } from './list-log-sources.js';
import type { LineContext, LineHead, LogRecord } from './log-record.js';
import { TemplateMiner } from './mine-log-templates.js';
import { parseLogRecord } from './parse-log-record.js';
import { readLogMessage } from './read-log-message.js';
import { readLineTime } from './read-line-time.js';
import { MAX_LINE_BYTES, readLogBlocks, type BlockStats } from './read-log-blocks.js';
import type { TimeWindow } from './resolve-time-window.js';
import type { TimeZone } from './time-zone.js';

export interface LogSample {
  readonly time: number;
  readonly source: string;
  readonly text: string;
}

/** Match times kept per signal for the start of its excess (evaluate-log-signal.ts); past this, the first match stands. */
export const MAX_MATCH_TIMES = 10_000;

/** What one log signal saw. */
export interface LogSignalCounts {
  window: number;
  baseline: number;
  /** Lines in the window / baseline the signal applies to (those carrying its filtered fields). */
  windowLines: number;
  baselineLines: number;
  firstSeen?: number;
  /** Times of the matches in the window, as read (at most MAX_MATCH_TIMES; more leaves it incomplete). */
  times?: number[];
  /** The earliest matching lines in the window (at most three). */
  samples: LogSample[];
}

export interface LogSourceStats {
  readonly name: string;
  lines: number;
  /** Lines without a time before any timed line: they cannot be placed. */
  untimed: number;
  /** Lines that looked structured or timed but could not be read (bad JSON, month 13). */
  malformed: number;
  /** Lines cut at the length limit. */
  truncated: number;
  windowLines: number;
  baselineLines: number;
  firstTime?: number;
  lastTime?: number;
}

export interface LogScanOptions extends TimeWindow {
  /** Zone of timestamps written without one. */
  readonly zone: TimeZone;
  /** Mine templates of the lines in the window and the baseline (default true). */
  readonly templates?: boolean;
  readonly maxLineBytes?: number;
  /** Stops the scan between blocks. */
  readonly signal?: AbortSignal;
}

export interface LogScanResult {
  readonly sources: readonly LogSourceStats[];
  /** Parallel to the signals given. */
  readonly signals: readonly LogSignalCounts[];
  readonly miner?: TemplateMiner;
}

const MAX_SAMPLES = 3;
const MAX_SAMPLE_CHARS = 500;
/** Formats whose matching needs the parsed record (CRI lines may hold JSON). */
const STRUCTURED = new Set(['json', 'journald', 'logfmt', 'cri']);

export async function scanLogs(sources: readonly LogSource[], signals: readonly CompiledLogSignal[], options: LogScanOptions): Promise<LogScanResult> {
  const scanner = new LogScanner(signals, options);
  const stats: LogSourceStats[] = [];
  for (const source of sources) {
    const s = scanner.startSource(source.name);
    const blockStats: BlockStats = { truncated: 0 };
    try {
      for await (const block of readLogBlocks(source.open(), blockStats, options.maxLineBytes ?? MAX_LINE_BYTES)) {
        options.signal?.throwIfAborted();
        scanner.addBlock(block);
      }
    } catch (e) {
      if (!(e instanceof InputFileError)) throw e;
      throw new FtreeError({ code: 'FILE_UNREADABLE', severity: 'error', message: `Cannot read ${source.name}: ${e.message}` });
    }
    scanner.endSource();
    s.truncated += blockStats.truncated;
    stats.push(s);
  }
  return { sources: stats, signals: scanner.finalCounts(), ...(scanner.miner ? { miner: scanner.miner } : {}) };
}

/** The per-line work, kept in one class so that the hot loop touches only fields. */
export class LogScanner {
  readonly counts: LogSignalCounts[];
  readonly miner?: TemplateMiner;
  private readonly prefilter: LiteralPrefilter;
  /** Indexes of the signals that may match the current line. */
  private readonly candidates: Int32Array;
  /** Candidates of the line being placed (set by addBlock from the block's prefilter hits). */
  private candidateCount = 0;
  private readonly stamp: Int32Array;
  private generation = 0;
  private hits: Int32Array = new Int32Array(1024);
  /** Signals with field filters: only they count their own window and baseline lines. */
  private readonly filtered: number[];
  /** Per signal, whether the current line matches its field filters (field-filtered signals only). */
  private readonly applies: Uint8Array;
  private windowTotal = 0;
  private baselineTotal = 0;
  private readonly runnable: boolean[];
  private readonly anyFields: boolean;
  private readonly ctx: LineContext;
  private readonly wStart: number;
  private readonly wEnd: number;
  private readonly bStart: number;
  private readonly bEnd: number;
  private readonly maxLine: number;
  private stats!: LogSourceStats;
  private lastTime: number | undefined;
  /** A CRI line split in parts (tag P), waiting for its last part. */
  private partial: { line: string; head: LineHead } | undefined;

  constructor(
    private readonly signals: readonly CompiledLogSignal[],
    options: LogScanOptions,
  ) {
    this.counts = signals.map(() => ({ window: 0, baseline: 0, windowLines: 0, baselineLines: 0, samples: [] }));
    this.runnable = signals.map((s) => s.matcher !== undefined);
    this.prefilter = new LiteralPrefilter(signals.map((s) => (s.matcher ? s.prefilter : { literals: [], caseInsensitive: false })));
    this.candidates = new Int32Array(signals.length);
    this.stamp = new Int32Array(signals.length);
    this.filtered = signals.flatMap((s, i) => (s.fields.length > 0 ? [i] : []));
    this.applies = new Uint8Array(signals.length);
    this.anyFields = this.filtered.length > 0;
    this.ctx = { zone: options.zone, referenceMs: options.window.end };
    this.wStart = options.window.start;
    this.wEnd = options.window.end;
    this.bStart = options.baseline?.start ?? Number.POSITIVE_INFINITY;
    this.bEnd = options.baseline?.end ?? Number.NEGATIVE_INFINITY;
    this.maxLine = options.maxLineBytes ?? MAX_LINE_BYTES;
    if (options.templates !== false) this.miner = new TemplateMiner();
  }

  startSource(name: string): LogSourceStats {
    this.stats = { name, lines: 0, untimed: 0, malformed: 0, truncated: 0, windowLines: 0, baselineLines: 0 };
    this.lastTime = undefined;
    this.partial = undefined;
    return this.stats;
  }

  endSource(): void {
    if (this.partial) {
      const { line, head } = this.partial;
      this.partial = undefined;
      this.candidateCount = this.prefilter.candidates(line, 0, line.length, this.candidates);
      this.place(line, head);
    }
  }

  /** Lines separated by `\n`, a trailing `\r` ignored. The literal prefilter runs once per block. */
  addBlock(block: string): void {
    const scanned = this.prefilter.scanBlock(block, this.hits);
    const hits = (this.hits = scanned.hits);
    const hitCount = scanned.count;
    const unfiltered = this.prefilter.unfiltered;
    const stamp = this.stamp;
    const candidates = this.candidates;
    let h = 0;
    let start = 0;
    const n = block.length;
    while (start <= n) {
      let end = block.indexOf('\n', start);
      if (end < 0) end = n;
      let stop = end;
      if (stop > start && block.charCodeAt(stop - 1) === 13) stop--;
      if (stop > start || end < n) {
        const gen = ++this.generation;
        let c = 0;
        for (const p of unfiltered) {
          stamp[p] = gen;
          candidates[c++] = p;
        }
        for (; h < hitCount && hits[2 * h]! < end; h++) {
          const p = hits[2 * h + 1]!;
          if (stamp[p] !== gen) {
            stamp[p] = gen;
            candidates[c++] = p;
          }
        }
        this.candidateCount = c;
        this.addLine(stop - start > this.maxLine ? this.cut(block, start) : block.slice(start, stop), true);
      }
      start = end + 1;
    }
  }

  /** Counts as the evaluation needs them: unfiltered signals see every line of the window. */
  finalCounts(): LogSignalCounts[] {
    const filtered = new Set(this.filtered);
    return this.counts.map((c, i) => (filtered.has(i) ? c : { ...c, windowLines: this.windowTotal, baselineLines: this.baselineTotal }));
  }

  private cut(block: string, start: number): string {
    this.stats.truncated++;
    return block.slice(start, start + this.maxLine);
  }

  /** One line; `prefiltered` when addBlock already set its candidates. */
  addLine(line: string, prefiltered = false): void {
    if (!prefiltered) this.candidateCount = this.prefilter.candidates(line, 0, line.length, this.candidates);
    this.stats.lines++;
    const head = readLineTime(line, this.ctx);
    if (head.format === 'cri') {
      // Join the parts of a long CRI line; the joined line keeps the first part's time.
      if (this.partial) {
        const joined = this.partial.line + line.slice(head.body);
        if (head.partial && joined.length < this.maxLine) {
          this.partial = { line: joined, head: this.partial.head };
          return;
        }
        const first = this.partial.head;
        this.partial = undefined;
        const whole = joined.length > this.maxLine ? joined.slice(0, this.maxLine) : joined;
        this.candidateCount = this.prefilter.candidates(whole, 0, whole.length, this.candidates);
        this.place(whole, first);
        return;
      }
      if (head.partial) {
        this.partial = { line, head };
        return;
      }
    }
    this.place(line, head);
  }

  private place(line: string, head: LineHead): void {
    const stats = this.stats;
    if (head.malformed) stats.malformed++;
    let time = head.time;
    const own = time !== undefined;
    if (time === undefined) {
      time = this.lastTime;
      if (time === undefined) {
        if (!head.malformed) stats.untimed++;
        return;
      }
    } else {
      this.lastTime = time;
      if (stats.firstTime === undefined || time < stats.firstTime) stats.firstTime = time;
      if (stats.lastTime === undefined || time > stats.lastTime) stats.lastTime = time;
    }
    let inWindow: boolean;
    if (time >= this.wStart && time < this.wEnd) {
      inWindow = true;
      stats.windowLines++;
      this.windowTotal++;
    } else if (time >= this.bStart && time < this.bEnd) {
      inWindow = false;
      stats.baselineLines++;
      this.baselineTotal++;
    } else return;
    // A CRI line holding an indented line is a stack-trace line, whatever its runtime timestamp.
    const continuation = head.format === 'cri' && (line.charCodeAt(head.body) === 9 || line.charCodeAt(head.body) === 32);
    this.match(line, head, time, own && !continuation, inWindow);
  }

  private match(line: string, head: LineHead, time: number, own: boolean, inWindow: boolean): void {
    const n = this.candidateCount;
    const miner = this.miner;
    let record: LogRecord | undefined;
    if (this.anyFields || (n > 0 && STRUCTURED.has(head.format))) record = parseLogRecord(line, head, this.ctx);
    // Coverage of field-filtered signals: the lines they apply to are those whose filtered fields all
    // match (a `service: payments-db` signal learns nothing from payments-api lines, which merely
    // carry a `service` field too): only such lines can make the signal silent rather than unknown.
    const applies = this.applies;
    for (const i of this.filtered) {
      const fields = record!.fields;
      applies[i] = fields !== undefined && this.signals[i]!.fields.every((f) => {
        const v = fields.get(f.key);
        return v !== undefined && f.matcher.test(v);
      }) ? 1 : 0;
      if (applies[i] === 0) continue;
      if (inWindow) this.counts[i]!.windowLines++;
      else this.counts[i]!.baselineLines++;
    }
    let explained = false;
    for (let k = 0; k < n; k++) {
      const i = this.candidates[k]!;
      if (!this.runnable[i]) continue;
      const s = this.signals[i]!;
      if (s.fields.length > 0 && applies[i] === 0) continue;
      if (!matchesRecord(s, line, record)) continue;
      explained = true;
      const c = this.counts[i]!;
      if (!inWindow) {
        c.baseline++;
        continue;
      }
      c.window++;
      if (c.firstSeen === undefined || time < c.firstSeen) c.firstSeen = time;
      if ((c.times ??= []).length < MAX_MATCH_TIMES) c.times.push(time);
      addSample(c.samples, { time, source: this.stats.name, text: sampleText(line, head, record, time) });
    }
    if (miner && own && !head.malformed) {
      const message = record ? (record.malformed ? undefined : record.message) : readLogMessage(line, head, this.ctx);
      if (message !== undefined) miner.add(message, inWindow, time, explained);
    }
  }
}

/**
 * Text lines are matched as written; structured lines (and CRI lines holding them) by their message,
 * then by each field's value, so that escapes in the JSON do not hide a match.
 */
function matchesRecord(s: CompiledLogSignal, line: string, record: LogRecord | undefined): boolean {
  const matcher = s.matcher!;
  if (!record?.structured) return matcher.test(line);
  if (matcher.test(record.message)) return true;
  for (const v of record.fields?.values() ?? []) if (v !== record.message && matcher.test(v)) return true;
  return false;
}

/** Text lines as written; structured and CRI lines as their time and message, easier to read. */
function sampleText(line: string, head: LineHead, record: LogRecord | undefined, time: number): string {
  const text = record && (record.structured || head.format === 'cri') ? `${new Date(time).toISOString()} ${record.level ? `${record.level.toUpperCase()} ` : ''}${record.message}` : line;
  return text.length > MAX_SAMPLE_CHARS ? `${text.slice(0, MAX_SAMPLE_CHARS)}…` : text;
}

/** Keeps the earliest samples, at most MAX_SAMPLES. */
function addSample(samples: LogSample[], sample: LogSample): void {
  if (samples.length === MAX_SAMPLES && sample.time >= samples[MAX_SAMPLES - 1]!.time) return;
  let i = samples.length;
  while (i > 0 && samples[i - 1]!.time > sample.time) i--;
  samples.splice(i, 0, sample);
  if (samples.length > MAX_SAMPLES) samples.pop();
}
