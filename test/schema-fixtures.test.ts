// The JSON Schema and the parser agree on every fixture and every shipped tree: whatever the parser
// accepts without an error the schema accepts, and the mistakes an editor can see from the file's
// shape alone (unknown keys, wrong types, missing keys, bad enum values) the schema rejects too.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { loadTree } from '../src/parse/yaml/load-tree.js';
import { FIXTURES, REPO_ROOT } from './helpers/paths.js';

const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'ftree.schema.json'), 'utf8')) as object);

/** Codes about the shape of a file, which a schema can and must catch. */
const SHAPE_CODES = new Set(['NOT_A_TREE', 'UNSUPPORTED_VERSION', 'UNKNOWN_KEY', 'INVALID_TYPE', 'MISSING_KEY', 'UNKNOWN_GATE_TYPE', 'MISSING_TOP',
  'INVALID_ID', 'INVALID_NAME', 'CONFLICTING_KEYS', 'MISSING_PROBABILITY', 'INVALID_VALUE', 'INVALID_SIGNAL', 'INVALID_PATTERN']);

function files(dir: string): string[] {
  return readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => join(dir, f));
}

const cases = [...files(join(REPO_ROOT, 'trees')), ...files(join(FIXTURES, 'valid')), ...files(join(FIXTURES, 'invalid'))];

describe.each(cases.map((f) => [f.slice(REPO_ROOT.length + 1), f]))('%s', (_name, file) => {
  it('is judged alike by the schema and the parser', async () => {
    let data: unknown;
    try {
      data = parse(readFileSync(file, 'utf8'), { maxAliasCount: 1000 });
    } catch {
      return; // Not YAML, or an alias bomb: no schema sees it either.
    }
    const schemaOk = validate(data);
    const { diagnostics } = await loadTree(file);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length === 0) expect({ schemaOk, errors: validate.errors }).toEqual({ schemaOk: true, errors: null });
    if (errors.some((d) => SHAPE_CODES.has(d.code))) expect(schemaOk).toBe(false);
  });
});
