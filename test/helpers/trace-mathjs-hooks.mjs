// Module resolve hook for tests: appends a line to $FTREE_TRACE_FILE whenever mathjs is imported.
import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  if (specifier === 'mathjs' && process.env.FTREE_TRACE_FILE) appendFileSync(process.env.FTREE_TRACE_FILE, 'mathjs\n');
  return next(specifier, context);
}
