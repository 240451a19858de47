// `ftree export`: a tree (YAML or MEF) → Open-PSA MEF XML, YAML, JSON, Mermaid or DOT (cli stage).
// load → render in the chosen format → stdout or a file (never over an existing one without --force).

import { EXIT } from './error-table.js';
import type { FaultTree } from '../model/fault-tree.js';
import { exportDot } from '../report/dot-export.js';
import { exportMef } from '../report/mef-export.js';
import { exportMermaid } from '../report/mermaid-export.js';
import { modelToJson } from '../report/model-json.js';
import { exportYaml } from '../report/yaml-export.js';
import { loadInput } from './load-input.js';
import type { GlobalOptions } from './global-options.js';
import { writeOutputFile } from './write-output.js';

export type ExportFormat = 'mef' | 'yaml' | 'json' | 'mermaid' | 'dot';

export interface ExportOptions extends GlobalOptions {
  readonly format: ExportFormat;
  readonly output?: string;
  readonly force?: boolean;
}

export async function runExport(files: readonly string[], options: ExportOptions): Promise<number> {
  const { tree } = await loadInput(files, { allowOutsidePaths: options.allowOutsidePaths, color: options.color !== false });
  const text = render(tree, options.format);
  if (options.output === undefined || options.output === '-') process.stdout.write(text);
  else await writeOutputFile(options.output, text, { force: options.force === true });
  return EXIT.ok;
}

function render(tree: FaultTree, format: ExportFormat): string {
  switch (format) {
    case 'mef':
      return exportMef(tree);
    case 'yaml':
      return exportYaml(tree);
    case 'json':
      return `${JSON.stringify(modelToJson(tree), null, 2)}\n`;
    case 'mermaid':
    case 'dot': {
      // The drawings show each event's probability from the tree (no analysis is run).
      const figures = new Map([...tree.events.values()].map((e) => [e.id, { probability: e.probability }]));
      return format === 'mermaid' ? exportMermaid(tree, { figures }) : exportDot(tree, { figures });
    }
  }
}
