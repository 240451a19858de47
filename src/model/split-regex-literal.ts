// The `/body/flags` syntax of a log signal's pattern (model stage): read by the YAML reader to
// check the pattern and by the evidence stage to compile it.

/** `/body/flags` → its parts; anything else is a substring pattern. */
export function splitRegexLiteral(pattern: string): { body: string; flags: string } | undefined {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  return m ? { body: m[1]!, flags: m[2]! } : undefined;
}
