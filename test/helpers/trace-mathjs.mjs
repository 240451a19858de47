// Registers trace-mathjs-hooks.mjs: `node --import ./test/helpers/trace-mathjs.mjs …`.
import { register } from 'node:module';

register('./trace-mathjs-hooks.mjs', import.meta.url);
