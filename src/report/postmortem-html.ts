// A postmortem section as one self-contained HTML file (report stage): inline CSS and JS only,
// a Content-Security-Policy that forbids every network fetch, the tree as an SVG drawing with
// collapsible subtrees, and print styles.

import { createHash } from 'node:crypto';
import { formatPosterior, formatProbability as fmt } from './format-number.js';
import { formatHours, type Postmortem } from './postmortem.js';
import { formatMinutes } from './postmortem-markdown.js';
import { escapeXml as esc, renderTreeSvg } from './tree-svg.js';

const STYLE = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #5b6470; --line: #44546a; --gate: #eef2f7; --hot: #b3261e; --hot-bg: #fde3e1; --bar: #d0483c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; color: var(--ink); font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
h1 { font-size: 1.6em; margin: 0 0 .4em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .5em; border-bottom: 1px solid #d8dde3; padding-bottom: .2em; }
p.summary { font-size: 1.05em; background: #f6f8fa; border-left: 4px solid var(--hot); padding: .6em .9em; }
table { border-collapse: collapse; margin: .4em 0 1em; font-size: .93em; }
th, td { border: 1px solid #d8dde3; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
code { font: .88em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f1f3f5; padding: 0 .25em; border-radius: 3px; }
.muted { color: var(--muted); }
.controls button { font: inherit; font-size: .85em; margin-right: .4em; padding: .2em .7em; border: 1px solid #c4ccd5; background: #fff; border-radius: 4px; cursor: pointer; }
.diagram { margin: 0; overflow: auto; border: 1px solid #d8dde3; border-radius: 6px; padding: 8px; background: #fff; }
.diagram.fit svg { width: 100%; height: auto; }
svg .edge { fill: none; stroke: var(--line); stroke-width: 1.3; }
svg .box { fill: #fff; stroke: var(--line); stroke-width: 1.2; }
svg .gate .box { fill: var(--gate); }
svg .top .box { stroke-width: 2.2; }
svg .suspect .box { fill: var(--hot-bg); stroke: var(--hot); stroke-width: 2; }
svg .label { font-size: 11.5px; font-weight: 600; fill: var(--ink); }
svg .id { font: 10px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; fill: var(--muted); }
svg .figures { font-size: 10.5px; fill: var(--ink); font-variant-numeric: tabular-nums; }
svg .bar { fill: var(--bar); }
svg .stem { stroke: var(--line); stroke-width: 1.3; }
svg .symbol, svg .gate-shape { fill: #fff; stroke: var(--line); stroke-width: 1.5; }
svg .gate-shape.open { fill: none; }
svg .gate-type { font-size: 10px; fill: var(--muted); font-weight: 600; }
svg .gate-inner { font-size: 13px; fill: var(--ink); }
svg .toggle { cursor: pointer; }
svg .toggle:focus { outline: none; }
svg .toggle:focus .gate-shape, svg .toggle:hover .gate-shape { stroke: #1f6feb; stroke-width: 2.2; }
svg .collapsed-mark { display: none; font-size: 15px; font-weight: 700; fill: #1f6feb; }
svg .collapsed .collapsed-mark { display: inline; }
svg .collapsed .gate-shape { fill: #dbe7fb; }
svg .rank { fill: var(--hot); }
svg .rank-text { font-size: 11px; font-weight: 700; fill: #fff; }
svg .hidden { display: none; }
figure.print-only { display: none; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  .controls { display: none; }
  .diagram { overflow: visible; border: none; padding: 0; }
  .diagram svg { width: 100%; height: auto; }
  /* On paper: the suspects' paths alone, at their own size unless wider than the page. */
  figure.diagram.focus, figure.diagram.whole { display: none; }
  figure.print-only { display: block; }
  figure.print-only svg { width: auto; max-width: 100%; height: auto; }
  h2 { break-after: avoid; }
  table, tr, figure { break-inside: avoid; }
  p.summary { background: none; }
}
`;

// Collapsing: a gate's symbol toggles its subtree; a node stays visible while some path from the
// top reaches it through expanded gates (the tree is a DAG, so shared events stay when one parent folds).
// The report opens with only the paths from the top to the numbered suspects unfolded.
const SCRIPT = `
(function () {
  var svg = document.querySelector('svg.ftree-diagram');
  if (!svg) return;
  var root = svg.querySelector('.node.top');
  function kids(g) { var k = g.getAttribute('data-kids'); return k ? k.split(' ') : []; }
  function refresh() {
    var visible = {};
    var stack = [root.id];
    while (stack.length) {
      var id = stack.pop();
      if (visible[id]) continue;
      visible[id] = true;
      var g = document.getElementById(id);
      if (g && !g.classList.contains('collapsed')) stack.push.apply(stack, kids(g));
    }
    svg.querySelectorAll('.node').forEach(function (n) { n.classList.toggle('hidden', !visible[n.id]); });
    svg.querySelectorAll('.edge').forEach(function (e) {
      var from = document.getElementById(e.getAttribute('data-from'));
      e.classList.toggle('hidden', !visible[e.getAttribute('data-from')] || !visible[e.getAttribute('data-to')] || from.classList.contains('collapsed'));
    });
  }
  function toggle(node) { node.classList.toggle('collapsed'); refresh(); }
  svg.querySelectorAll('.gate .toggle').forEach(function (t) {
    t.addEventListener('click', function () { toggle(t.parentNode); });
    t.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); toggle(t.parentNode); } });
  });
  function all(collapse) {
    svg.querySelectorAll('.node.gate').forEach(function (g) { if (g !== root) g.classList.toggle('collapsed', collapse); });
    refresh();
  }
  // The narrow drawing of the suspects' paths comes first; Whole tree, Expand all, or a click on one
  // of its folded gates shows the whole drawing, in the same state with that gate opened.
  var focusFigure = document.querySelector('.diagram.focus');
  var wholeFigure = document.querySelector('.diagram.whole');
  function showWhole(open) {
    if (!focusFigure) return;
    focusFigure.hidden = true;
    wholeFigure.hidden = false;
    if (open) {
      var g = svg.querySelector('.node[data-id="' + open + '"]');
      if (g) { g.classList.remove('collapsed'); refresh(); inView(g); }
    }
  }
  if (focusFigure) {
    focusFigure.querySelectorAll('.gate .toggle').forEach(function (t) {
      function open() { showWhole(t.parentNode.getAttribute('data-id')); }
      t.addEventListener('click', open);
      t.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); open(); } });
    });
  }
  var whole = document.getElementById('whole-tree');
  if (whole) whole.addEventListener('click', function () {
    if (wholeFigure.hidden) showWhole(null); else { wholeFigure.hidden = true; focusFigure.hidden = false; }
  });
  var expand = document.getElementById('expand-all');
  var collapse = document.getElementById('collapse-all');
  var fit = document.getElementById('fit-width');
  if (expand) expand.addEventListener('click', function () { showWhole(null); all(false); });
  if (collapse) collapse.addEventListener('click', function () { showWhole(null); all(true); });
  if (fit) fit.addEventListener('click', function () { document.querySelectorAll('.diagram').forEach(function (d) { d.classList.toggle('fit'); }); });
  // Open on the suspects: the gates on a path from the top to a numbered suspect stay open, every
  // other gate is folded (one click, or Expand all, opens it), and the first suspect is in view.
  var suspects = Array.prototype.slice.call(svg.querySelectorAll('.node.suspect'));
  if (suspects.length) {
    var parents = {};
    svg.querySelectorAll('.node.gate').forEach(function (g) { kids(g).forEach(function (k) { (parents[k] = parents[k] || []).push(g.id); }); });
    var onPath = {};
    var up = suspects.map(function (n) { return n.id; });
    while (up.length) {
      var id = up.pop();
      if (onPath[id]) continue;
      onPath[id] = true;
      up.push.apply(up, parents[id] || []);
    }
    svg.querySelectorAll('.node.gate').forEach(function (g) { if (g !== root) g.classList.toggle('collapsed', !onPath[g.id]); });
  }
  refresh();
  // Start with the first suspect in view (else the top event): wide trees scroll sideways.
  function inView(node) {
    var figure = node.closest('.diagram');
    var b = node.querySelector('.box');
    if (figure && b && !figure.hidden) figure.scrollLeft = Math.max(0, b.getBBox().x + b.getBBox().width / 2 - figure.clientWidth / 2);
  }
  function firstSuspect(s) {
    var ranked = Array.prototype.slice.call(s.querySelectorAll('.node.suspect'));
    return ranked.filter(function (n) { var t = n.querySelector('.rank-text'); return t && t.textContent === '1'; })[0] || ranked[0] || s.querySelector('.node.top');
  }
  var focusSvg = document.querySelector('svg.ftree-focus');
  inView(firstSuspect(focusSvg || svg));
})();
`;

export function renderPostmortemHtml(pm: Postmortem): string {
  const name = (id: string, label?: string) => (label !== undefined ? `${esc(label)} <code>${esc(id)}</code>` : `<code>${esc(id)}</code>`);
  const summary = esc(pm.summary).replace(/`([^`]*)`/g, '<code>$1</code>');
  const body: string[] = [];
  body.push(`<h1>Postmortem: ${esc(pm.title)}</h1>`);
  body.push(`<p class="summary"><strong>Summary.</strong> ${summary}</p>`);

  body.push('<h2 id="top-event">Top event</h2>', '<table>');
  body.push(`<tr><th>event</th><td>${name(pm.top.id, pm.top.label)}</td></tr>`);
  body.push(`<tr><th>probability</th><td><strong>${fmt(pm.top.probability, 4)}</strong> <span class="muted">(exact, ${esc(pm.top.method.toUpperCase())})</span></td></tr>`);
  body.push(`<tr><th>mission time</th><td>${esc(formatHours(pm.model.missionTime))}</td></tr>`);
  if (pm.window) body.push(`<tr><th>incident window</th><td>${esc(pm.window)}</td></tr>`);
  body.push(`<tr><th>model</th><td>${pm.model.gates} gates, ${pm.model.events} basic events${pm.model.houses > 0 ? `, ${pm.model.houses} house event${pm.model.houses === 1 ? '' : 's'}` : ''}; BDD of ${pm.model.bddNodes} nodes</td></tr>`);
  body.push('</table>');

  body.push('<h2 id="suspects">Suspects</h2>');
  if (pm.suspects.length === 0) body.push('<p>No basic event can cause the top event.</p>');
  else {
    body.push(
      `<p class="muted">${pm.hasEvidence ? `Ranked by ${esc(pm.posteriorName)}, the probability that the event occurred given the top event and the evidence.` : 'Ranked by P(x|T), the probability that the event occurred given that the top event did (no evidence given).'}</p>`,
    );
    body.push('<table>', `<tr><th class="num">#</th><th>event</th><th class="num">prior</th>${pm.hasEvidence ? '<th class="num">adjusted</th>' : ''}<th class="num">${esc(pm.posteriorName)}</th><th class="num">Birnbaum</th>${pm.hasEvidence ? '<th>evidence</th>' : ''}<th>path to the top</th></tr>`);
    for (const s of pm.suspects) {
      body.push(
        `<tr><td class="num">${s.rank}</td><td>${name(s.id, s.label)}</td><td class="num">${fmt(s.prior)}</td>${pm.hasEvidence ? `<td class="num">${fmt(s.adjusted)}</td>` : ''}<td class="num"><strong>${formatPosterior(s.posterior)}</strong></td><td class="num">${fmt(s.birnbaum)}</td>${pm.hasEvidence ? `<td>${s.evidence.length > 0 ? s.evidence.map(esc).join('<br>') : '—'}</td>` : ''}<td>${s.path.map((p) => `<code>${esc(p)}</code>`).join(' › ')}</td></tr>`,
      );
    }
    body.push('</table>');
  }

  body.push('<h2 id="next-checks">Next checks</h2>');
  if (pm.nextChecks.length === 0) body.push('<p>No likely event of the tree says how to check it (<code>check:</code> in the tree format).</p>');
  else {
    const gain = pm.nextChecks.some((c) => c.informationGain !== undefined);
    body.push(`<p class="muted">Events that say how to check them, by ${esc(pm.posteriorName)} per minute of checking${gain ? ', with the expected information gain of the answer' : ''}.</p>`);
    body.push('<table>', `<tr><th>event</th><th>how</th><th class="num">cost</th><th class="num">${esc(pm.posteriorName)}</th>${gain ? '<th class="num">gain</th>' : ''}</tr>`);
    for (const c of pm.nextChecks) {
      body.push(`<tr><td>${name(c.id, c.label)}</td><td>${esc(c.how)}</td><td class="num">${c.cost !== undefined ? esc(formatMinutes(c.cost)) : '—'}</td><td class="num">${formatPosterior(c.posterior)}</td>${gain ? `<td class="num">${c.informationGain !== undefined ? `${fmt(c.informationGain)} bit` : '—'}</td>` : ''}</tr>`);
    }
    body.push('</table>');
  }

  if (pm.cutSets) {
    body.push('<h2 id="cut-sets">Most probable cut sets</h2>');
    if (pm.cutSets.length === 0) body.push('<p>None within the order limit.</p>');
    else {
      body.push('<table>', `<tr><th class="num">#</th><th>events</th><th class="num">${esc(pm.cutSetMeasure)}</th></tr>`);
      pm.cutSets.forEach((c, i) => body.push(`<tr><td class="num">${i + 1}</td><td>${c.events.map((e) => `<code>${esc(e)}</code>`).join(' · ')}</td><td class="num">${fmt(c.probability)}</td></tr>`));
      body.push('</table>');
    }
  }

  body.push('<h2 id="timeline">Timeline</h2>');
  if (pm.timeline.length === 0) body.push(`<p>${pm.hasEvidence ? 'No signal fired in the window.' : 'No evidence was given (<code>--logs</code>, <code>--metrics</code>, <code>--prometheus</code>, <code>--changes</code>).'}</p>`);
  else {
    body.push('<table>', '<tr><th>time</th><th>event</th><th>signal</th></tr>');
    for (const t of pm.timeline) body.push(`<tr><td>${esc(t.time)}</td><td><code>${esc(t.id)}</code></td><td>${esc(t.text)}</td></tr>`);
    body.push('</table>');
  }

  if (pm.singlePoints) {
    body.push('<h2 id="single-points">Single points of failure</h2>');
    if (pm.singlePoints.length === 0) body.push('<p>None: no basic event causes the top event on its own.</p>');
    else {
      body.push('<table>', '<tr><th>event</th><th class="num">probability</th></tr>');
      for (const s of pm.singlePoints) body.push(`<tr><td>${name(s.id, s.label)}</td><td class="num">${fmt(s.probability)}</td></tr>`);
      body.push('</table>');
    }
  }

  const drawing = renderTreeSvg(pm.tree, { figures: pm.figures, posteriorName: pm.posteriorName });
  const focus = focusDrawing(pm);
  body.push('<h2 id="fault-tree">Fault tree</h2>');
  body.push(
    `<p class="muted">Each box shows P and ${esc(pm.posteriorName)} (the red bar); the three leading suspects are numbered.${focus ? ' The drawing shows the paths from the top to them, the rest folded (+): click a folded gate, Whole tree or Expand all to open it.' : " Click a gate's symbol to fold its subtree."}</p>`,
  );
  body.push(`<p class="controls">${focus ? '<button type="button" id="whole-tree">Whole tree</button>' : ''}<button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button><button type="button" id="fit-width">Fit to width</button></p>`);
  if (focus) body.push(`<figure class="diagram focus">${focus}</figure>`);
  const paper = printDrawing(pm);
  if (paper) body.push(`<figure class="diagram print-only">${paper.svg}<figcaption class="muted">The paths from the top to the numbered suspects; ${paper.left} other nodes are in the interactive report.</figcaption></figure>`);
  body.push(`<figure class="diagram whole"${focus ? ' hidden' : ''}>${drawing.svg}</figure>`);

  body.push('<h2 id="run">Run</h2>', '<table>');
  body.push(`<tr><th>ftree</th><td>${esc(pm.metadata.version)}</td></tr>`);
  body.push(`<tr><th>command</th><td><code>${esc(['ftree', ...pm.metadata.command].join(' '))}</code></td></tr>`);
  for (const f of pm.metadata.inputs) body.push(`<tr><th>${esc(f.role)}</th><td><code>${esc(f.path)}</code><br><span class="muted">sha256 <code>${f.sha256}</code></span></td></tr>`);
  for (const [k, v] of pm.metadata.settings) body.push(`<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`);
  body.push('</table>');

  const csp = `default-src 'none'; style-src '${hash(STYLE)}'; script-src '${hash(SCRIPT)}'; img-src data:; base-uri 'none'; form-action 'none'`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="ftree ${esc(pm.metadata.version)}">`,
    `<title>Postmortem: ${esc(pm.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Every node on a path from the top to a numbered suspect; undefined without suspects. */
function suspectPaths(pm: Postmortem): Set<string> | undefined {
  const suspects = [...pm.figures].filter(([, f]) => f.suspectRank !== undefined).map(([id]) => id);
  if (suspects.length === 0) return undefined;
  const parents = new Map<string, string[]>();
  for (const [id, g] of pm.tree.gates) for (const input of g.inputs) parents.set(input, [...(parents.get(input) ?? []), id]);
  const onPath = new Set<string>();
  const up = [...suspects];
  for (let id = up.pop(); id !== undefined; id = up.pop()) {
    if (onPath.has(id)) continue;
    onPath.add(id);
    up.push(...(parents.get(id) ?? []));
  }
  return onPath;
}

/**
 * The drawing a reader starts with: the paths from the top to the numbered suspects, every other
 * gate folded, laid out on its own (so it is as narrow as those paths, not as the whole tree).
 * Undefined without suspects, or when nothing would be folded.
 */
function focusDrawing(pm: Postmortem): string | undefined {
  const tree = pm.tree;
  const onPath = suspectPaths(pm);
  if (!onPath) return undefined;
  const folded = new Set([...tree.gates.keys()].filter((id) => !onPath.has(id)));
  if (folded.size === 0) return undefined;
  const childrenOf = (id: string): readonly string[] => (onPath.has(id) ? (tree.gates.get(id)?.inputs ?? []) : []);
  return renderTreeSvg(tree, { figures: pm.figures, posteriorName: pm.posteriorName, childrenOf, folded, idPrefix: 'f', className: 'ftree-focus' }).svg;
}

/**
 * For paper: only the gates and events on the paths from the top to the numbered suspects, laid
 * out on their own, so that the drawing fits an A4 page without shrinking its text.
 */
function printDrawing(pm: Postmortem): { svg: string; left: number } | undefined {
  const tree = pm.tree;
  const onPath = suspectPaths(pm);
  if (!onPath) return undefined;
  const childrenOf = (id: string): readonly string[] => (tree.gates.get(id)?.inputs ?? []).filter((c) => onPath.has(c));
  const left = tree.gates.size + tree.events.size + tree.houses.size - onPath.size;
  return { svg: renderTreeSvg(tree, { figures: pm.figures, posteriorName: pm.posteriorName, childrenOf, idPrefix: 'p', className: 'ftree-print' }).svg, left };
}

function hash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}
