// The shape of a Prometheus query result, checked before it is read (evidence stage): a hostile or
// broken server may send `"values": {"a": 1}` or `"metric": 7`, which must become a clear error,
// not a TypeError deep in the reader.

/** Undefined when every item is `{metric?: {…}, values?: [[t, "v"], …], value?: [t, "v"]}`, else what is wrong. */
export function checkQueryResult(result: readonly unknown[]): string | undefined {
  for (let i = 0; i < result.length; i++) {
    const item = result[i];
    const at = `data.result[${i}]`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) return `${at} is not an object`;
    const { metric, values, value } = item as { metric?: unknown; values?: unknown; value?: unknown };
    if (metric !== undefined && (!metric || typeof metric !== 'object' || Array.isArray(metric) || Object.values(metric).some((v) => typeof v !== 'string'))) {
      return `${at}.metric is not a set of labels`;
    }
    if (values !== undefined) {
      if (!Array.isArray(values)) return `${at}.values is not a list of [time, value]`;
      const bad = values.findIndex((p) => !isSample(p));
      if (bad >= 0) return `${at}.values[${bad}] is not [time, value]`;
    }
    if (value !== undefined && !isSample(value)) return `${at}.value is not [time, value]`;
  }
  return undefined;
}

function isSample(p: unknown): boolean {
  return Array.isArray(p) && p.length === 2 && (typeof p[0] === 'number' || typeof p[0] === 'string') && typeof p[1] === 'string';
}
