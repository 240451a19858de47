// The formats of `ftree export` (report stage): each name and its renderer, loaded only when chosen.
// The command's `--format` choices are these keys, in this order. A new format: its renderer in a
// file of its own, and one line here (docs/architecture.md, "How to extend").

import type { FaultTree } from '../model/fault-tree.js';

export type TreeRenderer = (tree: FaultTree) => string;

/** The drawings show each event's probability from the tree (no analysis is run). */
const treeFigures = (tree: FaultTree) => new Map([...tree.events.values()].map((e) => [e.id, { probability: e.probability }]));

export const EXPORT_FORMATS = {
  mef: async (): Promise<TreeRenderer> => (await import('./mef-export.js')).exportMef,
  yaml: async (): Promise<TreeRenderer> => (await import('./yaml-export.js')).exportYaml,
  json: async (): Promise<TreeRenderer> => {
    const { modelToJson } = await import('./model-json.js');
    return (tree) => `${JSON.stringify(modelToJson(tree), null, 2)}\n`;
  },
  mermaid: async (): Promise<TreeRenderer> => {
    const { exportMermaid } = await import('./mermaid-export.js');
    return (tree) => exportMermaid(tree, { figures: treeFigures(tree) });
  },
  dot: async (): Promise<TreeRenderer> => {
    const { exportDot } = await import('./dot-export.js');
    return (tree) => exportDot(tree, { figures: treeFigures(tree) });
  },
} as const satisfies Record<string, () => Promise<TreeRenderer>>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
