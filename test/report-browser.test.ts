// The HTML report in a real browser: headless Chromium loads it from a file URL and must draw one SVG
// node per gate and event with their labels, log no console error, make no network request, and
// fold a subtree on a click. Screenshots go to test-artifacts/. Runs whenever Chromium is on the
// PATH; in CI (CI=true) it must run, elsewhere it is skipped with a message when Chromium is missing.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadTree } from '../src/parse/yaml/load-tree.js';
import { CdpBrowser, findChromium, type CdpEvent } from './helpers/cdp-pipe.js';
import { CLI, REPO_ROOT } from './helpers/paths.js';

const chromium = findChromium();
const inCi = process.env['CI'] === 'true';
const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');

if (!chromium && !inCi) {
  process.stderr.write('test/report-browser.test.ts: skipped, Chromium is not on the PATH (apt-get install chromium; .ci/run installs it)\n');
}

const describeBrowser = chromium || inCi ? describe : describe.skip;

describeBrowser('the HTML report in headless Chromium', () => {
  let dir: string;
  let browser: CdpBrowser;
  let session: string;
  const events: CdpEvent[] = [];
  let reportUrl: string;

  beforeAll(async () => {
    if (!chromium) throw new Error('CI=true but Chromium is not on the PATH: .ci/run must install it (apt-get install chromium)');
    dir = mkdtempSync(join(tmpdir(), 'ftree-browser-'));
    const report = join(dir, 'payment-latency.html');
    const r = spawnSync(process.execPath, [CLI, 'report', 'trees/payment-latency.yaml', '--format', 'html', '-o', report], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    reportUrl = pathToFileURL(report).href;
    browser = CdpBrowser.launch(chromium, join(dir, 'profile'));
    browser.on((e) => events.push(e));
    const { targetId } = (await browser.send('Target.createTarget', { url: 'about:blank' })) as { targetId: string };
    session = ((await browser.send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string }).sessionId;
    for (const domain of ['Page', 'Runtime', 'Network', 'Log']) await browser.send(`${domain}.enable`, {}, session);
    await browser.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false }, session);
    const loaded = browser.waitFor('Page.loadEventFired', session);
    await browser.send('Page.navigate', { url: reportUrl }, session);
    await loaded;
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  });

  const evaluate = async <T>(expression: string): Promise<T> => {
    const r = (await browser.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, session)) as { result: { value: T }; exceptionDetails?: unknown };
    if (r.exceptionDetails) throw new Error(`evaluate failed: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value;
  };

  it('draws one node per gate and event of the tree, with its label', async () => {
    const { tree } = await loadTree(join(REPO_ROOT, 'trees', 'payment-latency.yaml'));
    const drawn = await evaluate<{ kind: string; id: string; text: string }[]>(
      `[...document.querySelectorAll('svg.ftree-diagram .node')].map(n => ({ kind: n.classList.contains('gate') ? 'gate' : n.classList.contains('event') ? 'event' : 'house', id: n.getAttribute('data-id'), text: [...n.querySelectorAll('text.label')].map(t => t.textContent).join(' ') }))`,
    );
    expect(drawn.filter((n) => n.kind === 'gate').map((n) => n.id).sort()).toEqual([...tree!.gates.keys()].sort());
    expect(drawn.filter((n) => n.kind === 'event').map((n) => n.id).sort()).toEqual([...tree!.events.keys()].sort());
    expect(drawn.filter((n) => n.kind === 'house').map((n) => n.id).sort()).toEqual([...tree!.houses.keys()].sort());
    for (const n of drawn) {
      const label = tree!.gates.get(n.id)?.label ?? tree!.events.get(n.id)?.label ?? tree!.houses.get(n.id)?.label ?? n.id;
      // Labels are wrapped on two lines and cut with … when longer: the drawn words start the label.
      const shown = n.text.replace(/…$/, '').replace(/\s+/g, ' ').trim();
      expect(label.replace(/\s+/g, ' ').startsWith(shown.slice(0, Math.max(1, shown.length - 1)))).toBe(true);
    }
    // Every distinct gate input is one edge; a shared event is drawn once.
    const edges = await evaluate<number>(`document.querySelectorAll('svg.ftree-diagram path.edge').length`);
    expect(edges).toBe([...tree!.gates.values()].reduce((n, g) => n + new Set(g.inputs).size, 0));
  });

  it('folds a subtree when a gate symbol is clicked, and unfolds it again', async () => {
    const hidden = await evaluate<number>(`(() => {
      document.getElementById('expand-all').click();
      const gate = document.querySelector('svg.ftree-diagram .node.gate[data-id="connection_pool_exhausted"] .toggle');
      gate.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      return document.querySelectorAll('svg.ftree-diagram .node.hidden').length;
    })()`);
    // connection_leak, hikari_pool_undersized, connection_storm_on_rollout and max_surge_too_high
    // hide; payments_api_rollout stays, as cold_cache_after_deploy still reaches it.
    expect(hidden).toBe(4);
    const after = await evaluate<number>(`(() => {
      document.getElementById('expand-all').click();
      return document.querySelectorAll('svg.ftree-diagram .node.hidden').length;
    })()`);
    expect(after).toBe(0);
  });

  it('logs no console error and requests nothing over the network', () => {
    const errors = events.filter(
      (e) =>
        e.method === 'Runtime.exceptionThrown' ||
        (e.method === 'Runtime.consoleAPICalled' && (e.params['type'] === 'error' || e.params['type'] === 'warning')) ||
        (e.method === 'Log.entryAdded' && ['error', 'warning'].includes((e.params['entry'] as { level: string }).level)),
    );
    expect(errors.map((e) => JSON.stringify(e.params).slice(0, 300))).toEqual([]);
    const requests = events.filter((e) => e.method === 'Network.requestWillBeSent').map((e) => (e.params['request'] as { url: string }).url);
    expect(requests.filter((u) => u !== reportUrl)).toEqual([]);
  });

  it('shows an incident report (with evidence) the same way, its suspects highlighted', async () => {
    const report = join(dir, 'incident.html');
    const scenario = 'examples/latency-innodb-lock-contention';
    const args = ['--logs', `${scenario}/logs`, '--metrics', `${scenario}/metrics.csv`, '--changes', `${scenario}/changes.jsonl`, '--since', '2026-11-20T10:05:00Z', '--until', '2026-11-20T10:35:00Z'];
    const r = spawnSync(process.execPath, [CLI, 'report', 'trees/payment-latency.yaml', ...args, '--format', 'html', '-o', report], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const url = pathToFileURL(report).href;
    const before = events.length;
    const loaded = browser.waitFor('Page.loadEventFired', session);
    await browser.send('Page.navigate', { url }, session);
    await loaded;
    const seen = await evaluate<{ nodes: number; suspects: string[]; evidenceColumn: boolean }>(`({
      nodes: document.querySelectorAll('svg.ftree-diagram .node').length,
      suspects: [...document.querySelectorAll('svg.ftree-diagram .node.suspect')].map(n => n.getAttribute('data-id')),
      evidenceColumn: [...document.querySelectorAll('#suspects + p + table th')].some(th => th.textContent === 'evidence'),
    })`);
    expect(seen.nodes).toBe(38);
    expect(seen.suspects).toEqual(['innodb_lock_contention']);
    expect(seen.evidenceColumn).toBe(true);
    const later = events.slice(before);
    expect(later.filter((e) => e.method === 'Runtime.exceptionThrown' || (e.method === 'Log.entryAdded' && (e.params['entry'] as { level: string }).level === 'error'))).toEqual([]);
    expect(later.filter((e) => e.method === 'Network.requestWillBeSent').map((e) => (e.params['request'] as { url: string }).url).filter((u) => u !== url)).toEqual([]);
    // Back to the first report for the screenshots.
    const back = browser.waitFor('Page.loadEventFired', session);
    await browser.send('Page.navigate', { url: reportUrl }, session);
    await back;
  });

  it('opens on the suspects: a narrow drawing of their paths to the top, the first suspect in view at 1400 px', async () => {
    await browser.send('Emulation.setDeviceMetricsOverride', { width: 1400, height: 900, deviceScaleFactor: 1, mobile: false }, session);
    const reload = browser.waitFor('Page.loadEventFired', session);
    await browser.send('Page.navigate', { url: reportUrl }, session);
    await reload;
    const seen = await evaluate<{ focusWidth: number; wholeWidth: number; wholeHidden: boolean; suspects: string[]; folded: number; firstInView: boolean; fontPx: number }>(`(() => {
      const focus = document.querySelector('svg.ftree-focus');
      const figure = document.querySelector('.diagram.focus');
      const first = [...focus.querySelectorAll('.node.suspect')].find((n) => n.querySelector('.rank-text').textContent === '1');
      const f = figure.getBoundingClientRect();
      const b = first.querySelector('.box').getBoundingClientRect();
      return {
        focusWidth: Number(focus.getAttribute('width')),
        wholeWidth: Number(document.querySelector('svg.ftree-diagram').getAttribute('width')),
        wholeHidden: document.querySelector('.diagram.whole').hidden,
        suspects: [...focus.querySelectorAll('.node.suspect')].map((n) => n.getAttribute('data-id')).sort(),
        folded: focus.querySelectorAll('.node.gate.collapsed').length,
        firstInView: b.left >= f.left && b.right <= f.right,
        fontPx: parseFloat(getComputedStyle(focus.querySelector('.label')).fontSize) * focus.getBoundingClientRect().width / Number(focus.getAttribute('width')),
      };
    })()`);
    expect(seen.wholeHidden).toBe(true);
    expect(seen.focusWidth).toBeLessThan(seen.wholeWidth * 0.75);
    expect(seen.suspects).toHaveLength(3);
    expect(seen.folded).toBeGreaterThan(0);
    expect(seen.firstInView).toBe(true);
    expect(seen.fontPx).toBeGreaterThanOrEqual(11);
    mkdirSync(ARTIFACTS, { recursive: true });
    const shot = (await browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: await evaluate<{ x: number; y: number; width: number; height: number; scale: number }>(`(() => { const r = document.querySelector('.diagram.focus').getBoundingClientRect(); return { x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height, scale: 1 }; })()`) }, session)) as { data: string };
    writeFileSync(join(ARTIFACTS, 'report-payment-latency-focus-1400.png'), Buffer.from(shot.data, 'base64'));
    // A click on a folded gate opens the whole drawing with that gate open.
    const opened = await evaluate<{ wholeHidden: boolean; gateOpen: boolean }>(`(() => {
      const gate = document.querySelector('svg.ftree-focus .node.gate.collapsed');
      const id = gate.getAttribute('data-id');
      gate.querySelector('.toggle').dispatchEvent(new MouseEvent('click', { bubbles: true }));
      return { wholeHidden: document.querySelector('.diagram.whole').hidden, gateOpen: !document.querySelector('svg.ftree-diagram .node[data-id="' + id + '"]').classList.contains('collapsed') };
    })()`);
    expect(opened).toEqual({ wholeHidden: false, gateOpen: true });
  });

  it('prints on A4 with the suspects\' paths at a readable size, not the whole tree shrunk', async () => {
    // The printable width of A4 with the report's 14 mm margins, in CSS pixels (96 per inch).
    const a4Width = Math.floor(((210 - 28) / 25.4) * 96);
    await browser.send('Emulation.setDeviceMetricsOverride', { width: a4Width, height: 1100, deviceScaleFactor: 1, mobile: false }, session);
    await browser.send('Emulation.setEmulatedMedia', { media: 'print' }, session);
    try {
      const printed = await evaluate<{ shown: boolean; focus: string; whole: string; scale: number; nodes: number; suspects: number }>(`(() => {
        const figure = document.querySelector('figure.print-only');
        const svg = figure.querySelector('svg');
        return {
          shown: getComputedStyle(figure).display !== 'none',
          focus: getComputedStyle(document.querySelector('figure.diagram.focus')).display,
          whole: getComputedStyle(document.querySelector('figure.diagram.whole')).display,
          scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
          nodes: svg.querySelectorAll('.node').length,
          suspects: svg.querySelectorAll('.rank').length,
        };
      })()`);
      expect(printed).toMatchObject({ shown: true, focus: 'none', whole: 'none' });
      // Text at three quarters of its size or more: 11.5 px labels stay above 8.5 px (6.5 pt).
      expect(printed.scale).toBeGreaterThanOrEqual(0.75);
      expect(printed.suspects).toBeGreaterThan(0);
      const pdf = (await browser.send('Page.printToPDF', { preferCSSPageSize: true, printBackground: true }, session)) as { data: string };
      const bytes = Buffer.from(pdf.data, 'base64');
      mkdirSync(ARTIFACTS, { recursive: true });
      writeFileSync(join(ARTIFACTS, 'report-payment-latency.pdf'), bytes);
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      // A4 from the report's @page rule: 595.28 × 841.89 pt.
      expect(bytes.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
    } finally {
      await browser.send('Emulation.setEmulatedMedia', { media: '' }, session);
      await browser.send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false }, session);
    }
  });

  it('saves screenshots of the page and of the whole drawing to test-artifacts/', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const metrics = (await browser.send('Page.getLayoutMetrics', {}, session)) as { cssContentSize: { width: number; height: number } };
    const page = (await browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { x: 0, y: 0, width: 1280, height: Math.ceil(metrics.cssContentSize.height), scale: 1 } }, session)) as { data: string };
    writeFileSync(join(ARTIFACTS, 'report-payment-latency-page.png'), Buffer.from(page.data, 'base64'));
    const box = await evaluate<{ x: number; y: number; width: number; height: number }>(`(() => {
      document.getElementById('expand-all').click();
      document.body.style.maxWidth = 'none';
      document.querySelector('.diagram.whole').style.overflow = 'visible';
      document.querySelector('.diagram.whole').style.border = 'none';
      const r = document.querySelector('svg.ftree-diagram').getBoundingClientRect();
      return { x: r.left + window.scrollX, y: r.top + window.scrollY, width: r.width, height: r.height };
    })()`);
    const drawing = (await browser.send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { ...box, scale: 1 } }, session)) as { data: string };
    const png = Buffer.from(drawing.data, 'base64');
    writeFileSync(join(ARTIFACTS, 'report-payment-latency-tree.png'), png);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(box.width).toBeGreaterThan(1000);
  });
});
