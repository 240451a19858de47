// A postmortem section in Markdown (report stage): tables that GitHub and GitLab render, and the
// tree as a Mermaid flowchart with the suspects highlighted.

import { formatPosterior, formatProbability as fmt } from './format-number.js';
import { exportMermaid } from './mermaid-export.js';
import { formatHours, type Postmortem } from './postmortem.js';
import { escapeControlCharacters } from './terminal-text.js';

export function renderPostmortemMarkdown(pm: Postmortem): string {
  const out: string[] = [];
  const name = (id: string, label?: string) => (label !== undefined ? `${escapeMarkdown(label)} (\`${id}\`)` : `\`${id}\``);
  out.push(`# Postmortem: ${escapeMarkdown(pm.title)}`, '');
  out.push(`**Summary.** ${escapeSummary(pm.summary)}`, '');

  out.push('## Top event', '');
  out.push('| | |', '|---|---|');
  out.push(`| event | ${name(pm.top.id, pm.top.label)} |`);
  out.push(`| probability | **${fmt(pm.top.probability, 4)}** (exact, ${pm.top.method.toUpperCase()}) |`);
  out.push(`| mission time | ${formatHours(pm.model.missionTime)} |`);
  if (pm.window) out.push(`| incident window | ${pm.window} |`);
  out.push(`| model | ${pm.model.gates} gates, ${pm.model.events} basic events${pm.model.houses > 0 ? `, ${pm.model.houses} house event${pm.model.houses === 1 ? '' : 's'}` : ''}; BDD of ${pm.model.bddNodes} nodes |`);
  out.push('');

  out.push('## Suspects', '');
  if (pm.suspects.length === 0) out.push('No basic event can cause the top event.', '');
  else {
    out.push(
      pm.hasEvidence
        ? `Ranked by ${pm.posteriorName}, the probability that the event occurred given the top event and the evidence.`
        : 'Ranked by P(x|T), the probability that the event occurred given that the top event did (no evidence given).',
      '',
    );
    const evidence = pm.hasEvidence;
    out.push(`| # | event | prior |${evidence ? ' adjusted |' : ''} ${escapeMarkdown(pm.posteriorName)} | Birnbaum |${evidence ? ' evidence |' : ''} path to the top |`);
    out.push(`|--:|---|--:|${evidence ? '--:|' : ''}--:|--:|${evidence ? '---|' : ''}---|`);
    for (const s of pm.suspects) {
      const fired = evidence ? ` ${s.evidence.length > 0 ? s.evidence.map(escapeMarkdown).join('; ') : '—'} |` : '';
      out.push(
        `| ${s.rank} | ${name(s.id, s.label)} | ${fmt(s.prior)} |${evidence ? ` ${fmt(s.adjusted)} |` : ''} **${formatPosterior(s.posterior)}** | ${fmt(s.birnbaum)} |${fired} ${s.path.map((p) => `\`${p}\``).join(' › ')} |`,
      );
    }
    out.push('');
  }

  out.push('## Next checks', '');
  if (pm.nextChecks.length === 0) out.push('No likely event of the tree says how to check it (`check:` in the tree format).', '');
  else {
    const gain = pm.nextChecks.some((c) => c.informationGain !== undefined);
    out.push(`Events that say how to check them, by ${escapeMarkdown(pm.posteriorName)} per minute of checking${gain ? ', with the expected information gain of the answer' : ''}.`, '');
    out.push(`| event | how | cost | ${escapeMarkdown(pm.posteriorName)} |${gain ? ' gain |' : ''}`, `|---|---|--:|--:|${gain ? '--:|' : ''}`);
    for (const c of pm.nextChecks) out.push(`| ${name(c.id, c.label)} | ${escapeMarkdown(c.how)} | ${c.cost !== undefined ? formatMinutes(c.cost) : '—'} | ${formatPosterior(c.posterior)} |${gain ? ` ${c.informationGain !== undefined ? `${fmt(c.informationGain)} bit` : '—'} |` : ''}`);
    out.push('');
  }

  if (pm.cutSets) {
    out.push('## Most probable cut sets', '');
    if (pm.cutSets.length === 0) out.push('None within the order limit.', '');
    else {
      out.push(`| # | events | ${escapeMarkdown(pm.cutSetMeasure)} |`, '|--:|---|--:|');
      pm.cutSets.forEach((c, i) => out.push(`| ${i + 1} | ${c.events.map((e) => `\`${e}\``).join(' · ')} | ${fmt(c.probability)} |`));
      out.push('');
    }
  }

  out.push('## Timeline', '');
  if (pm.timeline.length === 0) out.push(pm.hasEvidence ? 'No signal fired in the window.' : 'No evidence was given (`--logs`, `--metrics`, `--prometheus`, `--changes`).', '');
  else {
    out.push('| time | event | signal |', '|---|---|---|');
    for (const t of pm.timeline) out.push(`| ${t.time} | \`${t.id}\` | ${escapeMarkdown(t.text)} |`);
    out.push('');
  }

  if (pm.singlePoints) {
    out.push('## Single points of failure', '');
    if (pm.singlePoints.length === 0) out.push('None: no basic event causes the top event on its own.', '');
    else {
      out.push('Basic events that cause the top event on their own.', '');
      out.push('| event | probability |', '|---|--:|');
      for (const s of pm.singlePoints) out.push(`| ${name(s.id, s.label)} | ${fmt(s.probability)} |`);
      out.push('');
    }
  }

  out.push('## Fault tree', '');
  out.push(`Each box shows P and ${pm.posteriorName}; the three leading suspects are highlighted.`, '');
  out.push('```mermaid', exportMermaid(pm.tree, { figures: pm.figures, posteriorName: pm.posteriorName }).trimEnd(), '```', '');

  out.push('## Run', '');
  out.push('| | |', '|---|---|');
  out.push(`| ftree | ${escapeMarkdown(pm.metadata.version)} |`);
  out.push(`| command | \`${['ftree', ...pm.metadata.command].join(' ').replace(/`/g, "'")}\` |`);
  for (const f of pm.metadata.inputs) out.push(`| ${escapeMarkdown(f.role)} | \`${f.path.replace(/`/g, "'")}\` sha256 \`${f.sha256}\` |`);
  for (const [k, v] of pm.metadata.settings) out.push(`| ${escapeMarkdown(k)} | ${escapeMarkdown(v)} |`);
  out.push('');
  return out.join('\n');
}

/** Minutes as "5 min", "2 h", "1.5 h". */
export function formatMinutes(minutes: number): string {
  return minutes < 60 ? `${Number(minutes.toPrecision(3))} min` : `${Number((minutes / 60).toPrecision(3))} h`;
}

/** Text safe in Markdown (and in a table cell): the characters that start markup are escaped. */
export function escapeMarkdown(s: string): string {
  return escapeControlCharacters(s.replace(/[\r\n]+/g, ' ')).replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** The summary keeps its `id` code spans; the text between them is escaped. */
export function escapeSummary(s: string): string {
  return s
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') ? part : escapeMarkdown(part)))
    .join('');
}
