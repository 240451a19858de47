// A monotonic clock in milliseconds. The global `performance` loads perf_hooks on first use (~10 ms
// of a command's start-up); process.hrtime is loaded with the process.

/** Milliseconds from an arbitrary origin, monotonic: for durations only. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
