import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputFileError, readInputFileSync, type ReadModelFile } from '../model/read-input-file.js';
import { groupModelFiles, loadModel, modelFormatOf } from './load-model.js';

const fixture = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const TRANSFER = fixture('test/fixtures/diff/transfer/service.yaml');
const STORAGE = fixture('test/fixtures/diff/transfer/parts/storage.yaml');
const MEF_SPLIT = fixture('src/parse/mef/fixtures/valid/split-tree.xml');
const GALILEO = fixture('test/fixtures/galileo/voting.dft');

/** A reader over texts held in memory; records what the loader asked for. */
function memoryReader(files: Record<string, string>, asked: string[] = []): ReadModelFile {
  return (path) => {
    asked.push(path);
    const text = files[path];
    if (text === undefined) throw new InputFileError('missing', 'no such file');
    return Buffer.from(text);
  };
}

describe('modelFormatOf and groupModelFiles', () => {
  it('picks the format from the file name', () => {
    expect(['a.yaml', 'b.yml', 'c.XML', 'd.opsa', 'e.dft', 'f'].map(modelFormatOf)).toEqual(['yaml', 'yaml', 'mef', 'mef', 'galileo', 'yaml']);
  });

  it('keeps MEF files together as one model, every other file alone', () => {
    expect(groupModelFiles(['a.yaml', 'm1.xml', 'b.dft', 'm2.opsa'])).toEqual([['a.yaml'], ['b.dft'], ['m1.xml', 'm2.opsa']]);
  });
});

describe('loadModel', () => {
  it('loads a YAML tree and the files its transfers name, through the caller\'s reader', async () => {
    const asked: string[] = [];
    const reader: ReadModelFile = (path, max) => {
      asked.push(path);
      return readInputFileSync(path, max);
    };
    const r = await loadModel([TRANSFER], { readFile: reader });
    expect(r.format).toBe('yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.tree?.top).toBe('outage');
    expect(asked).toEqual([TRANSFER, STORAGE]);
    expect(r.files).toEqual([TRANSFER, STORAGE]);
    expect(r.sources.get(STORAGE)).toBe(readFileSync(STORAGE, 'utf8'));
  });

  it('reads MEF files and their includes, once each', async () => {
    const r = await loadModel([MEF_SPLIT]);
    expect(r.format).toBe('mef');
    expect(r.tree).toBeDefined();
    expect(r.files.map((f) => f.replace(/.*\//, ''))).toEqual(['split-tree.xml', 'split-tree-data.xml', 'split-tree-more.xml']);
  });

  it('loads a Galileo file with its text for snippets', async () => {
    const r = await loadModel([GALILEO], { missionTime: 2 });
    expect(r.format).toBe('galileo');
    expect(r.tree?.missionTime).toBe(2);
    expect(r.files).toEqual([GALILEO]);
    expect(r.sources.has(GALILEO)).toBe(true);
  });

  it('runs the same gate-graph check whatever the format', async () => {
    const yaml = 'ftree: 1\nname: t\ntop: g\ngates:\n  g: { type: not, inputs: [a, b] }\nevents:\n  a: { probability: 0.1 }\n  b: { probability: 0.1 }\n';
    const mef = '<opsa-mef><define-fault-tree name="t"><define-gate name="g"><not><basic-event name="a"/><basic-event name="b"/></not></define-gate>' +
      '<define-basic-event name="a"><float value="0.1"/></define-basic-event><define-basic-event name="b"><float value="0.1"/></define-basic-event></define-fault-tree></opsa-mef>';
    const galileo = 'toplevel "g";\n"g" or "h";\n"h" and "g" "a";\n"a" prob=0.1;\n';
    const arity = (await loadModel(['/m/t.yaml'], { readFile: memoryReader({ '/m/t.yaml': yaml }), allowOutsidePaths: true })).diagnostics;
    const arityMef = (await loadModel(['/m/t.xml'], { readFile: memoryReader({ '/m/t.xml': mef }), allowOutsidePaths: true })).diagnostics;
    const cycle = (await loadModel(['/m/t.dft'], { readFile: memoryReader({ '/m/t.dft': galileo }) })).diagnostics;
    const message = 'Gate "g" of type not takes 1 input, not 2';
    expect(arity.map((d) => [d.code, d.message, d.hint])).toEqual([['ARITY', message, 'a not gate negates exactly one input; use nor or nand for several']]);
    expect(arityMef.map((d) => [d.code, d.message, d.hint])).toEqual([['ARITY', message, 'a not gate negates exactly one input; use nor or nand for several']]);
    expect(cycle.map((d) => [d.code, d.message])).toEqual([['CYCLE', 'The gates form a cycle: g → h → g']]);
  });

  it('reports a file the reader refuses as a diagnostic, for every format', async () => {
    const reader = memoryReader({});
    const yaml = await loadModel(['/m/none.yaml'], { readFile: reader });
    const mef = await loadModel(['/m/none.xml'], { readFile: reader });
    const galileo = await loadModel(['/m/none.dft'], { readFile: reader });
    expect([yaml, mef, galileo].map((r) => [r.tree, r.diagnostics.map((d) => d.code)])).toEqual([
      [undefined, ['FILE_UNREADABLE']],
      [undefined, ['FILE_UNREADABLE']],
      [undefined, ['FILE_UNREADABLE']],
    ]);
    expect(galileo.diagnostics[0]!.message).toBe('Cannot read /m/none.dft: no such file');
  });

  it('refuses files of several formats together', async () => {
    await expect(loadModel(['a.yaml', 'b.xml'])).rejects.toThrow(RangeError);
    await expect(loadModel(['a.yaml', 'b.yaml'])).rejects.toThrow(RangeError);
  });
});
