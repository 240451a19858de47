// `node --import ./test/helpers/trace-mathjs.mjs …`: appends a line to $FTREE_TRACE_FILE whenever
// mathjs is loaded, imported (ES module hook) or required (the CLI bundle is CommonJS).
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

register('./trace-mathjs-hooks.mjs', import.meta.url);
const load = Module._load;
Module._load = function traced(request, ...rest) {
  if (typeof request === 'string' && (request === 'mathjs' || request.startsWith('mathjs/') || request.endsWith('/mathjs-subset.cjs')) && process.env.FTREE_TRACE_FILE) appendFileSync(process.env.FTREE_TRACE_FILE, 'mathjs\n');
  return load.call(this, request, ...rest);
};
